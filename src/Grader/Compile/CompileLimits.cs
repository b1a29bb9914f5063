using System.Globalization;

namespace Autograder.Grader.Compile;

/// <summary>Bounds on compiling one exercise, so that no source text can hang or crash the grader.</summary>
public sealed record CompileLimits
{
    /// <summary>
    /// Wall-clock time for each step that runs Roslyn over one exercise's text: the compile
    /// (parsing, binding, emitting), the policy's walk, and the diagnosis compile after a missing
    /// namespace. Each step runs through <see cref="RoslynThread"/>.
    /// </summary>
    /// <remarks>
    /// Each step gets the whole limit rather than a share of one deadline. The later steps bind the
    /// same text again and cost as much or more: on slow-binding lambdas (CompileLimitTests'
    /// SlowBinding) the compile took 1.9 s, the walk 1.7 s, the diagnosis 4.5 s; on the course's
    /// solutions the walk takes about twice the compile. With one deadline, a submission whose
    /// compile alone passed on a loaded machine would be refused for the walk, and the message
    /// could not name the step that was slow. A learner can still hold the grader for at most two
    /// limits per exercise (the compile, then the walk or the diagnosis), plus Roslyn's late
    /// cancellation.
    /// </remarks>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Brackets nested in the raw text, and syntax nodes nested in the tree (the course's deepest is 31).</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Lambdas nested inside one another (the course's deepest is 2).</summary>
    public int MaxLambdaDepth { get; init; } = 3;

    /// <summary>All of an exercise's source text (the reader already caps files at 1 MiB and exercises at 2 MiB).</summary>
    public long MaxChars { get; init; } = 2 * 1024 * 1024;

    public static CompileLimits Default { get; } = new();

    /// <summary>What the learner reads when a step over their text ran past <see cref="TimeLimit"/>: the step, the file, the usual cause and its cure.</summary>
    public string TookTooLong(string step, IReadOnlyList<string> paths)
    {
        var where = paths.Count == 1 ? $" ({paths[0]})" : "";
        return $"{step} took longer than {TimeLimit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s{where}. " +
            "Nested lambdas passed to methods with many overloads are the usual cause: give the lambdas' parameters explicit types, or move them into named methods.";
    }
}
