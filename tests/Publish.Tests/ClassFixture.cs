using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Publish;
using Autograder.Grader.Results;

namespace Autograder.Publish.Tests;

/// <summary>
/// A small class of constructed student results, one of each kind publishing must handle: full
/// marks with a curve, a compile error with its excerpt, a hidden check whose teacher-only text
/// must stay out of the learner's files, an intake problem, and a hostile student whose every
/// string tries to break out of HTML, CSV or JSON.
/// </summary>
internal static class ClassFixture
{
    /// <summary>Teacher-only text of a hidden check: it must never reach a learner's file.</summary>
    public const string HiddenSecret = "SECRET-hidden-input-4711";

    public static readonly string Hostile =
        "<script>alert('x')</script> \"quoted\" 'single' </textarea></pre><img src=x onerror=alert(1)> & \u202Eevil\u200F "
        + new string('W', 5000);

    public static IReadOnlyList<string> Students { get; } = ["ada", "bob", "cy", "dee", "eve"];

    public static IReadOnlyList<UnmatchedEntry> Unmatched { get; } =
    [
        new() { Entry = "<b>mallory</b>.zip", Reason = "refused: an entry would land outside its folder (../../etc/passwd) " + Hostile },
        new() { Entry = "notes.txt", Reason = "not a folder or a .zip archive" },
    ];

    public static StudentResult Result(string student) => student switch
    {
        "ada" => FullMarks(),
        "bob" => CompileError(),
        "cy" => HiddenFailure(),
        "dee" => IntakeProblem(),
        "eve" => HostileStudent(),
        _ => throw new ArgumentOutOfRangeException(nameof(student)),
    };

    /// <summary>Writes the class's result files and class.json into <paramref name="outDir"/>.</summary>
    public static void Write(string outDir, IEnumerable<string> graded, string? shard = null)
    {
        var gradedList = graded.Order(StringComparer.Ordinal).ToList();
        foreach (var student in gradedList)
        {
            var folder = Path.Combine(outDir, "students", student);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "result.json"), StudentResult.Serialize(Result(student)));
        }

        new ClassManifest { Shard = shard, Students = Students, Graded = gradedList, Unmatched = Unmatched }.Write(outDir);
    }

    /// <summary>Writes every student's results into <paramref name="outDir"/> and publishes them.</summary>
    public static void WriteAndPublish(string outDir)
    {
        Write(outDir, Students);
        ClassPublisher.Publish(outDir);
    }

    public static CheckResult Check(string id, string name, ResultStatus status, double score, double max, string message,
        Visibility visibility = Visibility.Visible, Curve? curve = null, string? teacherMessage = null, string output = "") => new()
    {
        Id = id,
        Name = name,
        Visibility = visibility,
        Status = status,
        Score = score,
        MaxScore = max,
        Message = message,
        Seed = 7,
        DurationMs = 12,
        Curve = curve,
        TeacherMessage = teacherMessage,
        Output = output,
    };

    public static ExerciseResult Exercise(string id, IReadOnlyList<CheckResult> checks, ResultStatus? status = null, string? message = null) => new()
    {
        Id = id,
        Status = status ?? (checks.All(check => check.Status == ResultStatus.Passed) ? ResultStatus.Passed : ResultStatus.Failed),
        Score = checks.Sum(check => check.Score),
        MaxScore = checks.Sum(check => check.MaxScore),
        Message = message ?? $"{checks.Count(check => check.Status == ResultStatus.Passed)} of {checks.Count} checks passed.",
        Checks = checks,
    };

    private static StudentResult Student(string id, IReadOnlyList<ExerciseResult> exercises, IReadOnlyList<SourceExcerpt>? excerpts = null, string? intake = null) => new()
    {
        Student = id,
        SubmissionSha256 = new string('a', 64),
        IntakeProblem = intake,
        Report = GradeReport.Of(exercises),
        Excerpts = excerpts ?? [],
        ExerciseSeconds = exercises.Select((exercise, i) => (exercise.Id, Seconds: 1.5 + id.Length + i))
            .ToDictionary(pair => pair.Id, pair => pair.Seconds),
    };

    private static StudentResult FullMarks() => Student("ada",
    [
        Exercise("01-perceptron",
        [
            Check("01-perceptron/learns-and", "learns AND", ResultStatus.Passed, 2, 2, "converged after 4 epochs",
                curve: new Curve("mistakes per epoch", [3, 2, 1, 0])),
            Check("01-perceptron/hidden-margin", "separates unseen points", ResultStatus.Passed, 3, 3, "", Visibility.Hidden),
        ]),
        Exercise("04-torchsharp", [Check("04-torchsharp/loss-falls", "the loss falls", ResultStatus.Passed, 5, 5, "",
            curve: new Curve("loss per step", [.. Enumerable.Range(0, 200).Select(step => 2.3 * Math.Exp(-step / 40.0))]))]),
    ]);

    private static StudentResult CompileError()
    {
        const string Message = "does not compile (1 error). Fix it, then run again:\n01-perceptron/Perceptron.cs(21,39): CS1002: ; expected";
        return Student("bob",
        [
            Exercise("01-perceptron",
            [
                Check("01-perceptron/learns-and", "learns AND", ResultStatus.Error, 0, 2, "not run: the exercise does not compile."),
                Check("01-perceptron/hidden-margin", "separates unseen points", ResultStatus.Error, 0, 3, "not run: the exercise does not compile.", Visibility.Hidden),
            ], ResultStatus.Error, Message),
            Exercise("04-torchsharp", [Check("04-torchsharp/loss-falls", "the loss falls", ResultStatus.Failed, 0, 5,
                "the loss rose from 2.30 to 7.10 over 200 steps: expected it to fall below 0.5. Is the learning rate's sign right?",
                curve: new Curve("loss per step", [2.3, 3.1, double.NaN, double.PositiveInfinity, 7.1]))]),
        ],
        [
            new SourceExcerpt
            {
                Exercise = "01-perceptron",
                File = "Perceptron.cs",
                Line = 21,
                Message = "CS1002: ; expected",
                FirstLine = 19,
                Lines = ["    public int Predict(double[] x)", "    {", "        var sum = Dot(weights, x) + bias", "        return sum >= 0 ? 1 : 0;", "    }"],
            },
        ]);
    }

    private static StudentResult HiddenFailure() => Student("cy",
    [
        Exercise("01-perceptron",
        [
            Check("01-perceptron/learns-and", "learns AND", ResultStatus.Passed, 2, 2, ""),
            Check("01-perceptron/hidden-margin", "separates unseen points", ResultStatus.Failed, 0, 3,
                "Your perceptron misclassifies points it has not seen: check that the bias is updated too.", Visibility.Hidden,
                curve: new Curve("margin on hidden points " + HiddenSecret, [1, 2, 3]),
                teacherMessage: "expected label 1 for hidden input " + HiddenSecret, output: "printed " + HiddenSecret),
        ]),
        Exercise("04-torchsharp", [Check("04-torchsharp/loss-falls", "the loss falls", ResultStatus.Passed, 5, 5, "")]),
    ]);

    private static StudentResult IntakeProblem() => Student("dee", [],
        intake: "the archive dee.zip was refused: it holds a link (exercises/01-perceptron/x.cs -> /etc/passwd).");

    private static StudentResult HostileStudent() => Student("eve",
    [
        Exercise("01-perceptron",
        [
            Check("01-perceptron/learns-and", "learns AND " + Hostile, ResultStatus.Failed, 0, 2, Hostile,
                curve: new Curve("mistakes " + Hostile, [5, 4, 4, 4])),
            Check("01-perceptron/hidden-margin", "separates unseen points", ResultStatus.Failed, 0, 3, "hint " + Hostile, Visibility.Hidden),
        ], ResultStatus.Error, "policy: " + Hostile),
        Exercise("04-torchsharp", [Check("04-torchsharp/loss-falls", "the loss falls", ResultStatus.Passed, 5, 5, "")]),
    ],
    [
        new SourceExcerpt
        {
            Exercise = "01-perceptron",
            File = "</textarea><script>.cs",
            Line = 2,
            Message = Hostile,
            FirstLine = 1,
            Lines = ["// " + Hostile, "System.IO.File.Delete(\"/\"); // <!-- -->", "\u202E}"],
        },
    ]);
}
