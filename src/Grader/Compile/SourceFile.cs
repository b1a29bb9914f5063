namespace Autograder.Grader.Compile;

/// <summary>A learner's source file. <see cref="DisplayPath"/> is how messages name it, e.g. <c>01-perceptron/Perceptron.cs</c>.</summary>
public sealed record SourceFile(string DisplayPath, string Text);
