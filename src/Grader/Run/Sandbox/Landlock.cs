using System.Runtime.InteropServices;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// Landlock (Linux 5.13 and later, no privileges needed): the worker may read only the folders
/// <see cref="LandlockPaths"/> lists, execute only its own host program, write, create or remove
/// nothing, and (ABI 4 and later) bind or connect no TCP socket; from ABI 6 it cannot signal
/// processes outside its sandbox or reach abstract Unix sockets. Rights a kernel does not know
/// are left out, so an older kernel gets what it can enforce. Landlock holds for the calling
/// thread and what it starts, which is why the worker re-executes itself after this step.
/// </summary>
internal static class Landlock
{
    public const string Name = "landlock";

    private const ulong Execute = 1UL << 0;
    private const ulong WriteFile = 1UL << 1;
    private const ulong ReadFile = 1UL << 2;
    private const ulong ReadDir = 1UL << 3;
    private const ulong Refer = 1UL << 13;
    private const ulong Truncate = 1UL << 14;
    private const ulong IoctlDev = 1UL << 15;
    private const ulong FileRights = Execute | WriteFile | ReadFile | Truncate | IoctlDev;

    private const ulong BindTcp = 1UL << 0;
    private const ulong ConnectTcp = 1UL << 1;
    private const ulong ScopeAbstractUnixSocket = 1UL << 0;
    private const ulong ScopeSignal = 1UL << 1;

    /// <summary>The ABI the kernel offers: 0 when Landlock is missing or disabled.</summary>
    public static int Abi()
    {
        if (!Libc.IsLinux || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return 0;
        }

        var version = Libc.Syscall(Libc.SYS_landlock_create_ruleset, 0, 0, Libc.LANDLOCK_CREATE_RULESET_VERSION, 0);
        return version > 0 ? (int)version : 0;
    }

    public static SandboxLayer Apply(IReadOnlyList<string> readable, IReadOnlyList<string> executable)
    {
        var abi = Abi();
        if (abi == 0)
        {
            return SandboxLayer.Off(Name, "not offered by this kernel");
        }

        var handledFs = (1UL << 13) - 1; // ABI 1: execute, write, read, read-dir, remove, make-*.
        if (abi >= 2)
        {
            handledFs |= Refer;
        }

        if (abi >= 3)
        {
            handledFs |= Truncate;
        }

        if (abi >= 5)
        {
            handledFs |= IoctlDev;
        }

        var attributes = new RulesetAttributes
        {
            HandledAccessFs = handledFs,
            HandledAccessNet = abi >= 4 ? BindTcp | ConnectTcp : 0,
            Scoped = abi >= 6 ? ScopeAbstractUnixSocket | ScopeSignal : 0,
        };
        var size = abi >= 6 ? 24 : abi >= 4 ? 16 : 8;
        var ruleset = (int)CreateRuleset(ref attributes, size);
        if (ruleset < 0)
        {
            return SandboxLayer.Off(Name, $"landlock_create_ruleset failed: {Libc.Describe(Libc.LastError)}");
        }

        try
        {
            var granted = 0;
            foreach (var path in readable)
            {
                granted += Allow(ruleset, path, ReadFile | ReadDir) ? 1 : 0;
            }

            foreach (var path in executable)
            {
                Allow(ruleset, path, ReadFile | Execute);
            }

            if (Libc.Syscall(Libc.SYS_landlock_restrict_self, ruleset, 0, 0, 0) != 0)
            {
                return SandboxLayer.Off(Name, $"landlock_restrict_self failed: {Libc.Describe(Libc.LastError)}");
            }

            var parts = new List<string> { $"ABI {abi}", $"read-only {granted} paths", "no writes" };
            if (abi >= 4)
            {
                parts.Add("no TCP");
            }

            if (abi >= 6)
            {
                parts.Add("signals and abstract sockets scoped");
            }

            return SandboxLayer.On(Name, string.Join("; ", parts));
        }
        finally
        {
            Libc.Close(ruleset);
        }
    }

    private static bool Allow(int ruleset, string path, ulong rights)
    {
        var fd = Libc.Open(path, Libc.O_PATH | Libc.O_CLOEXEC);
        if (fd < 0)
        {
            return false; // Not on this machine: nothing to grant.
        }

        try
        {
            if (!Directory.Exists(path))
            {
                rights &= FileRights;
            }

            var rule = new PathBeneath { AllowedAccess = rights, ParentFd = fd };
            return AddRule(ruleset, ref rule) == 0;
        }
        finally
        {
            Libc.Close(fd);
        }
    }

    private static unsafe long CreateRuleset(ref RulesetAttributes attributes, int size)
    {
        fixed (RulesetAttributes* pointer = &attributes)
        {
            return Libc.Syscall(Libc.SYS_landlock_create_ruleset, (nint)pointer, size, 0, 0);
        }
    }

    private static unsafe long AddRule(int ruleset, ref PathBeneath rule)
    {
        fixed (PathBeneath* pointer = &rule)
        {
            return Libc.Syscall(Libc.SYS_landlock_add_rule, ruleset, Libc.LANDLOCK_RULE_PATH_BENEATH, (nint)pointer, 0);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RulesetAttributes
    {
        public ulong HandledAccessFs;
        public ulong HandledAccessNet;
        public ulong Scoped;
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)]
    private struct PathBeneath
    {
        public ulong AllowedAccess;
        public int ParentFd;
    }
}
