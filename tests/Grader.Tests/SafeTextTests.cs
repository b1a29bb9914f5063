using System.Text.Json.Nodes;
using Autograder.Grader.Tests.Hostile;

namespace Autograder.Grader.Tests;

/// <summary>
/// SafeText makes every control, reordering and invisible character visible, and the result
/// records apply it to every string when they are built: the one choke point for learner text.
/// </summary>
public sealed class SafeTextTests
{
    [TestCase("\u001b[2J", @"\x1b[2J")]
    [TestCase("\u001b]52;c;cm0gLXJmIH4K\u0007", @"\x1b]52;c;cm0gLXJmIH4K\x07")]
    [TestCase("a\rb\bc\0d", @"a\x0db\x08c\x00d")]
    [TestCase("\u007f\u0080\u009b2J", @"\x7f\x80\x9b2J")]
    [TestCase("\u202etxt.exe\u202c", @"\u202etxt.exe\u202c")]
    [TestCase("\u2066x\u2069\u200e\u200f", @"\u2066x\u2069\u200e\u200f")]
    [TestCase("a\u200bb\u200cc\u200dd\u2060e\ufeff", @"a\u200bb\u200cc\u200dd\u2060e\ufeff")]
    [TestCase("line\u2028para\u2029", @"line\u2028para\u2029")]
    public void Unsafe_characters_become_visible_escapes(string raw, string expected)
    {
        Assert.That(SafeText.Clean(raw), Is.EqualTo(expected));
        Assert.That(ReportText.FirstDangerous(SafeText.Clean(raw)), Is.Null);
    }

    [Test]
    public void Lone_surrogates_become_visible_and_pairs_stay()
    {
        // Built here: attribute arguments cannot carry a lone surrogate (they are stored as UTF-8).
        var raw = "lone " + '\ud800' + " high, lone " + '\udc00' + " low, a pair 😀, reversed " + '\udc00' + '\ud800';
        Assert.That(SafeText.Clean(raw), Is.EqualTo(@"lone \ud800 high, lone \udc00 low, a pair 😀, reversed \udc00\ud800"));
    }

    [TestCase("")]
    [TestCase("plain text, with a newline\nand\ta tab")]
    [TestCase("Grüße, 日本語, emoji 😀 (a surrogate pair), → ✔ ▁▂▃")]
    [TestCase(@"already escaped \x1b[2J stays as it is")]
    public void Safe_text_is_returned_unchanged(string text)
    {
        Assert.That(SafeText.Clean(text), Is.SameAs(text));
        Assert.That(SafeText.IsClean(text), Is.True);
    }

    [Test]
    public void Cleaning_twice_changes_nothing()
    {
        var once = SafeText.Clean("\u001b[31m\u202e\ud800\u0085");
        Assert.That(SafeText.Clean(once), Is.EqualTo(once));
    }

    [Test]
    public void Null_becomes_empty() => Assert.That(SafeText.Clean(null), Is.EqualTo(""));

    [Test]
    public void Every_string_of_a_result_is_cleaned_when_it_is_built()
    {
        var check = new CheckResult
        {
            Id = "01-perceptron/\u001b[2Jx", Name = "n\u0007", Visibility = Visibility.Visible, Status = ResultStatus.Failed,
            Score = 0, MaxScore = 1, Message = "m\u001b[1A", Seed = 1, DurationMs = 0,
            Curve = new Curve("loss\u202e", [1, 0]), Details = "d\u009b", Output = "o\u001b]52;c;x\u0007", TeacherMessage = "t\u001b",
        };
        var exercise = new ExerciseResult
        {
            Id = "01-perceptron", Status = ResultStatus.Failed, Score = 0, MaxScore = 1, Checks = [check],
            // A compile error's text names the learner's file, and the name is theirs to choose.
            Message = "does not compile:\n01-perceptron/\u001b[2J\u202eevil.cs(3,1): error CS1002: ; expected",
        };
        var report = GradeReport.Of([exercise]);

        var dirty = ReportText.Strings(report).Where(found => ReportText.FirstDangerous(found.Text) is not null).ToList();

        Assert.That(dirty, Is.Empty, string.Join("\n", dirty.Select(found => $"{found.Path}: {ReportText.FirstDangerous(found.Text)}")));
        Assert.That(exercise.Message, Does.Contain(@"01-perceptron/\x1b[2J\u202eevil.cs(3,1)"));
        Assert.That(check.Curve!.Label, Is.EqualTo(@"loss\u202e"));
    }

    [Test]
    public void A_copy_made_with_with_is_cleaned_too()
    {
        var check = Sample(Visibility.Visible) with { Message = "\u001b[2J", Output = "\u0007" };
        Assert.That(check.Message, Is.EqualTo(@"\x1b[2J"));
        Assert.That(check.Output, Is.EqualTo(@"\x07"));
    }

    [Test]
    public void A_report_read_back_from_json_is_cleaned_too()
    {
        // A report file someone edited by hand, or wrote with another tool, is no more trusted.
        var json = ReportJson.Serialize(GradeReport.Of([new ExerciseResult
        {
            Id = "01-perceptron", Status = ResultStatus.Failed, Score = 0, MaxScore = 1, Message = "x", Checks = [Sample(Visibility.Hidden)],
        }])).Replace("\"message\": \"hint\"", "\"message\": \"\\u001b[2Jforged\"", StringComparison.Ordinal);

        var report = ReportJson.Deserialize(json);

        Assert.That(report.Exercises[0].Checks[0].Message, Is.EqualTo(@"\x1b[2Jforged"));
    }

    [Test]
    public void The_json_report_has_a_teacher_object_only_where_the_teacher_sees_more()
    {
        var hidden = Sample(Visibility.Hidden) with { TeacherMessage = "hint: Update threw X: the secret", Output = "printed secret" };
        var visible = Sample(Visibility.Visible) with { Output = "printed" };
        var report = GradeReport.Of([new ExerciseResult
        {
            Id = "01-perceptron", Status = ResultStatus.Failed, Score = 0, MaxScore = 2, Message = "x", Checks = [hidden, visible, Sample(Visibility.Hidden)],
        }]);

        var json = ReportJson.Serialize(report);
        var checks = JsonNode.Parse(json)!["exercises"]![0]!["checks"]!.AsArray();

        Assert.That((string?)checks[0]!["teacher"]!["message"], Is.EqualTo("hint: Update threw X: the secret"));
        Assert.That((string?)checks[0]!["teacher"]!["output"], Is.EqualTo("printed secret"));
        Assert.That((string?)checks[0]!["message"], Is.EqualTo("hint"));
        Assert.That(checks[1]!.AsObject().ContainsKey("teacher"), Is.False, "a visible check's learner sees everything already");
        Assert.That(checks[2]!.AsObject().ContainsKey("teacher"), Is.False, "nothing more to see");

        var back = ReportJson.Deserialize(json).Exercises[0].Checks[0];
        Assert.That(back.TeacherMessage, Is.EqualTo(hidden.TeacherMessage));
        Assert.That(back.TeacherOutput, Is.EqualTo("printed secret"));
        Assert.That(back.Output, Is.Empty);
        Assert.That(ReportJson.Serialize(ReportJson.Deserialize(json)), Is.EqualTo(json));
    }

    [Test]
    public void A_hidden_check_keeps_output_details_and_curve_for_the_teacher_only()
    {
        var hidden = Sample(Visibility.Hidden) with { Output = "out", Details = "details", Curve = new Curve("loss", [1, 0]) };

        Assert.That((hidden.Output, hidden.Details, hidden.Curve), Is.EqualTo(("", "", (Curve?)null)));
        Assert.That((hidden.TeacherOutput, hidden.TeacherDetails, hidden.TeacherCurve?.Label), Is.EqualTo(("out", "details", "loss")));
    }

    private static CheckResult Sample(Visibility visibility) => new()
    {
        Id = "01-perceptron/x", Name = "x", Visibility = visibility, Status = ResultStatus.Failed,
        Score = 0, MaxScore = 1, Message = "hint", Seed = 1, DurationMs = 0,
    };
}
