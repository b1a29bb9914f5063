using System.Reflection;
using System.Text.Json.Nodes;
using Autograder.Grader.Tests.Hostile;

namespace Autograder.Grader.Tests;

/// <summary>
/// A failing hidden check shows the learner its name, its hint and, for an exception, only the
/// type and the learner's file and line; the teacher keeps the full text (teacher fields, JSON
/// <c>teacher</c>, <c>--teacher-view</c>). Learner code chooses exception messages and printed
/// output, so they could carry a hidden check's inputs out.
/// </summary>
public sealed class HiddenMeansHiddenTests : TempFolderTest
{
    private const string Secret = "SECRET-91c2";

    private static readonly ExerciseSpec Exercise = new() { Id = "99-hidden", Title = "hidden text" };

    [Test]
    public void A_learner_exception_shows_its_type_and_place_and_the_teacher_its_message()
    {
        var report = GradeInProcess("throw new ArgumentException(\"" + Secret + ":\" + string.Join(\",\", input));");
        var checks = report.Exercises.Single().Checks;
        var hidden = checks.Where(check => check.Visibility == Visibility.Hidden).ToList();
        var visible = checks.Where(check => check.Visibility == Visibility.Visible).ToList();

        Assert.That(visible.Select(check => check.Message), Has.All.Contains(Secret), "public checks keep the message: learners run them anyway");
        Assert.That(visible.Select(check => check.TeacherMessage), Has.All.Null);
        Assert.That(hidden, Has.Count.EqualTo(5));
        foreach (var check in hidden)
        {
            Assert.That(check.Message, Does.StartWith("Perceptron.Predict threw ArgumentException (01-perceptron/Perceptron.cs line "));
            Assert.That(check.Message, Does.Not.Contain(Secret));
            Assert.That(check.TeacherMessage, Does.Contain("threw ArgumentException").And.Contain(Secret));
        }

        var json = JsonNode.Parse(ReportJson.Serialize(report))!["exercises"]![0]!["checks"]!.AsArray();
        var hiddenJson = json.Where(check => (string?)check!["visibility"] == "hidden").ToList();
        Assert.That(hiddenJson.Select(check => (string?)check!["message"]), Has.None.Contains(Secret));
        Assert.That(hiddenJson.Select(check => (string?)check!["teacher"]?["message"]), Has.All.Contains(Secret));

        var hiddenOnly = GradeReport.Of([report.Exercises.Single() with { Checks = hidden }]);
        Assert.That(ReportText.Render(hiddenOnly), Does.Not.Contain(Secret));
        Assert.That(ReportText.Render(hiddenOnly, teacherView: true), Does.Contain(Secret).And.Contain("the learner reads:"));
    }

    [Test]
    public void A_stub_that_is_not_written_yet_says_so_in_hidden_checks_too()
    {
        var report = GradeInProcess("throw new NotImplementedException(\"" + Secret + "\");");

        foreach (var check in report.Exercises.Single().Checks)
        {
            Assert.That(check.Message, Does.StartWith("not implemented yet: Perceptron.Predict still throws NotImplementedException"));
            Assert.That(check.Message, Does.Not.Contain(Secret));
        }
    }

    [TestCase(Visibility.Hidden)]
    [TestCase(Visibility.Visible)]
    public void A_learner_message_that_a_check_quotes_is_hidden_in_a_hidden_check(Visibility visibility)
    {
        // As helpers do with libtorch's errors ("Step failed with \"...\""): catch and quote.
        var check = Exercise.Check("quotes", "quotes a caught exception", 1, 0, context =>
        {
            try
            {
                Leaky(context).Invoke(null, ["1.5,2.5"]);
                return Verdict.Pass();
            }
            catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException inner)
            {
                return Verdict.Fail($"Step failed with \"{inner.Message.Split('\n')[0]}\". Dispose nothing you still need.");
            }
        }, visibility);

        var result = RunAgainst(check, "throw new InvalidOperationException(\"" + Secret + ":\" + input + \"\\nmore\");");

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Failed));
        Assert.That(result.FullMessage, Does.Contain(Secret + ":1.5,2.5"));
        if (visibility == Visibility.Hidden)
        {
            Assert.That(result.Message, Is.EqualTo(
                "Step failed with \"(an exception's message, not shown for a hidden check)\". Dispose nothing you still need."));
        }
        else
        {
            Assert.That(result.Message, Is.EqualTo(result.FullMessage));
            Assert.That(result.TeacherMessage, Is.Null);
        }
    }

    [Test]
    public void An_exception_type_of_the_learner_s_own_leaves_only_its_name_in_a_hidden_check()
    {
        // Its Message can say something else at every read, so no remembered text would match the quote.
        var check = Exercise.Check("quotes-own", "quotes a caught exception", 1, 0, context =>
        {
            try
            {
                Leaky(context).Invoke(null, ["1.5"]);
                return Verdict.Pass();
            }
            catch (TargetInvocationException e) when (e.InnerException is { } inner)
            {
                return Verdict.Fail($"failed with \"{inner.Message}\".");
            }
        }, Visibility.Hidden);

        var result = RunAgainst(check, "throw new Shifty();",
            "public sealed class Shifty : Exception { private int _reads; public override string Message => \"" + Secret + "-\" + _reads++; }");

        Assert.That(result.Message, Does.StartWith("failed after your code raised an exception of its own type, Shifty."));
        Assert.That(result.Message, Does.Not.Contain(Secret));
        Assert.That(result.TeacherMessage, Does.Contain(Secret));
    }

    [Test]
    public void When_the_check_itself_fails_a_hidden_check_names_only_the_exception_type()
    {
        // No learner frame on the stack, but the message may still hold what learner code returned.
        var check = Exercise.Check("breaks", "breaks", 1, 0, _ => throw new FormatException("The input '" + Secret + "' was not valid."), Visibility.Hidden);

        var result = RunAgainst(check, "");

        Assert.That(result.Status, Is.EqualTo(ResultStatus.Error));
        Assert.That(result.Message, Is.EqualTo(
            "the check itself failed (FormatException). This is a fault of the grader, not of your code: please tell your teacher."));
        Assert.That(result.TeacherMessage, Does.Contain(Secret));
    }

    [Test]
    public void A_hidden_check_s_own_hint_and_passing_message_stay()
    {
        var failing = RunAgainst(Exercise.Check("fails", "fails", 1, 0, _ => Verdict.Fail("your gradient disagrees (relative error 0.3)"), Visibility.Hidden), "");
        var passing = RunAgainst(Exercise.Check("passes", "passes", 1, 0, _ => Verdict.Pass("6 + 40 losses match"), Visibility.Hidden), "");

        Assert.That((failing.Message, failing.TeacherMessage), Is.EqualTo(("your gradient disagrees (relative error 0.3)", (string?)null)));
        Assert.That(passing.Message, Is.EqualTo("6 + 40 losses match"));
    }

    private GradeReport GradeInProcess(string statement)
    {
        var submission = PerceptronSource.WriteSubmission(Folder, PerceptronSource.With(statement));

        // In the grader's own process, where the teacher's full message is kept; through a
        // worker the learner's view is the same (TerminalAttackTests).
        var grader = new SubmissionGrader(Course.Catalog, () => new InProcessRunner(new RunLimits { TimeLimit = TimeSpan.FromSeconds(20) }));
        return grader.Grade(SubmissionReader.Read(submission), ["01-perceptron"]);
    }

    private static MethodInfo Leaky(CheckContext context) =>
        context.Submission.GetType("Leaky")!.GetMethod("Run")!;

    private static CheckResult RunAgainst(CheckDefinition check, string body, string member = "")
    {
        var code = "using System;\npublic static class Leaky\n{\n    " + member + "\n    public static void Run(string input)\n    {\n        " + body + "\n    }\n}\n";
        var compiled = SubmissionCompiler.Compile("HiddenTest", [new SourceFile("99-hidden/Leaky.cs", code)]);
        Assert.That(compiled, Is.TypeOf<CompileResult.Success>(), () => string.Join('\n', ((CompileResult.Failure)compiled).Errors));
        var success = (CompileResult.Success)compiled;
        var context = new SubmissionLoadContext("hidden-test");
        try
        {
            return CheckRunner.Run(check, context.LoadSubmission(success.Image, success.Symbols), TimeSpan.FromSeconds(20));
        }
        finally
        {
            context.Unload();
        }
    }
}
