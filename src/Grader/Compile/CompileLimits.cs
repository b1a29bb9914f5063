namespace Autograder.Grader.Compile;

/// <summary>Bounds on compiling one exercise, so that no source text can hang or crash the grader.</summary>
public sealed record CompileLimits
{
    /// <summary>Wall-clock time for parsing, binding and emitting one exercise.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Brackets nested in the raw text, and syntax nodes nested in the tree (the course's deepest is 31).</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Lambdas nested inside one another (the course's deepest is 2).</summary>
    public int MaxLambdaDepth { get; init; } = 3;

    /// <summary>All of an exercise's source text (the reader already caps files at 1 MiB and exercises at 2 MiB).</summary>
    public long MaxChars { get; init; } = 2 * 1024 * 1024;

    public static CompileLimits Default { get; } = new();
}
