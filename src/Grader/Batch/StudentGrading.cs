using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run;
using Autograder.Grader.Scoring;

namespace Autograder.Grader.Batch;

/// <summary>
/// One student through the batch: read the work, keep the earlier result when neither the
/// submission nor the rules changed, else grade it (compile here, checks in the lane's worker)
/// and write the result atomically.
/// </summary>
internal sealed class StudentGrading(BatchOptions options, StudentIntake intake, string gradingKey)
{
    public StudentOutcome Grade(ClassStudent student, Func<IExerciseRunner> laneRunner)
    {
        var clock = Stopwatch.StartNew();
        var read = intake.Read(student);
        if (ResultFile.TryRead(options.OutFolder, student.Id) is { } earlier
            && earlier.SubmissionSha256 == read.Sha256
            && earlier.GradingKey == gradingKey)
        {
            return Outcome(earlier, StudentStatus.Unchanged, clock.Elapsed.TotalSeconds);
        }

        var timing = new ExerciseTiming();
        var report = read.Submission is { } submission
            ? new SubmissionGrader(options.Catalog, () => new LaneRunner(laneRunner), options.Seeds).Grade(submission, options.Exercises, observer: timing)
            : Unreadable(read.Problem!);
        var result = new StudentResult
        {
            Student = student.Id,
            SubmissionSha256 = read.Sha256,
            IntakeProblem = read.Problem,
            GradingKey = gradingKey,
            IntakeNotes = read.Notes,
            Report = report,
            Excerpts = read.Submission is { } graded ? SourceExcerpts.Of(graded, report) : [],
            ExerciseSeconds = timing.Seconds,
        };
        ResultFile.Write(options.OutFolder, result);
        return Outcome(result, read.Problem is null ? StudentStatus.Graded : StudentStatus.Refused, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Every exercise asked for, each an error that carries the intake's reason.</summary>
    private GradeReport Unreadable(string problem)
    {
        var exercises = options.Exercises.Count == 0
            ? options.Catalog.Exercises
            : [.. options.Exercises.Distinct(StringComparer.Ordinal).Select(id => options.Catalog.TryGetExercise(id, out var exercise) ? exercise : null).OfType<ExerciseSpec>()];
        return GradeReport.Of([.. exercises.Select(exercise => ExerciseScorer.Unrunnable(
            exercise,
            [.. options.Catalog.ChecksOf(exercise.Id).Select(options.Seeds.Resolve)],
            problem,
            "not run: the submission could not be read."))]);
    }

    private static StudentOutcome Outcome(StudentResult result, StudentStatus status, double seconds) => new(
        result.Student,
        status,
        result.Report.Score,
        result.Report.MaxScore,
        seconds,
        result.Report.Exercises.Any(exercise => exercise.Status == ResultStatus.Error),
        result.IntakeProblem);

    /// <summary>Wall-clock seconds per exercise, compile included.</summary>
    private sealed class ExerciseTiming : IGradingObserver
    {
        private readonly Dictionary<string, double> _seconds = new(StringComparer.Ordinal);
        private Stopwatch _clock = new();

        public IReadOnlyDictionary<string, double> Seconds => _seconds;

        public void ExerciseStarted(ExerciseSpec exercise, int checks) => _clock = Stopwatch.StartNew();

        public void CheckFinished(ExerciseSpec exercise, CheckResult check)
        {
        }

        public void ExerciseFinished(ExerciseResult result) => _seconds[result.Id] = Math.Round(_clock.Elapsed.TotalSeconds, 3);
    }
}
