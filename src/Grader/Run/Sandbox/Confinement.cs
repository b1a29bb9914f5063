using System.Globalization;
using System.Text;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// How a worker confines itself before it loads learner code, in two stages. Stage one, in the
/// freshly started process: its own session (<see cref="ProcessGroup"/>), <see cref="ResourceLimits"/>,
/// <see cref="PrivateChannels"/>, <see cref="NoNewPrivileges"/> and <see cref="Landlock"/>. Landlock
/// binds only the calling thread and the threads it starts, and the runtime's finaliser and other
/// threads already run, so the worker then executes itself again: every thread of the new image
/// descends from the confined one. Stage two adds <see cref="Seccomp"/> on all threads (it must
/// come after the re-execution, which it forbids). Where a layer is missing, grading goes on and
/// the report says what was in force.
/// </summary>
public static class Confinement
{
    /// <summary>What confined this worker, and the private descriptors of its protocol (null: the standard streams).</summary>
    public sealed record Outcome(SandboxReport Report, (int Requests, int Results)? Channels);

    public static Outcome Enter()
    {
        if (!Libc.IsLinux)
        {
            return new(SandboxReport.None($"not available on {Platform()}"), null);
        }

        var firstStage = Environment.GetEnvironmentVariable(SandboxSwitches.FirstStage);
        return firstStage is null ? FirstStage() : SecondStage(firstStage);
    }

    private static Outcome FirstStage()
    {
        var arguments = File.ReadAllText("/proc/self/cmdline").TrimEnd('\0').Split('\0');
        if (Environment.GetEnvironmentVariable(SandboxSwitches.Cpus) is { Length: > 0 } cpus)
        {
            // A worker that cannot pin itself still grades: pinning keeps the other lanes' clocks
            // fair, it does not contain anything.
            _ = CpuPinning.Apply(cpus);
        }

        _ = int.TryParse(Environment.GetEnvironmentVariable(SandboxSwitches.GraderProcessId), CultureInfo.InvariantCulture, out var grader);
        var layers = new List<SandboxLayer> { ProcessGroup.Apply(grader), ResourceLimits.Apply() };
        var channels = PrivateChannels.Move();
        layers.Add(NoNewPrivileges.Apply());
        layers.Add(SandboxSwitches.Skipped(Landlock.Name)
            ? SandboxLayer.Off(Landlock.Name, "left off by the grader")
            : Landlock.Apply(LandlockPaths.Readable(), LandlockPaths.Executable()));

        var environment = Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .Where(entry => (string)entry.Key is not (SandboxSwitches.FirstStage or SandboxSwitches.Channels))
            .Select(entry => $"{entry.Key}={entry.Value}")
            .Append($"{SandboxSwitches.FirstStage}={new SandboxReport(layers).ToJson()}");
        if (channels is { } moved)
        {
            environment = environment.Append($"{SandboxSwitches.Channels}={PrivateChannels.Describe(moved)}");
        }

        string?[] argv = [.. arguments, null];
        string?[] envp = [.. environment, null];
        Libc.Execve(Environment.ProcessPath ?? "/proc/self/exe", argv, envp);

        // Still here: the re-execution failed. Landlock then holds for this thread only.
        var error = Libc.Describe(Libc.LastError);
        var index = layers.FindIndex(layer => layer.Name == Landlock.Name);
        if (layers[index].Active)
        {
            layers[index] = SandboxLayer.Off(Landlock.Name, $"re-execution failed ({error}): the main thread only");
        }

        layers.Add(ApplySeccomp());
        return new(new SandboxReport(layers), channels);
    }

    private static Outcome SecondStage(string firstStage)
    {
        var channels = PrivateChannels.Parse(Environment.GetEnvironmentVariable(SandboxSwitches.Channels));
        var report = SandboxReport.FromJson(firstStage).With(ApplySeccomp());
        foreach (var variable in SandboxSwitches.All)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        if (channels is { } moved)
        {
            PrivateChannels.CloseOnExec(moved);
        }

        return new(report, channels);
    }

    private static SandboxLayer ApplySeccomp() =>
        SandboxSwitches.Skipped(Seccomp.Name) ? SandboxLayer.Off(Seccomp.Name, "left off by the grader") : Seccomp.Apply();

    private static string Platform() =>
        OperatingSystem.IsWindows() ? "Windows" : OperatingSystem.IsMacOS() ? "macOS" : System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
