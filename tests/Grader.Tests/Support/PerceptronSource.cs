namespace Autograder.Grader.Tests.Support;

/// <summary>Learner-like code for the attack tests: the reference perceptron of exercise 01 with something added.</summary>
internal static class PerceptronSource
{
    /// <summary>
    /// The reference with <paramref name="statement"/> run first in Predict (every check calls it,
    /// hidden ones with hidden inputs) and <paramref name="member"/> added to the class.
    /// </summary>
    public static string With(string statement, string member = "")
    {
        var source = File.ReadAllText(Course.PathOf("solutions", "01-perceptron", "Perceptron.cs"));
        const string predict = "    public int Predict(PerceptronWeights weights, double[] input)\n    {\n";
        Assert.That(source, Does.Contain(predict));
        source = source.Replace(predict, predict + "        " + statement + "\n", StringComparison.Ordinal);
        source = source.Replace("public sealed class Perceptron : IPerceptron\n{\n",
            "public sealed class Perceptron : IPerceptron\n{\n    " + member + "\n", StringComparison.Ordinal);
        return "using System;\n" + source;
    }

    /// <summary>Writes <paramref name="source"/> as the Perceptron.cs of exercise 01 of a submission folder made under <paramref name="folder"/>, and returns that submission.</summary>
    public static string WriteSubmission(string folder, string source)
    {
        var submission = Path.Combine(folder, "submission");
        Directory.CreateDirectory(Path.Combine(submission, "01-perceptron"));
        File.WriteAllText(Path.Combine(submission, "01-perceptron", "Perceptron.cs"), source);
        return submission;
    }
}
