namespace Autograder.Grader.Checks;

/// <summary>
/// Thrown by check helpers to end a check as failed with a teaching message, for example when a
/// learner's result has the wrong shape. The runner turns it into a failed verdict.
/// </summary>
public sealed class CheckFailedException(string message) : Exception(message);
