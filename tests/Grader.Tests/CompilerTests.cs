namespace Autograder.Grader.Tests;

public sealed class CompilerTests
{
    [Test]
    public void A_compile_error_is_a_result_placed_in_the_learners_file()
    {
        var result = SubmissionCompiler.Compile("T", [
            new SourceFile("01-perceptron/Ok.cs", "public static class Ok { }"),
            new SourceFile("01-perceptron/Broken.cs", "public static class Broken {\n    public static int M() => 1\n}"),
        ]);

        var error = ((CompileResult.Failure)result).Errors.Single();
        Assert.That(error, Is.EqualTo(new CompileDiagnostic("01-perceptron/Broken.cs", 2, 31, "CS1002", "; expected")));
    }

    [Test]
    public void Code_compiles_against_the_reference_library()
    {
        var result = SubmissionCompiler.Compile("T", [
            new SourceFile("01-perceptron/P.cs",
                "using Autograder.Reference.Perceptron;\npublic static class P { public static double M() => PerceptronWeights.Random(2, 1).Bias; }"),
        ]);

        Assert.That(result, Is.TypeOf<CompileResult.Success>());
    }
}
