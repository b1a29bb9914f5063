namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// Environment variables between the grader and its worker. The grader sets them for the worker
/// it starts and removes any it inherited; learner code runs only after they have been read.
/// </summary>
public static class SandboxSwitches
{
    /// <summary>The grader's process ID, to arm the parent-death signal before the hello arrives.</summary>
    public const string GraderProcessId = "AUTOGRADER_GRADER_PID";

    /// <summary>
    /// Layers to leave off, comma-separated (<c>seccomp</c>, <c>landlock</c>): for tests and
    /// <c>grader sandbox</c>, which prove each layer on its own. Set by the grader, never by learners.
    /// </summary>
    public const string Skip = "AUTOGRADER_SANDBOX_SKIP";

    /// <summary>The cores a worker runs on, comma-separated (<see cref="CpuPinning"/>); unset: any core.</summary>
    public const string Cpus = "AUTOGRADER_WORKER_CPUS";

    /// <summary>Set by the worker for its own re-execution: the layers applied before it (JSON).</summary>
    internal const string FirstStage = "AUTOGRADER_WORKER_STAGE1";

    /// <summary>Set by the worker for its own re-execution: the private request and result descriptors.</summary>
    internal const string Channels = "AUTOGRADER_WORKER_CHANNELS";

    public static IReadOnlyList<string> All => [GraderProcessId, Skip, Cpus, FirstStage, Channels];

    internal static bool Skipped(string layer) =>
        (Environment.GetEnvironmentVariable(Skip) ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(layer, StringComparer.Ordinal);
}
