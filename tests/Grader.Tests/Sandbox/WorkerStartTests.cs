using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// How a worker starts an exercise: it loads the learner's code, and libtorch only when that code
/// uses TorchSharp, then says Prepared (where the time limit starts) before any check runs. Which
/// native libraries a worker has loaded is read from its /proc/&lt;pid&gt;/maps, from outside.
/// </summary>
public sealed class WorkerStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private static readonly RunLimits Limits = new() { TimeLimit = TimeSpan.FromSeconds(60), MemoryBytes = 2L << 30 };

    [Test]
    public void An_exercise_without_TorchSharp_is_prepared_and_run_without_libtorch()
    {
        using var worker = ReadyWorker();
        worker.Send(Request("01-perceptron"));

        var kinds = MessagesUntilFinished(worker).Select(message => message.Kind).ToList();

        Assert.That(kinds.First(), Is.EqualTo(WorkerMessageKind.Prepared), "Prepared comes before any check starts");
        Assert.That(kinds, Has.One.EqualTo(WorkerMessageKind.Prepared));
        Assert.That(kinds, Has.Some.EqualTo(WorkerMessageKind.Result));
        // Every check of 01 has run in this worker, which is still alive (it waits for a next request).
        Assert.That(TorchLibraries(worker.ProcessId), Is.Empty);
    }

    [Test]
    public void An_exercise_with_TorchSharp_has_libtorch_loaded_when_prepared()
    {
        // The counterpart of the test above: the same observation sees libtorch when it is there.
        using var worker = ReadyWorker();
        worker.Send(Request("04-torchsharp-gpu"));

        var first = worker.Receive(Patience);

        Assert.That(first?.Kind, Is.EqualTo(WorkerMessageKind.Prepared), worker.ErrorTail);
        Assert.That(TorchLibraries(worker.ProcessId), Has.Some.Contains("libtorch_cpu.so"));
    }

    [Test]
    public void A_worker_that_is_ready_has_not_loaded_libtorch()
    {
        // The catalogue is built before Ready: none of its metadata may touch a tensor (04's once did).
        using var worker = ReadyWorker();

        Assert.That(TorchLibraries(worker.ProcessId), Is.Empty);
    }

    private static WorkerProcess ReadyWorker()
    {
        Assume.That(OperatingSystem.IsLinux(), "reads /proc/<pid>/maps");
        var worker = WorkerProcess.Launch(WorkerCommand.Locate(), Limits.MemoryBytes);
        worker.WaitUntilReady(Patience);
        return worker;
    }

    private static RunRequest Request(string exerciseId)
    {
        var files = SubmissionReader.Read(Course.PathOf("solutions"), [exerciseId]).Exercises[exerciseId];
        Course.Catalog.TryGetExercise(exerciseId, out var exercise);
        var compiled = SubmissionCompiler.Compile("WorkerStart", files, usings: exercise!.Usings);
        Assert.That(compiled, Is.InstanceOf<CompileResult.Success>(), compiled is CompileResult.Failure failure ? string.Join("\n", failure.Errors) : "");
        var success = (CompileResult.Success)compiled;
        var checks = Course.Catalog.ChecksOf(exerciseId).Select(Course.Seeds.Resolve).ToList();
        return new RunRequest(exerciseId, [.. checks.Select(check => check.Id)], success.Image, success.Symbols,
            (long)Limits.TimeLimit!.Value.TotalMilliseconds, [.. checks.Select(check => check.Seed)]);
    }

    private static List<WorkerMessage> MessagesUntilFinished(WorkerProcess worker)
    {
        var messages = new List<WorkerMessage>();
        while (worker.Receive(Patience) is { } message && message.Kind != WorkerMessageKind.Finished)
        {
            messages.Add(message);
        }

        Assert.That(worker.OutputEnded, Is.False, $"the worker ended early: {worker.ErrorTail}");
        return messages;
    }

    /// <summary>The libtorch and TorchSharp native files mapped into the process.</summary>
    private static List<string> TorchLibraries(int processId) =>
        [.. File.ReadAllLines($"/proc/{processId}/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => path.Contains("torch", StringComparison.OrdinalIgnoreCase) && path.EndsWith(".so", StringComparison.Ordinal))
            .Distinct()];
}
