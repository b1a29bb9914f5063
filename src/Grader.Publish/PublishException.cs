namespace Autograder.Grader.Publish;

/// <summary>The output folder cannot be published as it is; the message says what is wrong and where.</summary>
public sealed class PublishException(string message) : Exception(message);
