namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// <c>PR_SET_NO_NEW_PRIVS</c>: nothing the worker runs can gain rights (set-user-ID programs, file
/// capabilities), and it is what lets an unprivileged process use Landlock and seccomp. Run as
/// root, the worker also gives up its capabilities: the bounding set is emptied, so the re-exec
/// that follows starts without any.
/// </summary>
internal static class NoNewPrivileges
{
    public const string Name = "no-new-privileges";

    public static SandboxLayer Apply()
    {
        if (Libc.Prctl(Libc.PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        {
            return SandboxLayer.Off(Name, Libc.Describe(Libc.LastError));
        }

        var dropped = 0;
        for (var capability = 0; capability < 64; capability++)
        {
            if (Libc.Prctl(Libc.PR_CAPBSET_DROP, capability, 0, 0, 0) == 0)
            {
                dropped++;
            }
        }

        Libc.Prctl(Libc.PR_CAP_AMBIENT, Libc.PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
        return SandboxLayer.On(Name, dropped > 0 ? "capabilities dropped" : "");
    }

    public static bool IsSet() => Libc.Prctl(Libc.PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1;
}
