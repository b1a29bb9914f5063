namespace Autograder.Grader.Checks;

/// <summary>
/// A named, seeded, scored unit of grading. The ID <c>exercise/slug</c> is stable: reports,
/// gradebooks and the check's doc page (docs/checks) refer to it.
/// </summary>
public sealed record CheckDefinition
{
    public required string ExerciseId { get; init; }

    /// <summary>Short kebab-case name, unique within the exercise.</summary>
    public required string Slug { get; init; }

    /// <summary>What the check establishes, in a few words a learner understands.</summary>
    public required string Name { get; init; }

    public required int Points { get; init; }

    public required Visibility Visibility { get; init; }

    /// <summary>Seed of everything random in the check: data, initial weights, sampling.</summary>
    public required int Seed { get; init; }

    /// <summary>
    /// Set when <see cref="Seed"/> was derived from the course secret (<see cref="SeedResolver"/>):
    /// the seed the check declares and documents. Reports show this one, never the derived seed,
    /// so that no report hands learner code the seed of hidden data.
    /// </summary>
    public int? DeclaredSeed { get; init; }

    /// <summary>The seed reports show: the declared one.</summary>
    public int ReportedSeed => DeclaredSeed ?? Seed;

    public required Func<CheckContext, Verdict> Run { get; init; }

    /// <summary>
    /// Set for a teacher's check written as a C# script: the compiled script, which the grader
    /// ships to the worker process so that the check runs there like a built-in one.
    /// </summary>
    public Scripts.CheckScript? Script { get; init; }

    public string Id => $"{ExerciseId}/{Slug}";
}
