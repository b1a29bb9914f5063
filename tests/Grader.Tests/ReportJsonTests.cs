using System.Text.Json.Nodes;

namespace Autograder.Grader.Tests;

/// <summary>The JSON report keeps exactly the names of version 1: gradebooks and other tools read it.</summary>
public sealed class ReportJsonTests
{
    private static readonly GradeReport Sample = GradeReport.Of([
        new ExerciseResult
        {
            Id = "01-perceptron",
            Status = ResultStatus.Failed,
            Score = 1,
            MaxScore = 3,
            Message = "1 of 2 checks passed.",
            Checks =
            [
                new CheckResult
                {
                    Id = "01-perceptron/a", Name = "a", Visibility = Visibility.Visible, Status = ResultStatus.Passed,
                    Score = 1, MaxScore = 1, Message = "", Seed = 3, DurationMs = 12, Curve = new Curve("loss", [1, 0.5]),
                },
                new CheckResult
                {
                    Id = "01-perceptron/b", Name = "b", Visibility = Visibility.Hidden, Status = ResultStatus.Error,
                    Score = 0, MaxScore = 2, Message = "timed out", Seed = 4, DurationMs = 15000,
                },
            ],
        },
    ]);

    [Test]
    public void Property_names_are_exactly_those_of_version_1()
    {
        var root = JsonNode.Parse(ReportJson.Serialize(Sample))!.AsObject();
        var exercise = root["exercises"]![0]!.AsObject();
        var check = exercise["checks"]![0]!.AsObject();

        Assert.That(root.Select(p => p.Key), Is.EqualTo(new[] { "version", "score", "maxScore", "exercises" }));
        Assert.That(exercise.Select(p => p.Key), Is.EqualTo(new[] { "id", "status", "score", "maxScore", "message", "checks" }));
        Assert.That(check.Select(p => p.Key), Is.EqualTo(new[]
        {
            "id", "name", "visibility", "status", "score", "maxScore", "message", "seed", "durationMs",
        }));
        Assert.That((string?)exercise["checks"]![1]!["status"], Is.EqualTo("error"));
        Assert.That((string?)exercise["checks"]![1]!["visibility"], Is.EqualTo("hidden"));
        Assert.That((int)root["version"]!, Is.EqualTo(1));
    }

    [Test]
    public void A_report_survives_a_round_trip()
    {
        var copy = ReportJson.Deserialize(ReportJson.Serialize(Sample));

        Assert.That(ReportJson.Serialize(copy), Is.EqualTo(ReportJson.Serialize(Sample)));
    }
}
