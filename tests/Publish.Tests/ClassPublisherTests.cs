using System.Text;
using System.Text.Json;
using Autograder.Grader.Publish;
using NUnit.Framework;

namespace Autograder.Publish.Tests;

public sealed class ClassPublisherTests
{
    [Test]
    public void Publishing_twice_and_elsewhere_gives_the_same_bytes()
    {
        using var temp = new TempFolder();
        var (first, second) = (temp.Sub("first"), temp.Sub("second"));
        ClassFixture.Write(first, ClassFixture.Students);
        ClassFixture.Write(second, ClassFixture.Students);

        ClassPublisher.Publish(first);
        var once = TempFolder.Snapshot(first);
        ClassPublisher.Publish(first);
        ClassPublisher.Publish(second);

        Assert.That(once.Keys, Is.SupersetOf(new[] { "grades.csv", "summary.html", "students/ada/report.html", "students/ada/results.json" }));
        Assert.That(TempFolder.Snapshot(first), Is.EqualTo(once), "a second publish of the same folder changed a file");
        Assert.That(TempFolder.Snapshot(second), Is.EqualTo(once), "the same results published in another folder gave other bytes");
    }

    [Test]
    public void The_gradebook_has_one_row_per_graded_student_with_every_exercise_and_the_total()
    {
        using var temp = new TempFolder();
        ClassFixture.WriteAndPublish(temp.Path);

        var expected =
            "ID,SIS Login ID,Section,01-perceptron,04-torchsharp,Total\r\n" +
            "ada,,,5,5,10\r\n" +
            "bob,,,0,0,0\r\n" +
            "cy,,,2,5,7\r\n" +
            "dee,,,0,0,0\r\n" +
            "eve,,,0,5,5\r\n";
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "grades.csv")), Is.EqualTo(expected));
    }

    [Test]
    public void Gradescope_results_carry_every_check_with_hidden_ones_after_published()
    {
        using var temp = new TempFolder();
        ClassFixture.WriteAndPublish(temp.Path);

        using var cy = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "students", "cy", "results.json")));
        var root = cy.RootElement;
        Assert.That(root.GetProperty("score").GetDouble(), Is.EqualTo(7));
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.That(tests.Select(test => test.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "01-perceptron: learns AND", "01-perceptron: separates unseen points", "04-torchsharp: the loss falls" }));
        var hidden = tests[1];
        Assert.Multiple(() =>
        {
            Assert.That(hidden.GetProperty("visibility").GetString(), Is.EqualTo("after_published"));
            Assert.That(hidden.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(hidden.GetProperty("score").GetDouble(), Is.EqualTo(0));
            Assert.That(hidden.GetProperty("max_score").GetDouble(), Is.EqualTo(3));
            Assert.That(hidden.GetProperty("output").GetString(), Does.StartWith("Your perceptron misclassifies"));
            Assert.That(tests[0].GetProperty("visibility").GetString(), Is.EqualTo("visible"));
            Assert.That(tests.Sum(test => test.GetProperty("score").GetDouble()), Is.EqualTo(7));
        });

        using var bob = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "students", "bob", "results.json")));
        var stopped = bob.RootElement.GetProperty("tests")[0];
        Assert.That(stopped.GetProperty("name").GetString(), Is.EqualTo("01-perceptron: could not run"));
        Assert.That(stopped.GetProperty("output").GetString(), Does.Contain("> ").And.Contain("  21 |         var sum = Dot(weights, x) + bias"));

        using var dee = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "students", "dee", "results.json")));
        Assert.That(dee.RootElement.GetProperty("output").GetString(), Does.Contain("was refused"));
    }

    [Test]
    public void Teacher_only_text_of_hidden_checks_never_reaches_the_learners_files()
    {
        using var temp = new TempFolder();
        ClassFixture.WriteAndPublish(temp.Path);

        var teacherCopy = File.ReadAllText(Path.Combine(temp.Path, "students", "cy", "result.json"));
        Assert.That(teacherCopy, Does.Contain(ClassFixture.HiddenSecret), "the fixture must carry the secret for this test to mean anything");
        foreach (var file in new[] { "results.json", "report.html" })
        {
            Assert.That(File.ReadAllText(Path.Combine(temp.Path, "students", "cy", file)), Does.Not.Contain(ClassFixture.HiddenSecret), file);
        }

        var report = File.ReadAllText(Path.Combine(temp.Path, "students", "cy", "report.html"));
        Assert.That(report, Does.Contain("Your perceptron misclassifies points it has not seen"));
        Assert.That(report, Does.Not.Contain("data:image/png"), "a hidden check's curve is the learner's values on hidden data");
    }

    [Test]
    public void A_student_report_shows_curves_excerpts_and_intake_problems()
    {
        using var temp = new TempFolder();
        ClassFixture.WriteAndPublish(temp.Path);

        var ada = File.ReadAllText(Path.Combine(temp.Path, "students", "ada", "report.html"));
        var images = Images(ada);
        Assert.That(images, Has.Count.EqualTo(2), "one picture per visible curve");
        foreach (var png in images)
        {
            Assert.That(png.AsSpan(0, 8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
            Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), Is.EqualTo(720), "width from the IHDR chunk");
        }

        var bob = File.ReadAllText(Path.Combine(temp.Path, "students", "bob", "report.html"));
        Assert.That(bob, Does.Contain("<tr class=\"here\"><td class=\"n\">21</td><td><pre>        var sum = Dot(weights, x) + bias</pre>"));
        Assert.That(bob, Does.Contain("2 of them were not numbers (NaN or infinity)"));
        Assert.That(Images(bob), Has.Count.EqualTo(1), "the diverged curve is drawn from its finite values");

        var dee = File.ReadAllText(Path.Combine(temp.Path, "students", "dee", "report.html"));
        Assert.That(dee, Does.Contain("We could not grade your submission.").And.Contain("holds a link"));
    }

    [Test]
    public void Hostile_learner_text_is_escaped_everywhere()
    {
        using var temp = new TempFolder();
        ClassFixture.WriteAndPublish(temp.Path);

        foreach (var file in new[] { "summary.html", "students/eve/report.html" })
        {
            var html = File.ReadAllText(Path.Combine(temp.Path, file));
            Assert.Multiple(() =>
            {
                Assert.That(html, Does.Not.Contain("<script").IgnoreCase, file);
                Assert.That(html, Does.Not.Contain("</textarea").IgnoreCase, file);
                Assert.That(html, Does.Not.Contain("<img src=x").IgnoreCase, file);
                Assert.That(html, Does.Not.Contain("<b>mallory").IgnoreCase, file);
                // Ordinal: a culture-aware search finds an ignorable character everywhere.
                Assert.That(html.IndexOfAny(['\u202E', '\u200F']), Is.EqualTo(-1), "bidirectional marks are shown as escapes, never applied");
                Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;"), file);
                Assert.That(html, Does.Contain("\\u202eevil\\u200f"), "the reordering marks are visible as escapes");
                Assert.That(html, Does.Contain(new string('W', 5000)), "a very long line is kept whole, wrapped by the style sheet");
                Assert.That(html, Does.Contain("content=\"default-src 'none'; img-src data:"), "no script may run even if escaping failed");
            });
        }

        var report = File.ReadAllText(Path.Combine(temp.Path, "students", "eve", "report.html"));
        Assert.That(report, Does.Contain("&lt;/textarea&gt;&lt;script&gt;.cs"), "a hostile file name is escaped too");
        Assert.That(File.ReadAllText(Path.Combine(temp.Path, "summary.html")), Does.Contain("&lt;b&gt;mallory&lt;/b&gt;.zip"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "students", "eve", "results.json")));
        Assert.That(json.RootElement.GetProperty("tests")[1].GetProperty("output").GetString(), Does.StartWith("<script>alert('x')</script>"),
            "JSON keeps the text as it is and says output_format text, so Gradescope shows it as text");
        Assert.That(json.RootElement.GetProperty("tests")[1].GetProperty("output_format").GetString(), Is.EqualTo("text"));
    }

    [Test]
    public void The_summary_ranks_checks_worst_first_and_lists_what_needs_a_look()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Path, ClassFixture.Students);
        File.Delete(Path.Combine(temp.Path, "students", "cy", "result.json"));
        ClassPublisher.Publish(temp.Path);
        var summary = File.ReadAllText(Path.Combine(temp.Path, "summary.html"));

        var worst = summary.IndexOf("<code>01-perceptron/learns-and</code>", StringComparison.Ordinal);
        var best = summary.IndexOf("<code>04-torchsharp/loss-falls</code>", StringComparison.Ordinal);
        Assert.That(worst, Is.GreaterThan(0).And.LessThan(best), "learns-and passes 1 of 3, loss-falls 2 of 3");
        Assert.That(summary, Does.Contain("33% (1/3)"));
        Assert.That(summary, Does.Contain("No result yet</strong> for 1 student").And.Contain(": cy."));
        Assert.That(summary, Does.Contain("<a href=\"students/bob/report.html\">bob</a>"));
        Assert.That(summary, Does.Contain("notes.txt").And.Contain("not a folder or a .zip archive"));
        Assert.That(summary, Does.Contain("Time per exercise"));
        Assert.That(Images(summary), Has.Count.EqualTo(1), "the score histogram");
    }

    [Test]
    public void A_result_in_the_wrong_folder_is_refused_by_name()
    {
        using var temp = new TempFolder();
        ClassFixture.Write(temp.Path, ["ada"]);
        Directory.Move(Path.Combine(temp.Path, "students", "ada"), Path.Combine(temp.Path, "students", "bob"));

        var error = Assert.Throws<PublishException>(() => ClassPublisher.Publish(temp.Path))!;
        Assert.That(error.Message, Does.Contain("'ada'").And.Contain("'bob'"));
    }

    internal static List<byte[]> Images(string html)
    {
        const string Prefix = "src=\"data:image/png;base64,";
        var images = new List<byte[]>();
        for (var at = html.IndexOf(Prefix, StringComparison.Ordinal); at >= 0; at = html.IndexOf(Prefix, at + 1, StringComparison.Ordinal))
        {
            var start = at + Prefix.Length;
            images.Add(Convert.FromBase64String(html[start..html.IndexOf('"', start)]));
        }

        return images;
    }
}
