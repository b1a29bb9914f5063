using Microsoft.CodeAnalysis.Text;

namespace Autograder.Tools.Mutate;

/// <summary>
/// One small change to one solution file. Its ID (file, line, column, kind, from, to) stays the
/// same while the file does not change above it, so equivalent.txt and the survivor list can name
/// it.
/// </summary>
internal sealed record Mutant(string File, int Line, int Column, string Kind, string From, string To, TextSpan Span, string Replacement)
{
    public string Id => $"{File}:{Line}:{Column} {Kind} {From} -> {To}";

    public string Apply(string text) => text[..Span.Start] + Replacement + text[Span.End..];
}

/// <summary>What grading a mutant gave.</summary>
internal enum Fate
{
    /// <summary>It did not compile: no learner would hand it in, so it does not count.</summary>
    Stillborn,

    /// <summary>Some check lost points (or the run failed: a crash, a policy breach).</summary>
    Killed,

    /// <summary>
    /// The exercise's time limit ran out, also when graded again with twice that limit: a loop
    /// that never ends, or far more work. Counted as killed, but reported on its own, because on a
    /// loaded machine a slow but correct mutant could end up here.
    /// </summary>
    TimedOut,

    /// <summary>Full marks: no check noticed the change.</summary>
    Survived,
}

internal sealed record Judged(Mutant Mutant, Fate Fate, string KilledBy, double Seconds);
