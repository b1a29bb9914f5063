using Autograder.Grader.Compile;

namespace Autograder.Grader.Similarity;

/// <summary>One student's source files per exercise ID (e.g. 01-perceptron), as the class reader found them.</summary>
public sealed record StudentWork(string Student, IReadOnlyDictionary<string, IReadOnlyList<SourceFile>> Exercises);

/// <summary>A class entry that could not be read, and why; listed in the report, never fatal.</summary>
public sealed record SkippedEntry(string Entry, string Reason);

/// <summary>What a class reader found: the students' work and the entries it passed over.</summary>
public sealed record ClassWork(IReadOnlyList<StudentWork> Students, IReadOnlyList<SkippedEntry> Skipped);
