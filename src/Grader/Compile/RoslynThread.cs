using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace Autograder.Grader.Compile;

/// <summary>
/// The one way the grader runs Roslyn over learner text (parsing, the compile, the diagnosis
/// compile, the policy's semantic walk): on a dedicated thread with a large stack, a cancellation
/// token and a wall-clock limit. Binding is where source text built to stall the compiler does its
/// work, and every step that binds again (a new semantic model binds again) can be made slow by the
/// same text, so no step is left on the caller's thread and clock.
/// </summary>
public static class RoslynThread
{
    // Eight times the usual 1 MiB: room for what the bracket scan lets through and for parser
    // recursions not yet found. Not larger: Roslyn's own guard (error CS8078) trips only when the
    // stack is nearly used up, so the deeper the stack the deeper (and slower: every GC scans the
    // whole stack) a guarded chain goes. Parsing a 150,000-deep `if` chain took 1.0 s on 1 MiB,
    // 1.6 s on 4 MiB, 5.8 s on 16 MiB and over 10 s on 64 MiB. Reserved, not committed.
    private const int StackBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="work"/> and gives its result, or false when it did not finish within
    /// <paramref name="limit"/>: the token is then cancelled and the thread left to end on its own.
    /// An exception the work throws is thrown again here, on the caller's thread.
    /// </summary>
    public static bool TryRun<T>(string name, TimeSpan limit, Func<CancellationToken, T> work, [MaybeNullWhen(false)] out T result)
    {
        var cancellation = new CancellationTokenSource();
        T? value = default;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                value = work(cancellation.Token);
            }
            catch (Exception e)
            {
                // Caught here, not left to the runtime: an exception escaping a thread ends the
                // process, and one thrown after the caller gave up must not end the grader.
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            // Roslyn honours the token late in overload resolution over nested lambdas (up to
            // about 25 s late, measured); such a thread must never keep the grader alive.
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            // Not disposed: the abandoned thread still reads the token.
            cancellation.Cancel();
            result = default;
            return false;
        }

        cancellation.Dispose();
        failure?.Throw();
        result = value!;
        return true;
    }
}
