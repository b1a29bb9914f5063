using System.Runtime.InteropServices;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// A seccomp filter (<see cref="SeccompFilter"/>) on every thread of the worker (TSYNC): no
/// program can be started, no process created, no process traced, nothing mounted, no socket
/// opened. Landlock cannot stop <c>execve</c> of a readable program or a UDP packet; this can.
/// Written for x86-64; elsewhere the layer is reported as inactive.
/// </summary>
internal static class Seccomp
{
    public const string Name = "seccomp";

    public static SandboxLayer Apply()
    {
        if (!Libc.IsLinux)
        {
            return SandboxLayer.Off(Name, "Linux only");
        }

        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return SandboxLayer.Off(Name, $"the filter is written for x86-64, not {RuntimeInformation.ProcessArchitecture}");
        }

        if (!NoNewPrivileges.IsSet())
        {
            return SandboxLayer.Off(Name, "needs no-new-privileges");
        }

        var filter = SeccompFilter.Build(Environment.ProcessId);
        var result = Install(filter);
        return result == 0
            ? SandboxLayer.On(Name, $"{filter.Length} instructions on every thread")
            : SandboxLayer.Off(Name, result > 0
                ? $"thread {result} could not take the filter"
                : $"seccomp failed: {Libc.Describe(Libc.LastError)}");
    }

    private static unsafe long Install(SeccompFilter.SockFilter[] filter)
    {
        fixed (SeccompFilter.SockFilter* instructions = filter)
        {
            var program = new SockFprog { Length = (ushort)filter.Length, Filter = (nint)instructions };
            return Libc.Syscall(Libc.SYS_seccomp, Libc.SECCOMP_SET_MODE_FILTER, Libc.SECCOMP_FILTER_FLAG_TSYNC, (nint)(&program), 0);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SockFprog
    {
        public ushort Length;
        public nint Filter;
    }
}
