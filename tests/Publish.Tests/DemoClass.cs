using Autograder.Grader.Batch;
using Autograder.Grader.Checks;
using Autograder.Grader.Publish;
using Autograder.Grader.Results;

namespace Autograder.Publish.Tests;

/// <summary>
/// A seeded class of 30 plausible students over three exercises, for the browser test and the
/// README's picture of the summary page: mostly working code, typical failures, a compile error,
/// a refused archive and an entry that matched no one.
/// </summary>
internal static class DemoClass
{
    private sealed record CheckSpec(string Id, string Name, double Points, double Difficulty, Visibility Visibility, string Failure, string? CurveLabel = null);

    private static readonly (string Exercise, CheckSpec[] Checks)[] Course =
    [
        ("01-perceptron",
        [
            new("01-perceptron/predict-threshold", "Predict fires when w·x + bias >= 0", 1, 0.05, Visibility.Visible, "Predict returned 0 for w·x + bias = 0: the rule fires at exactly zero too (>=, not >)."),
            new("01-perceptron/update-rule", "the training rule on one example", 2, 0.15, Visibility.Visible, "after one mistake the bias did not move: the rule updates the bias by η·(target − output) as well."),
            new("01-perceptron/learns-and", "learns AND", 1, 0.1, Visibility.Visible, "still 1 mistake per epoch after 100 epochs: AND is linearly separable, so training must reach 0.", "mistakes per epoch"),
            new("01-perceptron/hidden-margin", "separates unseen points", 3, 0.3, Visibility.Hidden, "misclassifies separable points it has not seen: check that every weight and the bias are updated."),
        ]),
        ("03-backprop",
        [
            new("03-backprop/gradient-check", "gradients match central differences", 3, 0.35, Visibility.Visible, "dL/dW1 differs from the numerical gradient by 0.5 (relative): the sigmoid's derivative is σ(z)(1 − σ(z)), applied to z, not to σ(z)."),
            new("03-backprop/loss-falls", "the loss falls on XOR", 2, 0.3, Visibility.Visible, "the loss stayed at 0.69 for 2000 steps: is the gradient subtracted, and are the hidden weights updated?", "loss per step"),
            new("03-backprop/held-out", "accuracy on held-out data", 3, 0.45, Visibility.Hidden, "held-out accuracy 0.62, expected at least 0.90: the network fits its training data but does not generalise; shuffle each epoch."),
        ]),
        ("05-softmax",
        [
            new("05-softmax/stable", "softmax stays finite for large logits", 2, 0.4, Visibility.Visible, "softmax([1000, 0]) gave NaN: subtract the largest logit before exponentiating."),
            new("05-softmax/cross-entropy", "cross-entropy of a batch", 2, 0.25, Visibility.Visible, "the loss is 4.0 times too large: take the mean over the batch, not the sum."),
            new("05-softmax/reference", "matches the reference on hidden batches", 3, 0.5, Visibility.Hidden, "differs from the reference on a hidden batch: check the log-sum-exp for rows with very negative logits."),
        ]),
    ];

    private static readonly string[] Names =
    [
        "aaliyah", "ben", "chen-wei", "dara", "elif", "farah", "gustavo", "hana", "ivan", "jamal", "kaito", "lena", "mateo", "nia", "oskar",
        "priya", "quinn", "rosa", "sami", "tomas", "uma", "viktor", "wen", "ximena", "yusuf", "zoe", "amara", "bruno", "carla", "dmitri",
    ];

    public static void Write(string outDir)
    {
        var random = new Random(2026);
        foreach (var name in Names)
        {
            var result = name == "oskar"
                ? new StudentResult
                {
                    Student = name,
                    SubmissionSha256 = new string('0', 64),
                    IntakeProblem = "the archive oskar.zip was refused: it unpacks to 2.1 GB (limit 200 MB).",
                    Report = GradeReport.Of([]),
                }
                : Student(name, random);
            var folder = Path.Combine(outDir, "students", name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "result.json"), StudentResult.Serialize(result));
        }

        new ClassManifest
        {
            Students = [.. Names.Order(StringComparer.Ordinal)],
            Graded = [.. Names.Order(StringComparer.Ordinal)],
            Unmatched = [new() { Entry = "final_final_v2 (1).docx", Reason = "not a folder or a .zip archive, and no exercise declares its types" }],
        }.Write(outDir);
    }

    /// <summary>The report of a student with a curve, a failed visible check and a hidden check.</summary>
    public const string Featured = "ben";

    private static StudentResult Student(string name, Random random)
    {
        var skill = 0.55 + (0.5 * random.NextDouble());
        var exercises = new List<ExerciseResult>();
        var excerpts = new List<SourceExcerpt>();
        var seconds = new Dictionary<string, double>();
        foreach (var (exercise, checks) in Course)
        {
            seconds[exercise] = Math.Round(1.5 + (random.NextDouble() * (exercise == "03-backprop" ? 14 : 4)), 1);
            if (name == "jamal" && exercise == "03-backprop")
            {
                exercises.Add(CompileError(exercise, checks));
                excerpts.Add(new SourceExcerpt
                {
                    Exercise = exercise,
                    File = "Backprop.cs",
                    Line = 42,
                    Message = "CS0029: Cannot implicitly convert type 'double[]' to 'double'",
                    FirstLine = 40,
                    Lines = ["        var hidden = Sigmoid(Dot(w1, x));", "        var output = Sigmoid(Dot(w2, hidden));", "        double delta = (output - target) * hidden;", "        return delta;", "    }"],
                });
                continue;
            }

            var results = checks.Select(check =>
            {
                var passed = name == Featured ? check.Id != "03-backprop/loss-falls" : random.NextDouble() < skill - check.Difficulty + 0.3;
                Curve? curve = check.CurveLabel is null ? null : new Curve(check.CurveLabel, Series(check.Id, passed, random));
                return new CheckResult
                {
                    Id = check.Id,
                    Name = check.Name,
                    Visibility = check.Visibility,
                    Status = passed ? ResultStatus.Passed : ResultStatus.Failed,
                    Score = passed ? check.Points : 0,
                    MaxScore = check.Points,
                    Message = passed ? "" : check.Failure,
                    Seed = 11,
                    DurationMs = 40,
                    Curve = curve,
                };
            }).ToList();
            exercises.Add(ClassFixture.Exercise(exercise, results));
        }

        return new StudentResult
        {
            Student = name,
            SubmissionSha256 = new string('1', 64),
            Report = GradeReport.Of(exercises),
            Excerpts = excerpts,
            ExerciseSeconds = seconds,
        };
    }

    private static ExerciseResult CompileError(string exercise, CheckSpec[] checks) => ClassFixture.Exercise(exercise,
        [.. checks.Select(check => ClassFixture.Check(check.Id, check.Name, ResultStatus.Error, 0, check.Points, "not run: the exercise does not compile.", check.Visibility))],
        ResultStatus.Error,
        "does not compile (1 error). Fix it, then run again:\n03-backprop/Backprop.cs(42,24): CS0029: Cannot implicitly convert type 'double[]' to 'double'");

    private static double[] Series(string check, bool passed, Random random)
    {
        if (check == "01-perceptron/learns-and")
        {
            return [.. Enumerable.Range(0, 12).Select(epoch => passed ? Math.Max(0, 3 - (epoch / 2)) : (double)(1 + (epoch % 2)))];
        }

        var noise = random.Next();
        return [.. Enumerable.Range(0, 300).Select(step => passed
            ? (0.69 * Math.Exp(-step / 60.0)) + (0.01 * Math.Sin(step + noise))
            : 0.69 + (0.005 * Math.Sin(step / 7.0)))];
    }
}
