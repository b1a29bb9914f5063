using System.Diagnostics;
using System.Text;
using System.Xml.Linq;

namespace Autograder.Grader.Tests.Release;

/// <summary>
/// The student copy as a learner gets it: it builds on its own, its `dotnet test` fails every
/// public check with "not implemented yet", and nothing it compiles holds a hidden check or a
/// solution. Slow (a full restore and build of the copy, a few minutes); it runs in CI with the
/// rest (`dotnet test`), and alone with `--filter TestCategory=Release`.
/// </summary>
[Category("Release")]
public sealed class StudentCopyBuildTests
{
    [Test]
    public void Copy_builds_and_its_dotnet_test_fails_every_public_check_as_not_implemented()
    {
        using var release = ReleaseFixture.Of(Course.Root);
        Assert.That(release.ExitCode, Is.Zero, release.Error);

        var (exitCode, log) = DotnetTest(release.OutDir);
        var resultsFolder = Path.Combine(release.OutDir, "TestResults");
        var trx = Directory.Exists(resultsFolder)
            ? Directory.EnumerateFiles(resultsFolder, "*.trx", SearchOption.AllDirectories).SingleOrDefault()
            : null;
        Assert.That(trx, Is.Not.Null, $"dotnet test wrote no results (exit {exitCode}); it said:\n{Tail(log)}");
        Assert.That(exitCode, Is.EqualTo(1), "failed tests, not a failed build");

        var results = Results(trx!);
        var publicChecks = Course.Catalog.AllChecks.Where(check => check.Visibility == Visibility.Visible).Select(check => check.Id).ToList();
        Assert.That(results.Keys, Is.EquivalentTo(publicChecks), "one test per public check, and no other");
        Assert.Multiple(() =>
        {
            foreach (var (id, (outcome, message)) in results)
            {
                Assert.That(outcome, Is.EqualTo("Failed"), id);
                Assert.That(message, Does.Contain("not implemented yet"), id);
            }
        });

        // Compiled too: no assembly, no build file of the copy names the hidden checks or the solutions.
        var named = Directory.EnumerateFiles(release.OutDir, "*", SearchOption.AllDirectories)
            .Where(file => Holds(file, "Checks.Hidden") || Holds(file, "Autograder.Solutions") || Holds(file, "HiddenChecks"))
            .Select(file => Path.GetRelativePath(release.OutDir, file))
            .ToList();
        Assert.That(named, Is.Empty);
    }

    private static (int ExitCode, string Log) DotnetTest(string folder)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "test", "--disable-build-servers", "--logger", "trx", "--results-directory", Path.Combine(folder, "TestResults") })
        {
            start.ArgumentList.Add(argument);
        }

        // The copy is graded as a learner runs it: no variables of this test run leak into it.
        foreach (var name in start.Environment.Keys.Where(name =>
            name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("AUTOGRADER", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (log) { log.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(45)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet test in the copy took over 45 minutes (a hang, or a machine far too busy):\n{Tail(log.ToString())}");
        }

        process.WaitForExit();
        return (process.ExitCode, log.ToString());
    }

    /// <summary>Test name to outcome and message, from a VSTest results file.</summary>
    private static Dictionary<string, (string Outcome, string Message)> Results(string trx)
    {
        var document = XDocument.Load(trx);
        XNamespace ns = document.Root!.Name.Namespace;
        return document.Descendants(ns + "UnitTestResult").ToDictionary(
            result => (string)result.Attribute("testName")!,
            result => ((string)result.Attribute("outcome")!, (string?)result.Descendants(ns + "Message").FirstOrDefault() ?? ""));
    }

    private static bool Holds(string file, string text) =>
        File.ReadAllBytes(file).AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static string Tail(string log) => log.Length <= 4000 ? log : log[^4000..];
}
