using System.Text.Json;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// One student's result in a class batch: the version-1 report plus who it belongs to and which
/// submission it graded. It is the only thing the grading step hands to the publishing step
/// (gradebook, Gradescope files, HTML reports), so shards graded on other machines merge by
/// copying these files.
/// </summary>
public sealed record StudentResult
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The student ID derived from the folder, archive or export name.</summary>
    public required string Student { get; init => field = SafeText.Clean(value); }

    /// <summary>SHA-256 (lowercase hex) over the submission's files, names and contents: the regrade key.</summary>
    public required string SubmissionSha256 { get; init; }

    /// <summary>Why the submission could not be graded at all (a refused archive, nothing matched), or null.</summary>
    public string? IntakeProblem { get; init => field = value is null ? null : SafeText.Clean(value); }

    public required GradeReport Report { get; init; }

    /// <summary>
    /// What the grade depends on besides the submission (exercises, limits, checks and their seeds),
    /// as a SHA-256; a second run regrades when it differs. Null in results made before it existed.
    /// </summary>
    public string? GradingKey { get; init; }

    /// <summary>Files of the submission that were not graded (they match no exercise), with the reason.</summary>
    public IReadOnlyList<string> IntakeNotes { get; init => field = [.. value.Select(SafeText.Clean)]; } = [];

    /// <summary>The learner's code around each compile error or policy violation, for the student's report.</summary>
    public IReadOnlyList<SourceExcerpt> Excerpts { get; init; } = [];

    /// <summary>Wall-clock seconds the grading took per exercise; run-dependent, so never part of a gradebook.</summary>
    public IReadOnlyDictionary<string, double> ExerciseSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The curves of the visible checks, which the JSON report leaves out. Taken from
    /// <see cref="Report"/> unless set, so a result built from a fresh report carries them; a
    /// result read back from JSON keeps what was written.
    /// </summary>
    public IReadOnlyList<CheckCurve> Curves { get => field ?? CheckCurve.Of(Report); init; }

    public static string Serialize(StudentResult result) => JsonSerializer.Serialize(result, ReportJson.Options);

    public static StudentResult Deserialize(string json)
    {
        var result = JsonSerializer.Deserialize<StudentResult>(json, ReportJson.Options)
            ?? throw new JsonException("The student result is empty.");
        return result.Version == CurrentVersion && result.Report.Version == GradeReport.CurrentVersion
            ? result
            : throw new JsonException($"Student result version {result.Version} (report {result.Report.Version}) is not supported.");
    }
}

/// <summary>Lines of a learner's file around a problem the compiler or the policy found.</summary>
public sealed record SourceExcerpt
{
    public required string Exercise { get; init => field = SafeText.Clean(value); }

    /// <summary>The file's path inside the exercise folder, as the learner named it.</summary>
    public required string File { get; init => field = SafeText.Clean(value); }

    /// <summary>1-based line of the problem.</summary>
    public required int Line { get; init; }

    public required string Message { get; init => field = SafeText.Clean(value); }

    /// <summary>1-based number of the first line in <see cref="Lines"/>.</summary>
    public required int FirstLine { get; init; }

    public required IReadOnlyList<string> Lines { get; init => field = [.. value.Select(SafeText.Clean)]; }
}
