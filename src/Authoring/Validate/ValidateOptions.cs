namespace Autograder.Authoring.Validate;

/// <summary>`grader validate [--course DIR] [--exercise ID]...`.</summary>
/// <param name="Course">The teacher's course (the folder with Autograder.sln, exercises/ and solutions/).</param>
/// <param name="Exercises">Only these exercises; empty for all.</param>
internal sealed record ValidateOptions(string Course, IReadOnlyList<string> Exercises);
