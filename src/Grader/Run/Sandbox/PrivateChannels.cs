namespace Autograder.Grader.Run.Sandbox;

/// <summary>
/// Moves the protocol off the standard streams before learner code runs: the request pipe
/// (fd 0) and the result pipe (fd 1) are duplicated to private descriptors, and fd 0 and fd 1
/// then point at /dev/null, so nothing printed natively (libtorch, or code that reached
/// <c>write(1, ...)</c>) reaches the grader's result channel. Standard error stays: the grader
/// keeps its bounded tail to explain crashes.
/// </summary>
internal static class PrivateChannels
{
    // High and fixed, clear of the descriptors the runtime opens at start-up.
    private const int Lowest = 100;

    /// <summary>The (request, result) descriptors, or null where the streams stay as they are.</summary>
    public static (int Requests, int Results)? Move()
    {
        var requests = Libc.Fcntl(0, Libc.F_DUPFD, Lowest);
        var results = Libc.Fcntl(1, Libc.F_DUPFD, Lowest);
        var devNull = Libc.Open("/dev/null", Libc.O_RDWR);
        if (requests < 0 || results < 0 || devNull < 0 || Libc.Dup2(devNull, 0) < 0 || Libc.Dup2(devNull, 1) < 0)
        {
            return null;
        }

        Libc.Close(devNull);
        return (requests, results);
    }

    /// <summary>Once re-executed, the descriptors close if anything else is ever executed.</summary>
    public static void CloseOnExec((int Requests, int Results) channels)
    {
        Libc.Fcntl(channels.Requests, Libc.F_SETFD, Libc.FD_CLOEXEC);
        Libc.Fcntl(channels.Results, Libc.F_SETFD, Libc.FD_CLOEXEC);
    }

    public static string Describe((int Requests, int Results) channels) =>
        FormattableString.Invariant($"{channels.Requests},{channels.Results}");

    public static (int Requests, int Results)? Parse(string? text) =>
        text?.Split(',') is [var requests, var results] && int.TryParse(requests, out var r) && int.TryParse(results, out var w)
            ? (r, w)
            : null;
}
