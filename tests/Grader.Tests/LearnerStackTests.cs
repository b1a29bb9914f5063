namespace Autograder.Grader.Tests;

/// <summary>
/// When learner code throws in a public check, the result carries the learner's own frames (file
/// and line) through the worker, so that the learner's test can point at the learner's line.
/// </summary>
[TestFixture]
public sealed class LearnerStackTests
{
    [Test]
    public void A_throwing_stub_points_at_its_own_line_and_a_hidden_check_at_none()
    {
        var stub = File.ReadAllLines(Course.PathOf("exercises", "01-perceptron", "Perceptron.cs"));
        var throwing = Array.FindIndex(stub, line => line.Contains("Perceptron.Predict is not implemented", StringComparison.Ordinal)) + 1;

        var exercise = Course.Grader().Grade(SubmissionReader.Read(Course.PathOf("exercises"), ["01-perceptron"]), ["01-perceptron"]).Exercises.Single();

        var predict = exercise.Checks.Single(check => check.Id == "01-perceptron/predict-threshold");
        Assert.That(predict.LearnerStack, Is.EqualTo(new[]
        {
            new LearnerFrame("Exercises.Perceptron.Perceptron.Predict(PerceptronWeights weights, Double[] input)", "01-perceptron/Perceptron.cs", throwing),
        }));
        Assert.That(exercise.Checks.Where(check => check.Visibility == Visibility.Hidden).SelectMany(check => check.LearnerStack), Is.Empty);
    }
}
