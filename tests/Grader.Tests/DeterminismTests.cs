namespace Autograder.Grader.Tests;

/// <summary>Grading is reproducible: the same submission gets the same report, durations aside.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void Grading_the_same_submission_twice_gives_the_same_report()
    {
        var submission = SubmissionReader.Read(Course.PathOf("solutions"));

        var first = ReportJson.Serialize(Course.Grader().Grade(submission, []));
        var second = ReportJson.Serialize(Course.Grader().Grade(submission, []));

        Assert.That(GoldenScenarioTests.Normalise(second), Is.EqualTo(GoldenScenarioTests.Normalise(first)));
    }
}
