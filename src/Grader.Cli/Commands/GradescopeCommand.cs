#if COURSE_AUTHORING
using System.CommandLine;
using Autograder.Grader.Checks;
using Autograder.Grader.Cli.Gradescope;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader gradescope`: the autograder zip to upload to a Gradescope programming assignment.</summary>
internal static class GradescopeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "the zip to write, e.g. autograder.zip",
            HelpName = "FILE",
            Required = true,
        };
        var grader = new Option<string?>("--grader")
        {
            Description = "a published grader to bundle (dotnet publish src/Grader.Cli -c Release -o DIR; default: this grader)",
            HelpName = "DIR",
        };
        var secret = CommonOptions.CourseSecret();
        var command = new Command("gradescope", "write the Gradescope autograder bundle (setup.sh, run_autograder and the grader)")
        {
            output, grader, secret,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(output), parse.GetValue(grader), parse.GetValue(secret),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string zipPath, string? graderDir, string? secretFile, TextWriter output, TextWriter error)
    {
        try
        {
            var full = Path.GetFullPath(zipPath);
            if (Directory.Exists(full))
            {
                throw new IOException($"--out {zipPath} is a folder; give a file name, e.g. {Path.Combine(zipPath, "autograder.zip")}.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var dir = graderDir ?? AppContext.BaseDirectory;
            GradescopeBundle.Write(full, dir, SecretText(dir, secretFile));
            output.WriteLine($"Written: {full}. Upload it as the autograder of a Gradescope programming assignment (Ubuntu base image).");
            return 0;
        }
        catch (Exception e) when (UsageError.Explains(e))
        {
            return UsageError.Report(error, e);
        }
    }

    /// <summary>
    /// The course secret to bundle: hidden checks draw their seeds from it, and Gradescope must
    /// grade with the same seeds as the teacher's own runs. Null when the bundled grader has no
    /// hidden checks (the student copy).
    /// </summary>
    private static string? SecretText(string graderDir, string? secretFile)
    {
        if (secretFile is not null)
        {
            CourseSecret.ReadFile(secretFile);
            return File.ReadAllText(secretFile);
        }

        // A secret is needed exactly when the bundled grader holds hidden checks: the assemblies this
        // grader's hidden checks come from, looked for in the bundled folder (a student copy's grader has none).
        var hiddenAssemblies = CheckCatalog.FromBaseDirectory().AllChecks
            .Where(check => check.Visibility == Visibility.Hidden)
            .Select(check => Path.GetFileName(check.Run.Method.Module.Assembly.Location))
            .Where(file => file.Length > 0)
            .Distinct(StringComparer.Ordinal);
        if (!hiddenAssemblies.Any(file => File.Exists(Path.Combine(graderDir, file))))
        {
            return null;
        }

        if (Environment.GetEnvironmentVariable(CourseSecret.EnvironmentVariable) is { Length: > 0 } text)
        {
            CourseSecret.Parse(text, $"the environment variable {CourseSecret.EnvironmentVariable}");
            return text;
        }

        // Made on first use, like `grader grade` does, so the bundle and the teacher's runs agree.
        CourseSecret.ForThisCourse(null);
        return File.ReadAllText(Path.Combine(CourseSecret.FindCourseRoot()!, CourseSecret.DefaultRelativePath));
    }
}
#endif
