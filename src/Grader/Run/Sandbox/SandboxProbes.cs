using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// The grader's own attempts, run inside a confined worker for <c>grader sandbox</c>, at what the
/// sandbox forbids. Each answers "blocked: why" or "NOT blocked: what happened". Trusted code:
/// the arguments come from the grader.
/// </summary>
internal static class SandboxProbes
{
    public const string ReadOutside = "read a file outside the allowed folders";
    public const string WriteTemp = "write a file in the temporary folder";
    public const string TcpConnect = "TCP connect to 127.0.0.1";
    public const string UdpSocket = "open a UDP socket";
    public const string StartProcess = "Process.Start(\"/bin/sh\")";
    public const string ForkProbe = "fork";
    public const string NewNamespace = "unshare a user namespace";
    public const string PtraceGrader = "ptrace the grader";
    public const string SignalGrader = "signal the grader";
    public const string NoCoreNoFile = "core files and file size limited to 0";
    public const string Execve = "execve /bin/sh";

    public static Dictionary<string, string> Run(Dictionary<string, string> probes) =>
        probes.ToDictionary(probe => probe.Key, probe => Try(probe.Key, probe.Value));

    private static string Try(string probe, string argument)
    {
        try
        {
            return probe switch
            {
                ReadOutside => $"NOT blocked: read {File.ReadAllText(argument).Length} characters",
                WriteTemp => Write(argument),
                TcpConnect => Connect(int.Parse(argument, CultureInfo.InvariantCulture)),
                UdpSocket => Refused(Libc.Syscall(Libc.SYS_socket, Libc.AF_INET, Libc.SOCK_DGRAM, 0, 0), "a socket was opened"),
                StartProcess => $"NOT blocked: started process {System.Diagnostics.Process.Start("/bin/sh", ["-c", "exit 0"]).Id}",
                ForkProbe => Fork(),
                NewNamespace => Refused(Libc.Syscall(Libc.SYS_unshare, Libc.CLONE_NEWUSER, 0, 0, 0), "the worker is now in a new user namespace"),
                PtraceGrader => Ptrace(int.Parse(argument, CultureInfo.InvariantCulture)),
                SignalGrader => Refused(Libc.Kill(int.Parse(argument, CultureInfo.InvariantCulture), 0), "the grader could be signalled"),
                NoCoreNoFile => Limits(),
                Execve => Exec(argument),
                _ => "NOT blocked: unknown probe",
            };
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or SocketException or System.ComponentModel.Win32Exception)
        {
            return $"blocked: {e.GetType().Name}: {e.Message}";
        }
    }

    private static string Write(string path)
    {
        File.WriteAllText(path, "written from inside the sandbox");
        return "NOT blocked: the file was written";
    }

    private static string Connect(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
        return "NOT blocked: connected";
    }

    private static string Fork()
    {
        var child = Libc.Syscall(Libc.SYS_fork, 0, 0, 0, 0);
        if (child == 0)
        {
            Libc.Syscall(Libc.SYS_exit_group, 0, 0, 0, 0); // The child leaves at once.
        }

        return Refused(child, $"process {child} was created");
    }

    private static string Ptrace(int grader)
    {
        var result = Libc.Syscall(Libc.SYS_ptrace, Libc.PTRACE_ATTACH, grader, 0, 0);
        if (result == 0)
        {
            Libc.Syscall(Libc.SYS_ptrace, Libc.PTRACE_DETACH, grader, 0, 0);
        }

        return Refused(result, "attached to the grader");
    }

    private static string Limits()
    {
        Libc.GetRlimit(Libc.RLIMIT_CORE, out var core);
        Libc.GetRlimit(Libc.RLIMIT_FSIZE, out var size);
        return core.Maximum == 0 && size.Maximum == 0
            ? "blocked: RLIMIT_CORE 0, RLIMIT_FSIZE 0"
            : $"NOT blocked: RLIMIT_CORE {core.Maximum}, RLIMIT_FSIZE {size.Maximum}";
    }

    /// <summary>Last of all: when this is not blocked, the worker turns into a shell that exits, and the grader notices.</summary>
    private static string Exec(string program)
    {
        Libc.Execve(program, [program, "-c", "exit 0", null], [null]);
        return $"blocked: {Libc.Describe(Libc.LastError)}";
    }

    private static string Refused(long result, string otherwise) =>
        result < 0 ? $"blocked: {Libc.Describe(Libc.LastError)}" : $"NOT blocked: {otherwise}";
}
