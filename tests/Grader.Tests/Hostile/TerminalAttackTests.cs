using System.Text.RegularExpressions;

namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// One attack on the teacher's terminal or on hidden data: the reference perceptron with
/// <see cref="Statement"/> run first in Predict (every check calls it, hidden ones with hidden
/// inputs) and <see cref="Member"/> added to the class. <see cref="Shown"/> is how the attempt must
/// appear, made visible, in some visible check's message or printed output.
/// </summary>
public sealed record TerminalAttack(string Name, string Shown, string Statement = "", string Member = "", string ExtraFile = "")
{
    public override string ToString() => Name;
}

/// <summary>
/// Attacks through the text a report shows: escape sequences that clear the screen, move the
/// cursor to overwrite rows, write the clipboard or ring the bell; bidi and invisible characters;
/// forged total rows; exceptions and output that carry a hidden check's inputs out. Each is graded
/// through the real grader (worker process) and must leave no raw control character in the
/// report, its JSON or the rendered console text, and nothing of the payload in a hidden check's
/// learner view.
/// </summary>
public sealed class TerminalAttackTests : TempFolderTest
{
    /// <summary>Every payload carries this, so that the tests can find where it went.</summary>
    private const string Marker = "PAYLOAD-7f3a";

    public static IReadOnlyList<TerminalAttack> Attacks { get; } =
    [
        new("clear-screen-in-exception", @"\x1b[2J\x1b[H",
            Statement: "throw new InvalidOperationException(\"\\u001b[2J\\u001b[H" + Marker + "\");"),
        new("cursor-up-overwrites-rows", @"\x1b[5A\x1b[2K",
            Statement: "throw new InvalidOperationException(\"\\u001b[5A\\u001b[2K✔ all checks passed " + Marker + "\");"),
        new("osc52-clipboard-write", @"\x1b]52;c;cm0gLXJmIH4K\x07",
            Statement: "throw new InvalidOperationException(\"\\u001b]52;c;cm0gLXJmIH4K\\u0007" + Marker + "\");"),
        new("bell", @"\x07\x07\x07", Statement: "throw new InvalidOperationException(\"\\a\\a\\a" + Marker + "\");"),
        new("eight-bit-csi", @"\x9b2J", Statement: "throw new InvalidOperationException(\"\\u009b2J\\u009d0;title\\u009c" + Marker + "\");"),
        new("forged-total-row", @"\x0d\x1b[1ATotal: 100/100",
            Statement: "throw new InvalidOperationException(\"\\n\\r\\u001b[1ATotal: 100/100\\n" + Marker + "\");"),
        new("escape-sequences-printed", @"\x1b[2J\x1b]52;c;eA==\x07",
            Statement: "Console.Write(\"\\u001b[2J\\u001b]52;c;eA==\\u0007" + Marker + "\\n\"); throw new NotImplementedException();"),
        new("bidi-override-in-message", @"\u202e001/001 :latoT\u202c",
            Statement: "throw new InvalidOperationException(\"\\u202e001/001 :latoT\\u202c\\u2066\\u200b" + Marker + "\");"),
        new("odd-unicode-exception-type", "Ɐ\u0338Exception",
            Member: "public sealed class Ɐ\u0338Exception(string message) : Exception(message);",
            Statement: "throw new Ɐ\u0338Exception(\"\\u2028\\u2029\\ufeff" + Marker + "\");"),
        new("lone-surrogate", @"\ud800", Statement: "throw new InvalidOperationException(\"\\ud800" + Marker + "\");"),
        new("very-long-message", @"\x1b\x1b\x1b",
            Statement: "throw new InvalidOperationException(new string('\\u001b', 200000) + \"" + Marker + "\");"),
        new("very-long-printed-line", "AAAAAAAA",
            Statement: "Console.Write(new string('A', 7000) + \"\\u001b[2J" + Marker + "\"); throw new NotImplementedException();"),
        new("hidden-inputs-in-exception", "LEAK:",
            Statement: "throw new InvalidOperationException(\"LEAK:" + Marker + ":\" + string.Join(\",\", input) + \";\" + weights.Bias);"),
        new("hidden-inputs-printed", "LEAK:",
            Statement: "Console.WriteLine(\"LEAK:" + Marker + ":\" + string.Join(\",\", input)); throw new NotImplementedException();"),
        new("escape-in-file-name", @"\x1b[2J\u202eevil.cs",
            ExtraFile: "this is not C# " + Marker),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        Attacks.Select(attack => new TestCaseData(attack).SetName($"TerminalAttack({attack.Name})"));

    [Test]
    public void There_are_at_least_ten_attacks_with_unique_names()
    {
        Assert.That(Attacks, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(Attacks.Select(attack => attack.Name), Is.Unique);
    }

    [TestCaseSource(nameof(Cases))]
    public void Attack_reaches_neither_the_terminal_nor_a_hidden_check(TerminalAttack attack)
    {
        var report = Grade(attack);
        var exercise = report.Exercises.Single();
        Assert.That(exercise.Score, Is.LessThan(exercise.MaxScore));

        // The attempt shows, made visible, where the learner may see it.
        var visibleText = exercise.Checks.Where(check => check.Visibility == Visibility.Visible)
            .SelectMany(check => new[] { check.Message, check.Output })
            .Append(exercise.Message);
        Assert.That(visibleText, Has.Some.Contains(attack.Shown), string.Join("\n", visibleText));

        AssertNoRawControlText(report);
        AssertHiddenChecksShowNoPayload(report);

        var json = ReportJson.Serialize(report);
        Assert.That(json.Length, Is.LessThan(200_000), "a report stays small, whatever the learner's code throws or prints");
    }

    [Test]
    public void A_forged_total_row_is_never_a_line_of_its_own()
    {
        var report = Grade(Attacks.Single(attack => attack.Name == "forged-total-row"));

        var totals = ReportText.Render(report).Split('\n').Where(line => line.TrimStart().StartsWith("Total:", StringComparison.Ordinal));

        Assert.That(totals, Has.Exactly(1).Items, "only the grader's own total starts a line");
        Assert.That(totals.Single(), Does.StartWith("Total: 0/"));
    }

    [Test]
    public void Hidden_inputs_thrown_out_reach_only_the_teacher()
    {
        var report = Grade(Attacks.Single(attack => attack.Name == "hidden-inputs-in-exception"));
        var hidden = report.Exercises.Single().Checks.Where(check => check.Visibility == Visibility.Hidden).ToList();

        Assert.That(hidden, Is.Not.Empty);
        foreach (var check in hidden)
        {
            Assert.That(check.Status, Is.EqualTo(ResultStatus.Failed));
            Assert.That(check.Message, Does.StartWith("Perceptron.Predict threw InvalidOperationException (01-perceptron/Perceptron.cs line "));
            Assert.That(check.Message, Does.Not.Contain("LEAK"));
        }

        Assert.That(ReportText.Render(HiddenOnly(report)), Does.Not.Contain("LEAK"));
        Assert.That(ReportText.Render(HiddenOnly(report)), Does.Contain("threw InvalidOperationException"));
    }

    [Test]
    public void Printed_output_of_a_hidden_check_reaches_only_the_teacher()
    {
        var report = Grade(Attacks.Single(attack => attack.Name == "hidden-inputs-printed"));
        var hidden = report.Exercises.Single().Checks.Where(check => check.Visibility == Visibility.Hidden).ToList();

        Assert.That(hidden.Select(check => check.Output), Has.All.Empty);
        Assert.That(hidden.Select(check => check.TeacherOutput), Has.All.Contains("LEAK:" + Marker));
        var learnerView = ReportText.Render(HiddenOnly(report));
        var teacherView = ReportText.Render(HiddenOnly(report), teacherView: true);
        Assert.That(learnerView, Does.Not.Contain(Marker));
        Assert.That(teacherView, Does.Contain("your code printed:").And.Contain("LEAK:" + Marker));
    }

    private GradeReport Grade(TerminalAttack attack)
    {
        var submission = PerceptronSource.WriteSubmission(Folder, PerceptronSource.With(attack.Statement, attack.Member));
        if (attack.ExtraFile.Length > 0)
        {
            File.WriteAllText(Path.Combine(submission, "01-perceptron", "\u001b[2J\u202eevil.cs"), attack.ExtraFile);
        }

        return Course.Grader(TestLimits.Generous).Grade(SubmissionReader.Read(submission), ["01-perceptron"]);
    }

    private static void AssertNoRawControlText(GradeReport report)
    {
        var dirty = ReportText.Strings(report)
            .Select(found => (found.Path, Problem: ReportText.FirstDangerous(found.Text)))
            .Where(found => found.Problem is not null)
            .ToList();
        Assert.That(dirty, Is.Empty, "report: " + string.Join("\n", dirty));

        var json = ReportJson.Serialize(report);
        Assert.That(ReportText.FirstDangerous(json.Replace("\r\n", "\n", StringComparison.Ordinal)), Is.Null, "raw JSON text");
        var decoded = ReportText.JsonStrings(json)
            .Select(found => (found.Path, Problem: ReportText.FirstDangerous(found.Text)))
            .Where(found => found.Problem is not null)
            .ToList();
        Assert.That(decoded, Is.Empty, "decoded JSON strings: " + string.Join("\n", decoded));

        foreach (var teacherView in new[] { false, true })
        {
            var plain = ReportText.Render(report, teacherView);
            Assert.That(ReportText.FirstDangerous(plain), Is.Null, $"console without ANSI (teacher view {teacherView})");

            // With ANSI on, the console's own styling uses ESC, but only to set colours (SGR).
            var styled = ReportText.Render(report, teacherView, ansi: true);
            var notStyling = Regex.Matches(styled, @"\x1b(?!\[[0-9;]*m)").Select(match => match.Index).ToList();
            Assert.That(notStyling, Is.Empty, $"an ESC that is not a colour change (teacher view {teacherView})");
            Assert.That(ReportText.FirstDangerous(Regex.Replace(styled, @"\x1b\[[0-9;]*m", "")), Is.Null, "console with ANSI");
        }
    }

    private static void AssertHiddenChecksShowNoPayload(GradeReport report)
    {
        foreach (var check in report.Exercises.SelectMany(exercise => exercise.Checks).Where(check => check.Visibility == Visibility.Hidden))
        {
            Assert.That(new[] { check.Message, check.Output, check.Details, check.Curve?.Label ?? "" }, Has.None.Contains(Marker),
                $"{check.Id} shows the learner's payload");
        }

        Assert.That(ReportText.Render(HiddenOnly(report)), Does.Not.Contain(Marker));
    }

    private static GradeReport HiddenOnly(GradeReport report) => GradeReport.Of([.. report.Exercises.Select(exercise => exercise with
    {
        Checks = [.. exercise.Checks.Where(check => check.Visibility == Visibility.Hidden)],
    })]);
}
