using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Autograder.Grader.Checks;
using Autograder.Grader.Run;

namespace Autograder.Grader.Cli.Commands;

/// <summary>
/// Options that several verbs share, made once here so that `--exercise` or `--time-limit` mean
/// the same thing, validate the same way and complete the same way wherever they appear.
/// Each call returns a new option: a System.CommandLine symbol belongs to one command.
/// </summary>
internal static class CommonOptions
{
    public static Option<string[]> Exercises() => new("--exercise", "-e")
    {
        Description = "grade only this exercise (repeatable), e.g. --exercise 01-perceptron",
        HelpName = "ID",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result => [.. result.Tokens.Select(token => token.Value.TrimEnd('/'))],
        CompletionSources = { _ => KnownExerciseIds() },
    };

    public static Option<double?> TimeLimit() => new("--time-limit")
    {
        Description = "wall-clock seconds per exercise (default: twice the exercise's budget)",
        HelpName = "S",
        CustomParser = result => ParsePositive(result, "--time-limit needs a number of seconds above 0, e.g. --time-limit 60."),
    };

    public static Option<long?> MemoryLimit() => new("--memory-limit")
    {
        Description = "MiB of memory for the worker process (default: 2048, at least 256)",
        HelpName = "MiB",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mebibytes) && mebibytes >= 256)
            {
                return mebibytes;
            }

            result.AddError("--memory-limit needs a whole number of MiB, at least 256, e.g. --memory-limit 4096.");
            return null;
        },
    };

    public static Option<string?> CourseSecret() => new("--course-secret")
    {
        Description = $"the course secret hidden checks draw their seeds from (default: the environment variable {Checks.CourseSecret.EnvironmentVariable}, else .autograder/course-secret in the course, made on first use)",
        HelpName = "FILE",
    };

    /// <summary>The run limits a command line asks for, on top of the defaults.</summary>
    public static RunLimits Limits(ParseResult parse, Option<double?> time, Option<long?> memory)
    {
        var limits = RunLimits.Default;
        if (parse.GetValue(time) is { } seconds)
        {
            limits = limits with { TimeLimit = TimeSpan.FromSeconds(seconds) };
        }

        if (parse.GetValue(memory) is { } mebibytes)
        {
            limits = limits with { MemoryBytes = mebibytes << 20 };
        }

        return limits;
    }

    private static double? ParsePositive(ArgumentResult result, string message)
    {
        var text = result.Tokens.Single().Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value))
        {
            return value;
        }

        result.AddError(message);
        return null;
    }

    private static IEnumerable<string> KnownExerciseIds()
    {
        try
        {
            return [.. CheckCatalog.FromBaseDirectory().Exercises.Select(exercise => exercise.Id)];
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            return [];
        }
    }
}
