using System.Runtime.InteropServices;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// The few C library calls the sandbox needs, declared by hand: nothing to install, and every
/// argument is a plain integer or a blittable struct, so no marshalling code runs in between.
/// The numbers from the C headers that the sandbox's steps pass to them live here too, under
/// their C names, so each can be checked against its header in one place.
/// </summary>
internal static partial class Libc
{
    private const string Library = "libc";

    public const int EPERM = 1;
    public const int ENOSYS = 38;
    public const int SIGKILL = 9;

    public const int PR_SET_PDEATHSIG = 1;
    public const int PR_SET_SECCOMP = 22;
    public const int PR_CAPBSET_DROP = 24;
    public const int PR_SET_NO_NEW_PRIVS = 38;
    public const int PR_GET_NO_NEW_PRIVS = 39;
    public const int PR_CAP_AMBIENT = 47;
    public const int PR_CAP_AMBIENT_CLEAR_ALL = 4;

    public const int O_RDWR = 2;
    public const int O_CLOEXEC = 0x80000;
    public const int O_PATH = 0x200000;
    public const int F_DUPFD = 0;
    public const int F_SETFD = 2;
    public const int FD_CLOEXEC = 1;

    public const int RLIMIT_FSIZE = 1;
    public const int RLIMIT_CORE = 4;
    public const int RLIMIT_NPROC = 6;
    public const int RLIMIT_NOFILE = 7;

    public const int AF_INET = 2;
    public const int SOCK_DGRAM = 2;
    public const int CLONE_NEWUSER = 0x10000000;
    public const int PTRACE_ATTACH = 16;
    public const int PTRACE_DETACH = 17;
    public const int SECCOMP_SET_MODE_FILTER = 1;
    public const int SECCOMP_FILTER_FLAG_TSYNC = 1;
    public const int LANDLOCK_CREATE_RULESET_VERSION = 1;
    public const int LANDLOCK_RULE_PATH_BENEATH = 1;

    // System call numbers for Syscall, as on x86-64; Landlock's are the same on every architecture.
    public const long SYS_socket = 41;
    public const long SYS_fork = 57;
    public const long SYS_ptrace = 101;
    public const long SYS_exit_group = 231;
    public const long SYS_unshare = 272;
    public const long SYS_seccomp = 317;
    public const long SYS_landlock_create_ruleset = 444;
    public const long SYS_landlock_add_rule = 445;
    public const long SYS_landlock_restrict_self = 446;

    public static bool IsLinux => OperatingSystem.IsLinux();

    /// <summary>A raw system call; unused arguments are passed as 0 so no register holds garbage.</summary>
    [LibraryImport(Library, EntryPoint = "syscall", SetLastError = true)]
    public static partial long Syscall(long number, long a, long b, long c, long d);

    [LibraryImport(Library, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nint a, nint b, nint c, nint d);

    [LibraryImport(Library, EntryPoint = "setrlimit", SetLastError = true)]
    public static partial int SetRlimit(int resource, in RLimit limit);

    [LibraryImport(Library, EntryPoint = "getrlimit", SetLastError = true)]
    public static partial int GetRlimit(int resource, out RLimit limit);

    [LibraryImport(Library, EntryPoint = "setsid", SetLastError = true)]
    public static partial int SetSid();

    [LibraryImport(Library, EntryPoint = "getpgid", SetLastError = true)]
    public static partial int GetPgid(int pid);

    [LibraryImport(Library, EntryPoint = "getppid")]
    public static partial int GetPpid();

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [LibraryImport(Library, EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "dup2", SetLastError = true)]
    public static partial int Dup2(int from, int to);

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Library, EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Execve(string path, string?[] argv, string?[] envp);

    [LibraryImport(Library, EntryPoint = "sched_setaffinity", SetLastError = true)]
    public static partial int SchedSetAffinity(int pid, nint size, ReadOnlySpan<ulong> mask);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nint count);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, Span<byte> buffer, nint count);

    public static int LastError => Marshal.GetLastPInvokeError();

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    [StructLayout(LayoutKind.Sequential)]
    public struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
