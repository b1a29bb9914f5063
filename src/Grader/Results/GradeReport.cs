using System.Text.Json.Serialization;
using Autograder.Grader.Checks;

namespace Autograder.Grader.Results;

/// <summary>The result of grading one submission: version 1 of the JSON report.</summary>
public sealed record GradeReport
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    /// <summary>
    /// The sandbox layers learner code ran under (those in force in every worker), e.g.
    /// "no-new-privileges, landlock (ABI 7), seccomp, rlimits, process group"; absent when no
    /// learner code ran. It depends on the machine, not on the submission.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Sandbox { get; init; }

    public required IReadOnlyList<ExerciseResult> Exercises { get; init; }

    public static GradeReport Of(IReadOnlyList<ExerciseResult> exercises) => new()
    {
        Score = exercises.Sum(exercise => exercise.Score),
        MaxScore = exercises.Sum(exercise => exercise.MaxScore),
        Exercises = exercises,
    };
}

public sealed record ExerciseResult
{
    public required string Id { get; init; }

    public required ResultStatus Status { get; init; }

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    public required string Message { get; init; }

    public required IReadOnlyList<CheckResult> Checks { get; init; }
}

public sealed record CheckResult
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required Visibility Visibility { get; init; }

    public required ResultStatus Status { get; init; }

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    public required string Message { get; init; }

    public required int Seed { get; init; }

    public required long DurationMs { get; init; }

    /// <summary>Shown by the console and HTML reports; not part of the JSON report.</summary>
    [JsonIgnore]
    public Curve? Curve { get; init; }

    /// <summary>Measured, run-dependent details (see <see cref="Verdict.Details"/>); not part of the JSON report.</summary>
    [JsonIgnore]
    public string Details { get; init; } = "";

    /// <summary>What the learner's code printed during the check (shortened); not part of the JSON report.</summary>
    [JsonIgnore]
    public string Output { get; init; } = "";
}
