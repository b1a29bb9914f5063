using System.Text.Json.Serialization;
using Autograder.Grader.Checks;

namespace Autograder.Grader.Results;

/// <summary>The result of grading one submission: version 1 of the JSON report.</summary>
/// <remarks>
/// Every string in these records went through <see cref="SafeText.Clean"/> when the record was
/// built (the init accessors do it), so no control or reordering character from learner text
/// reaches a console, a JSON file or any report made from them.
/// </remarks>
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
    public required string Id { get; init => field = SafeText.Clean(value); }

    public required ResultStatus Status { get; init; }

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    /// <summary>The exercise's summary, or why it could not run (compile errors, policy violations, with file names).</summary>
    public required string Message { get; init => field = SafeText.Clean(value); }

    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>
    /// Where the compile errors or policy violations that stopped the exercise are (file and line),
    /// so a report can show the learner's code around them. Not part of the JSON report: the
    /// message already names them.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<ProblemLocation> Locations { get; init; } = [];
}

/// <summary>A compile error or policy violation at a line of a learner's file (its display path, e.g. <c>01-perceptron/Perceptron.cs</c>).</summary>
public sealed record ProblemLocation(string File, int Line, string Message)
{
    // Learner-controlled (a file name, a compiler message quoting learner code): cleaned like every report string.
    public string File { get; init => field = SafeText.Clean(value); } = SafeText.Clean(File);

    public string Message { get; init => field = SafeText.Clean(value); } = SafeText.Clean(Message);
}

/// <summary>
/// One check's result. What the learner may see and what only the teacher sees are kept apart:
/// <list type="bullet">
/// <item>Learner-safe, for every check: <see cref="Id"/>, <see cref="Name"/>, <see cref="Visibility"/>,
/// <see cref="Status"/>, <see cref="Score"/>, <see cref="MaxScore"/>, <see cref="Message"/>,
/// <see cref="Seed"/>, <see cref="DurationMs"/>; and <see cref="Output"/>, <see cref="Details"/> and
/// <see cref="Curve"/>, which are empty for hidden checks.</item>
/// <item>For a hidden check, <see cref="Message"/> is the check's hint (its verdict) or, when the
/// learner's code threw, only the exception's type and the learner's file and line: never the
/// exception's message, what the code printed, a hidden input or a reference result, because
/// learner code controls those and could use them to carry a hidden check's data out.</item>
/// <item>Teacher-only: <see cref="TeacherMessage"/>, <see cref="TeacherOutput"/>,
/// <see cref="TeacherDetails"/>, <see cref="TeacherCurve"/>: the full text, shown by
/// <c>grader grade --teacher-view</c> and written to the JSON report as <c>teacher</c> only when it
/// differs from what the learner sees.</item>
/// </list>
/// </summary>
public sealed record CheckResult
{
    private readonly string _output = "";
    private readonly string _details = "";
    private readonly Curve? _curve;

    public required string Id { get; init => field = SafeText.Clean(value); }

    public required string Name { get; init => field = SafeText.Clean(value); }

    public required Visibility Visibility { get; init; }

    public required ResultStatus Status { get; init; }

    public required double Score { get; init; }

    public required double MaxScore { get; init; }

    /// <summary>Learner-safe: what the learner reads (see the class comment).</summary>
    public required string Message { get; init => field = SafeText.Clean(value); }

    public required int Seed { get; init; }

    public required long DurationMs { get; init; }

    /// <summary>
    /// Teacher-only: the full message when it differs from <see cref="Message"/> (a hidden check's
    /// exception message, say); null when the learner sees all of it.
    /// </summary>
    [JsonIgnore]
    public string? TeacherMessage { get; init => field = value is null ? null : SafeText.Clean(value); }

    /// <summary>
    /// Learner-safe: a series the console report draws; null for hidden checks (the
    /// learner's values on hidden data). Not part of the JSON report.
    /// </summary>
    [JsonIgnore]
    public Curve? Curve
    {
        get => Visibility == Visibility.Hidden ? null : _curve;
        init => _curve = value is null ? null : value with { Label = SafeText.Clean(value.Label) };
    }

    /// <summary>
    /// Learner-safe, for a public check whose failure came from the learner's code: the frames of
    /// the learner's own code on the exception's stack, innermost first, so that a test can point
    /// at the learner's file and line rather than at the harness. Empty otherwise; not part of the
    /// JSON report.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<LearnerFrame> LearnerStack
    {
        get;
        init => field = [.. value.Select(frame => new LearnerFrame(SafeText.Clean(frame.Method), SafeText.Clean(frame.File), frame.Line))];
    } = [];

    /// <summary>What the check measured against its thresholds (for the seed sweep); not part of the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    /// <summary>
    /// Learner-safe: measured, run-dependent details (see <see cref="Verdict.Details"/>); empty for
    /// hidden checks. Not part of the JSON report.
    /// </summary>
    [JsonIgnore]
    public string Details
    {
        get => Visibility == Visibility.Hidden ? "" : _details;
        init => _details = SafeText.Clean(value);
    }

    /// <summary>
    /// Learner-safe: what the learner's code printed during the check (shortened); empty for
    /// hidden checks, where the code could print the hidden inputs. Not part of the JSON report.
    /// </summary>
    [JsonIgnore]
    public string Output
    {
        get => Visibility == Visibility.Hidden ? "" : _output;
        init => _output = SafeText.Clean(value);
    }

    /// <summary>Teacher-only: <see cref="Curve"/> for every check, hidden ones included.</summary>
    [JsonIgnore]
    public Curve? TeacherCurve => _curve;

    /// <summary>Teacher-only: <see cref="Details"/> for every check, hidden ones included.</summary>
    [JsonIgnore]
    public string TeacherDetails => _details;

    /// <summary>Teacher-only: <see cref="Output"/> for every check, hidden ones included.</summary>
    [JsonIgnore]
    public string TeacherOutput => _output;

    /// <summary>The message a teacher reads: the full one where it differs from the learner's.</summary>
    [JsonIgnore]
    public string FullMessage => TeacherMessage ?? Message;

    /// <summary>
    /// The JSON report's <c>teacher</c> object: present only when the teacher sees more than the
    /// learner (a hidden check's full message or printed output).
    /// </summary>
    [JsonPropertyName("teacher")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TeacherText? Teacher
    {
        get
        {
            var message = TeacherMessage is { } full && full != Message ? full : null;
            var output = Visibility == Visibility.Hidden && _output.Length > 0 ? _output : null;
            return message is null && output is null ? null : new TeacherText(message, output);
        }

        init
        {
            TeacherMessage = value?.Message;
            _output = SafeText.Clean(value?.Output);
        }
    }
}

/// <summary>What only the teacher sees of a check (see <see cref="CheckResult"/>); each part null when the learner sees the same.</summary>
public sealed record TeacherText(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Output);

/// <summary>One frame of the learner's code: the method, its file as the submission names it (e.g. <c>01-perceptron/Perceptron.cs</c>), the line.</summary>
public sealed record LearnerFrame(string Method, string File, int Line);
