using System.Runtime.InteropServices;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// The classic-BPF program seccomp runs on every system call of the worker (x86-64 numbers).
/// Anything not named is allowed: the list names what a grading worker never needs and what
/// would let code escape or reach other processes.
/// </summary>
internal static class SeccompFilter
{
    public const uint AuditArchX8664 = 0xC000003E;

    private const ushort LoadWord = 0x20;   // BPF_LD | BPF_W | BPF_ABS
    private const ushort JumpEqual = 0x15;  // BPF_JMP | BPF_JEQ | BPF_K
    private const ushort JumpAtLeast = 0x35; // BPF_JMP | BPF_JGE | BPF_K
    private const ushort JumpAnyBit = 0x45; // BPF_JMP | BPF_JSET | BPF_K
    private const ushort Return = 0x06;     // BPF_RET | BPF_K

    private const uint Allow = 0x7FFF0000;
    private const uint KillProcess = 0x80000000;
    private const uint ErrnoAction = 0x00050000;
    private const uint CloneThread = 0x00010000;
    private const uint CloneNamespaces = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;
    private const uint X32Bit = 0x40000000;

    private const uint SysClone = 56;
    private const uint SysKill = 62;
    private const uint SysRtSigqueueinfo = 129;
    private const uint SysTgkill = 234;
    private const uint SysRtTgsigqueueinfo = 297;
    private const uint SysPrlimit64 = 302;
    private const uint SysClone3 = 435;

    /// <summary>Refused with "Operation not permitted", by name for the documentation and the tests.</summary>
    public static readonly IReadOnlyDictionary<uint, string> Refused = new Dictionary<uint, string>
    {
        [59] = "execve", [322] = "execveat", [57] = "fork", [58] = "vfork",
        [101] = "ptrace", [310] = "process_vm_readv", [311] = "process_vm_writev",
        [246] = "kexec_load", [320] = "kexec_file_load", [175] = "init_module", [313] = "finit_module", [176] = "delete_module",
        [165] = "mount", [166] = "umount2", [155] = "pivot_root", [161] = "chroot", [272] = "unshare", [308] = "setns",
        [428] = "open_tree", [429] = "move_mount", [430] = "fsopen", [431] = "fsconfig", [432] = "fsmount", [433] = "fspick",
        [442] = "mount_setattr",
        [321] = "bpf", [298] = "perf_event_open", [250] = "keyctl", [248] = "add_key", [249] = "request_key",
        [135] = "personality", [323] = "userfaultfd",
        [41] = "socket", [425] = "io_uring_setup", [426] = "io_uring_enter", [427] = "io_uring_register",
        [112] = "setsid", [109] = "setpgid", [200] = "tkill", [160] = "setrlimit",
        [434] = "pidfd_open", [438] = "pidfd_getfd", [172] = "iopl", [173] = "ioperm",
        [303] = "name_to_handle_at", [304] = "open_by_handle_at",
    };

    public static SockFilter[] Build(int processId)
    {
        var self = (uint)processId;
        var program = new List<SockFilter>
        {
            // Only x86-64 calls: a 32-bit (int 0x80) or x32 call would bypass the numbers below.
            Load(4),
            Jump(JumpEqual, AuditArchX8664, 1, 0),
            Ret(KillProcess),
            Load(0),
            Jump(JumpAtLeast, X32Bit, 0, 1),
            Ret(KillProcess),
        };

        // glibc starts threads with clone3, whose flags a filter cannot read: "not implemented"
        // makes it fall back to clone (EPERM would make it fail outright).
        program.AddRange(Refuse(SysClone3, Libc.ENOSYS));
        foreach (var number in Refused.Keys)
        {
            program.AddRange(Refuse(number, Libc.EPERM));
        }

        // clone only for threads, and never into new namespaces.
        program.AddRange(
        [
            Jump(JumpEqual, SysClone, 0, 5),
            Load(16),
            Jump(JumpAnyBit, CloneNamespaces, 1, 0),
            Jump(JumpAnyBit, CloneThread, 1, 0),
            Ret(ErrnoAction | Libc.EPERM),
            Ret(Allow),
        ]);

        // Signals only to itself (the runtime signals its own threads): the grader and other
        // students' workers are out of reach even where Landlock cannot scope signals.
        program.AddRange(AllowIfFirstArgumentIn(SysKill, [self, 0, unchecked((uint)-processId)]));
        program.AddRange(AllowIfFirstArgumentIn(SysTgkill, [self]));
        program.AddRange(AllowIfFirstArgumentIn(SysRtSigqueueinfo, [self]));
        program.AddRange(AllowIfFirstArgumentIn(SysRtTgsigqueueinfo, [self]));

        // prlimit64 only to read a limit (new limit NULL): the limits set before stay.
        program.AddRange(
        [
            Jump(JumpEqual, SysPrlimit64, 0, 6),
            Load(16 + (2 * 8)),
            Jump(JumpEqual, 0, 0, 2),
            Load(16 + (2 * 8) + 4),
            Jump(JumpEqual, 0, 1, 0),
            Ret(ErrnoAction | Libc.EPERM),
            Ret(Allow),
        ]);

        program.Add(Ret(Allow));
        return [.. program];
    }

    private static SockFilter[] Refuse(uint number, int errno) =>
        [Jump(JumpEqual, number, 0, 1), Ret(ErrnoAction | (uint)errno)];

    /// <summary>Allows the call when the low 32 bits of its first argument (a pid) are one of <paramref name="values"/>.</summary>
    private static SockFilter[] AllowIfFirstArgumentIn(uint number, uint[] values)
    {
        var n = values.Length;
        var block = new List<SockFilter> { Jump(JumpEqual, number, 0, (byte)(n + 3)), Load(16) };
        for (var i = 0; i < n; i++)
        {
            block.Add(Jump(JumpEqual, values[i], (byte)(n - i), 0));
        }

        block.Add(Ret(ErrnoAction | Libc.EPERM));
        block.Add(Ret(Allow));
        return [.. block];
    }

    private static SockFilter Load(uint offset) => new(LoadWord, 0, 0, offset);

    private static SockFilter Jump(ushort code, uint value, byte whenTrue, byte whenFalse) => new(code, whenTrue, whenFalse, value);

    private static SockFilter Ret(uint action) => new(Return, 0, 0, action);

    [StructLayout(LayoutKind.Sequential)]
    public readonly record struct SockFilter(ushort Code, byte JumpTrue, byte JumpFalse, uint K);
}
