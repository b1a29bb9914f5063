namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// Resource limits that hold whatever the code does: no core files (a crash must not write the
/// worker's memory, with the secret and hidden data, to disk), no file of any size (a write
/// ends the worker with SIGXFSZ even where Landlock is missing), few open files, and, for an
/// ordinary user, few processes.
/// </summary>
internal static class ResourceLimits
{
    public const string Name = "rlimits";
    public const ulong OpenFiles = 1024;

    public static SandboxLayer Apply()
    {
        var applied = new List<string>();
        var failed = new List<string>();
        void Set(int resource, ulong value, string label)
        {
            if (Libc.GetRlimit(resource, out var current) == 0 && current.Maximum < value)
            {
                value = current.Maximum;
            }

            if (Libc.SetRlimit(resource, new Libc.RLimit { Current = value, Maximum = value }) == 0)
            {
                applied.Add($"{label} {value}");
            }
            else
            {
                failed.Add($"{label}: {Libc.Describe(Libc.LastError)}");
            }
        }

        Set(Libc.RLIMIT_CORE, 0, "core");
        Set(Libc.RLIMIT_FSIZE, 0, "fsize");
        Set(Libc.RLIMIT_NOFILE, OpenFiles, "nofile");
        if (Libc.GetEuid() != 0)
        {
            // Counted per user over the whole machine, so it bounds only with room for the user's
            // other processes; root ignores it, and seccomp refuses new processes anyway.
            Set(Libc.RLIMIT_NPROC, (ulong)CountUserTasks() + 512, "nproc");
        }

        return failed.Count == 0
            ? SandboxLayer.On(Name, string.Join(", ", applied))
            : SandboxLayer.Off(Name, string.Join("; ", failed));
    }

    private static int CountUserTasks()
    {
        var uid = Libc.GetEuid().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = 0;
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var status = File.ReadAllLines(Path.Combine(process, "status"));
                if (ProcStatus.Field(status, "Uid")?.Split('\t')[0] == uid && ProcStatus.Field(status, "Threads") is { } threads)
                {
                    count += int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // Gone, or not a process folder.
            }
        }

        return count;
    }
}
