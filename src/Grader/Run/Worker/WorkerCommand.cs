namespace Autograder.Grader.Run.Worker;

/// <summary>
/// How to start `grader worker`: through the grader's own launcher when that is what runs, else
/// through the dotnet host with grader.dll from the program's folder (tests, `dotnet grader.dll`).
/// </summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Sandbox layers the worker leaves off (<c>seccomp</c>, <c>landlock</c>): only for tests and
    /// <c>grader sandbox</c>, which prove what each layer stops on its own.
    /// </summary>
    public IReadOnlyList<string> SkipLayers { get; init; } = [];

    /// <summary>The cores the worker may run on (<see cref="Sandbox.CpuPinning"/>); empty: any.</summary>
    public IReadOnlyList<int> Cpus { get; init; } = [];

    public static WorkerCommand Locate()
    {
        var graderDll = Path.Combine(AppContext.BaseDirectory, "grader.dll");
        if (!File.Exists(graderDll))
        {
            throw new FileNotFoundException(
                $"The worker needs grader.dll next to the program ({AppContext.BaseDirectory}); reference the Grader.Cli project or grade --in-process.");
        }

        var current = Environment.ProcessPath;
        var name = current is null ? null : Path.GetFileNameWithoutExtension(current);
        if (name == "grader")
        {
            return new WorkerCommand(current!, [WorkerProtocol.Command]);
        }

        var host = name == "dotnet" ? current! : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return new WorkerCommand(host, [graderDll, WorkerProtocol.Command]);
    }
}
