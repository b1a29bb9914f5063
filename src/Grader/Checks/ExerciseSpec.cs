using Autograder.Grader.Compile;
using Autograder.Grader.Policy;

namespace Autograder.Grader.Checks;

/// <summary>
/// One exercise as the grader knows it: its ID (also its folder name), its title, the APIs its
/// learners may not use, and how long its checks may take in all.
/// </summary>
public sealed record ExerciseSpec
{
    /// <summary>Stable ID and folder name, e.g. <c>01-perceptron</c>.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>Bans on top of <see cref="GlobalBans.All"/>; matched before them.</summary>
    public IReadOnlyList<BannedApi> Bans { get; init; } = [];

    /// <summary>String literals this exercise may not contain.</summary>
    public IReadOnlyList<BannedLiteral> BannedLiterals { get; init; } = [];

    /// <summary>What the exercise's code may name without a using directive.</summary>
    public CourseUsings Usings { get; init; } = CourseUsings.DotNet;

    /// <summary>Wall-clock budget for all checks of the exercise, public and hidden.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Declares a check of this exercise.</summary>
    public CheckDefinition Check(
        string slug, string name, int points, int seed, Func<CheckContext, Verdict> run,
        Visibility visibility = Visibility.Visible) =>
        new()
        {
            ExerciseId = Id,
            Slug = slug,
            Name = name,
            Points = points,
            Seed = seed,
            Run = run,
            Visibility = visibility,
        };
}
