namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// The worker leads its own session and process group, so that the grader can end it together
/// with anything it started (<c>kill(-pgid, SIGKILL)</c>), and it gets SIGKILL when the grader
/// dies (the parent-death signal), a second line behind its own watch of the grader.
/// </summary>
internal static class ProcessGroup
{
    public const string Name = "process group";

    public static SandboxLayer Apply(int graderProcessId)
    {
        if (Libc.SetSid() < 0 && Libc.GetPgid(0) != Environment.ProcessId)
        {
            return SandboxLayer.Off(Name, $"setsid failed: {Libc.Describe(Libc.LastError)}");
        }

        var deathSignal = Libc.Prctl(Libc.PR_SET_PDEATHSIG, Libc.SIGKILL, 0, 0, 0) == 0;
        if (graderProcessId > 0 && Libc.GetPpid() != graderProcessId)
        {
            // The grader died before the signal was armed: nobody waits for this worker.
            Environment.Exit(3);
        }

        return SandboxLayer.On(Name, deathSignal ? "own session; SIGKILL when the grader dies" : "own session");
    }

    /// <summary>Kills the group led by <paramref name="leader"/> and everything in it; false when there is none.</summary>
    public static bool KillGroup(int leader) =>
        Libc.IsLinux && leader > 1 && Libc.Kill(-leader, Libc.SIGKILL) == 0;
}
