using Autograder.Grader.Compile;

namespace Autograder.Grader.Pipeline;

/// <summary>A learner's work: the source files of each exercise folder found under <see cref="Root"/>.</summary>
public sealed record Submission(string Root, IReadOnlyDictionary<string, IReadOnlyList<SourceFile>> Exercises);

/// <summary>A submission path or argument that cannot be graded; the message says what to do.</summary>
public sealed class SubmissionException(string message) : Exception(message);
