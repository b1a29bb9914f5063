using System.Runtime.InteropServices;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// What a worker must read, found by tracing one (strace over a whole course): the .NET
/// installation, the grader's own folder (its assemblies and TorchSharp's native libraries),
/// the system's shared libraries and the loader's cache, the time zone, /proc and /sys (the
/// runtime and libtorch read CPU, memory and cgroup facts there), and /dev/null and /dev/urandom.
/// Nothing else: not /tmp, not home folders, not the submissions, not the course sources.
/// </summary>
internal static class LandlockPaths
{
    private static readonly string[] System =
    [
        "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib",
        "/etc/ld.so.cache", "/etc/localtime", "/usr/share/zoneinfo",
        "/proc", "/sys",
        "/dev/null", "/dev/urandom", "/dev/random",
    ];

    public static IReadOnlyList<string> Readable()
    {
        var paths = new List<string> { DotnetRoot(), Trim(AppContext.BaseDirectory) };
        paths.AddRange(System);
        return [.. paths.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The program the worker re-executes, and the dynamic loader the kernel starts it with.</summary>
    public static IReadOnlyList<string> Executable() =>
        [Environment.ProcessPath ?? "/proc/self/exe", "/lib64/ld-linux-x86-64.so.2", "/lib/ld-linux-aarch64.so.1"];

    /// <summary>The folder that holds host/, shared/ and the dotnet program: three above the runtime's own folder.</summary>
    private static string DotnetRoot()
    {
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        // A self-contained grader carries its runtime in its own folder.
        return runtime.Parent?.Name == "Microsoft.NETCore.App" && runtime.Parent.Parent?.Parent is { } root
            ? root.FullName
            : Trim(runtime.FullName);
    }

    private static string Trim(string folder) => folder.Length > 1 ? folder.TrimEnd('/') : folder;
}
