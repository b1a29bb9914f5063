using System.Text.Json.Serialization;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// A visible check's curve (loss per step, mistakes per epoch) kept in the student result: the
/// JSON report leaves curves out, and the student's HTML report draws them.
/// </summary>
public sealed record CheckCurve
{
    public required string Exercise { get; init => field = SafeText.Clean(value); }

    public required string Check { get; init => field = SafeText.Clean(value); }

    public required string Label { get; init => field = SafeText.Clean(value); }

    /// <summary>The values; a diverged training run has NaN or infinity among them, written as "NaN", "Infinity".</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)]
    public required IReadOnlyList<double> Values { get; init; }

    /// <summary>
    /// The learner-safe curves of <paramref name="report"/>: <see cref="CheckResult.Curve"/> is null
    /// for hidden checks, so a hidden check's values on hidden data never get here.
    /// </summary>
    public static IReadOnlyList<CheckCurve> Of(GradeReport report) =>
    [
        .. from exercise in report.Exercises
           from check in exercise.Checks
           where check.Curve is { Values.Count: > 0 }
           select new CheckCurve { Exercise = exercise.Id, Check = check.Id, Label = check.Curve!.Label, Values = check.Curve.Values },
    ];
}
