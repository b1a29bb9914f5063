namespace Autograder.Grader.Batch;

/// <summary>A student's entry that cannot be graded at all (a refused archive); the message is for that student.</summary>
public sealed class IntakeException(string message) : Exception(message);
