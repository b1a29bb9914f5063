using System.Xml.Linq;
using Autograder.Grader.Compile;

namespace Autograder.Grader.Tests;

/// <summary>
/// The grader compiles every exercise with its kind's usings; the exercises' and solutions'
/// projects import build/CourseUsings.props, the TorchSharp set, for editors. If the lists drift,
/// code that an editor accepts fails in the grader, or the other way round.
/// </summary>
public sealed class CourseUsingsTests
{
    [Test]
    public void The_projects_and_the_grader_have_the_same_usings()
    {
        var usings = XDocument.Load(Course.PathOf("build", "CourseUsings.props")).Descendants("Using").ToList();

        Assert.That(
            usings.Where(item => (string?)item.Attribute("Static") != "true").Select(item => (string?)item.Attribute("Include")),
            Is.EqualTo(CourseUsings.WithTorchSharp.Namespaces));
        Assert.That(
            usings.Where(item => (string?)item.Attribute("Static") == "true").Select(item => (string?)item.Attribute("Include")),
            Is.EqualTo(CourseUsings.WithTorchSharp.StaticTypes));
    }

    [TestCase("exercises")]
    [TestCase("solutions")]
    public void The_course_projects_import_them(string folder)
    {
        var project = Directory.GetFiles(Course.PathOf(folder), "*.csproj").Single();

        Assert.That(File.ReadAllText(project), Does.Contain(@"<Import Project=""..\build\CourseUsings.props"" />"));
    }

    [Test]
    public void Learner_code_names_them_without_a_using_directive()
    {
        var compiled = SubmissionCompiler.Compile("Usings", [new SourceFile("04-probe/Probe.cs",
            "public static class Probe { public static List<int> Ids(Tensor t) => Enumerable.Range(0, (int)t.shape[0]).ToList(); }")],
            usings: CourseUsings.WithTorchSharp);

        Assert.That(compiled, Is.InstanceOf<CompileResult.Success>(), () => string.Join('\n', ((CompileResult.Failure)compiled).Errors));
    }

    [Test]
    public void Exercises_by_hand_have_the_dotnet_usings_and_not_TorchSharp()
    {
        var source = new SourceFile("01-probe/Probe.cs", "public static class Probe { public static int Count(List<int> xs) => xs.Count(x => x > 0); }");
        var byHand = (CompileResult.Success)SubmissionCompiler.Compile("ByHand", [source], usings: Course.Catalog.Exercises.Single(e => e.Id == "01-perceptron").Usings);
        var onDevice = (CompileResult.Success)SubmissionCompiler.Compile("OnDevice", [source], usings: Course.Catalog.Exercises.Single(e => e.Id == "04-torchsharp-gpu").Usings);

        Assert.That(byHand.Compilation.ReferencedAssemblyNames.Select(name => name.Name), Does.Contain("TorchSharp"), "TorchSharp stays referenced: 01 to 03 ban it by the policy");
        Assert.That(ReferencedByImage(byHand), Does.Not.Contain("TorchSharp"), "the worker of 01 would load libtorch");
        Assert.That(ReferencedByImage(onDevice), Does.Contain("TorchSharp"), "the usings of 04 name TorchSharp");
    }

    private static List<string?> ReferencedByImage(CompileResult.Success compiled) =>
        [.. System.Reflection.Assembly.Load(compiled.Image).GetReferencedAssemblies().Select(name => name.Name)];

    [Test]
    public void A_policy_time_out_names_the_learners_file_not_the_usings()
    {
        var compiled = (CompileResult.Success)SubmissionCompiler.Compile(
            "Usings", [new SourceFile("04-probe/Probe.cs", "public static class Probe { public static int M(List<int> xs) => xs.Sum(); }")],
            usings: CourseUsings.WithTorchSharp);

        // No time at all: the walk cannot finish, and its message names the files it walks.
        var policy = Autograder.Grader.Policy.ApiPolicy.CheckWithin(compiled.Compilation, [], limits: CompileLimits.Default with { TimeLimit = TimeSpan.Zero });

        Assert.That(policy.Limit, Does.Contain("(04-probe/Probe.cs)").And.Not.Contain(CourseUsings.FilePath));
    }

    [Test]
    public void A_learner_file_named_like_the_usings_is_still_judged()
    {
        var compiled = (CompileResult.Success)SubmissionCompiler.Compile(
            "Usings", [new SourceFile(CourseUsings.FilePath, "public static class Probe { public static string M() => System.IO.File.ReadAllText(\"/etc/passwd\"); }")]);

        var violations = Autograder.Grader.Policy.ApiPolicy.Check(compiled.Compilation, []);

        Assert.That(violations.Select(violation => violation.Api), Has.Some.Contains("System.IO.File.ReadAllText"));
    }
}
