using Autograder.Grader.Run.Sandbox;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// A batch lane's workers keep to a core of their own, so that a submission that busies every core
/// slows its own lane only. Which cores a worker's threads may use is read from outside, from
/// /proc/&lt;pid&gt;/task/*/status.
/// </summary>
public sealed class CpuPinningTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [TestCase("0", new[] { 0 })]
    [TestCase("0-3,8", new[] { 0, 1, 2, 3, 8 })]
    [TestCase(" 2 , 4-5 ", new[] { 2, 4, 5 })]
    public void Core_lists_are_read_in_the_kernels_notation(string list, int[] cores) =>
        Assert.That(CpuPinning.Parse(list), Is.EqualTo(cores));

    [Test]
    public void Lanes_take_one_core_each_in_turn_and_a_single_lane_any()
    {
        int[] allowed = [4, 5];

        Assert.Multiple(() =>
        {
            Assert.That(CpuPinning.ForLane(0, 2, allowed), Is.EqualTo(new[] { 4 }));
            Assert.That(CpuPinning.ForLane(1, 2, allowed), Is.EqualTo(new[] { 5 }));
            Assert.That(CpuPinning.ForLane(2, 3, allowed), Is.EqualTo(new[] { 4 }), "more lanes than cores share them in turn");
            Assert.That(CpuPinning.ForLane(0, 1, allowed), Is.Empty, "one lane has nothing to be fair to");
            Assert.That(CpuPinning.ForLane(1, 2, [4]), Is.Empty, "one core cannot be shared out");
        });
    }

    [Test]
    public void Every_thread_of_a_pinned_worker_keeps_to_its_core()
    {
        Assume.That(OperatingSystem.IsLinux(), "reads /proc/<pid>/task");
        var allowed = CpuPinning.Allowed();
        Assume.That(allowed, Has.Count.GreaterThan(1), "needs two cores to tell a pinned worker from a free one");
        var core = allowed[^1];

        using var pinned = WorkerProcess.Launch(WorkerCommand.Locate() with { Cpus = [core] }, 2L << 30);
        using var free = WorkerProcess.Launch(WorkerCommand.Locate(), 2L << 30);
        pinned.WaitUntilReady(Patience);
        free.WaitUntilReady(Patience);

        // The runtime's own threads (finaliser, tiered compilation, GC) started after the pin:
        // every one of them must have inherited it.
        Assert.Multiple(() =>
        {
            Assert.That(ThreadCores(pinned.ProcessId), Has.Count.GreaterThan(3).And.All.EqualTo(new[] { core }));
            Assert.That(ThreadCores(free.ProcessId), Has.All.EqualTo(allowed), "the same reading sees every core when none was asked for");
        });
    }

    private static List<IReadOnlyList<int>> ThreadCores(int processId) =>
        [.. Directory.GetDirectories($"/proc/{processId}/task")
            .Select(task => ProcStatus.Field(Path.Combine(task, "status"), "Cpus_allowed_list"))
            .OfType<string>()
            .Select(CpuPinning.Parse)];
}
