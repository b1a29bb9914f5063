namespace Autograder.Grader.Tests.Sandbox;

/// <summary>
/// Nothing a worker starts outlives it. With seccomp on nothing can be started at all
/// (<see cref="SandboxAttacks"/>: native-fork, process-start); here seccomp and Landlock are left
/// off so that processes do start, and the grader's kill of the worker's process group must end
/// them, detached ones included, whether the exercise ends normally or by time-out.
/// </summary>
[Platform("Linux")]
public sealed class ProcessGroupTests
{
    [TestCase(false, "threw InvalidOperationException")]
    [TestCase(true, "timed out after")]
    public void Processes_a_worker_started_end_with_it(bool hang, string expected)
    {
        var marker = $"marker{Guid.NewGuid():N}";
        var statement =
            $"System.Diagnostics.Process.Start(\"/bin/sh\", \"-c \\\"sleep 120; : {marker}-child\\\"\"); " +
            $"System.Diagnostics.Process.Start(\"/bin/sh\", \"-c \\\"nohup sh -c 'sleep 120; : {marker}-detached' >/dev/null 2>&1 &\\\"\"); " +
            "System.Threading.Thread.Sleep(500); " +
            (hang ? "while (input.Length >= 0) { }" : "throw new InvalidOperationException(\"started\");");
        var limits = new RunLimits { TimeLimit = TimeSpan.FromSeconds(hang ? 4 : 20), MemoryBytes = 1L << 30 };

        var results = SandboxCode.RunWithoutPolicy(PerceptronSource.With(statement), limits, ["seccomp", "landlock"]);

        Assert.That(results.Select(result => result.Message), Has.Some.Contains(expected));
        Assert.That(results.Select(result => result.Status), Has.None.EqualTo(ResultStatus.Passed));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Survivors(marker).Count > 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        Assert.That(Survivors(marker), Is.Empty, "a process the worker started outlived it");
    }

    [Test]
    public void The_test_can_see_a_started_process()
    {
        // The survivor check above must be able to fail: a process it should find, it finds.
        var marker = $"marker{Guid.NewGuid():N}";
        using var shell = System.Diagnostics.Process.Start("/bin/sh", ["-c", $"sleep 30; : {marker}"]);
        Thread.Sleep(200);
        try
        {
            Assert.That(Survivors(marker), Is.Not.Empty);
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }

    private static List<int> Survivors(string marker)
    {
        var found = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return found;
    }
}
