using System.Collections;
using Autograder.Grader.Compile;

namespace Autograder.Grader.Pipeline;

/// <summary>A learner's work: the source files of each exercise folder found under <see cref="Root"/>.</summary>
public sealed record Submission(string Root, IReadOnlyDictionary<string, IReadOnlyList<SourceFile>> Exercises);

/// <summary>A submission path or argument that cannot be graded; the message says what to do.</summary>
public sealed class SubmissionException(string message) : Exception(message);

/// <summary>
/// An exercise folder the reader refused (a link, a FIFO, a file too large, a name that is not
/// UTF-8): no files, and the reason, which becomes that exercise's error result. It stands in the
/// place of the file list so that one bad folder never ends the run for the others.
/// </summary>
public sealed class UnreadableExercise(string reason) : IReadOnlyList<SourceFile>
{
    /// <summary>What is wrong, naming the file, and what to do.</summary>
    public string Reason { get; } = reason;

    public int Count => 0;

    public SourceFile this[int index] => throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<SourceFile> GetEnumerator() => Enumerable.Empty<SourceFile>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
