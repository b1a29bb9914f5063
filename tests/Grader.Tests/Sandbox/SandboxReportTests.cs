using Autograder.Grader.Reporting;
using Autograder.Grader.Run.Sandbox;
using Spectre.Console;

namespace Autograder.Grader.Tests.Sandbox;

/// <summary>The report says which sandbox layers learner code ran under, and on this kind of machine they are all there.</summary>
public sealed class SandboxReportTests
{
    [Test]
    public void The_report_names_the_layers_in_force()
    {
        var report = Course.Grader().Grade(SubmissionReader.Read(Course.PathOf("solutions")), ["01-perceptron"]);

        Assert.That(report.Score, Is.EqualTo(report.MaxScore));
        Assert.That(report.Sandbox, Is.Not.Null.And.Not.Empty);
        Assert.That(ReportJson.Serialize(report), Does.Contain("\"sandbox\": "));
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64)
        {
            Assert.That(report.Sandbox, Does.StartWith("no-new-privileges, "));
            Assert.That(report.Sandbox, Does.Contain("seccomp").And.Contain("rlimits").And.Contain("process group"));
            if (Landlock.Abi() > 0)
            {
                Assert.That(report.Sandbox, Does.Contain($"landlock (ABI {Landlock.Abi()})"));
            }
        }
    }

    [Test]
    public void Grading_in_process_says_there_was_no_sandbox()
    {
        var grader = new SubmissionGrader(Course.Catalog, () => new InProcessRunner());
        var report = grader.Grade(SubmissionReader.Read(Course.PathOf("solutions")), ["01-perceptron"]);

        Assert.That(report.Sandbox, Is.EqualTo("none (in-process)"));
    }

    [Test]
    public void The_console_report_has_a_sandbox_line()
    {
        var report = GradeReport.Of([]) with { Sandbox = "no-new-privileges, seccomp" };
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });

        ConsoleReport.Write(console, report);

        Assert.That(writer.ToString(), Does.Contain("sandbox: no-new-privileges, seccomp"));
    }
}
