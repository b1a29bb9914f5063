#if COURSE_AUTHORING
using System.CommandLine;
using System.Globalization;
using Autograder.Grader.Similarity;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader similarity`: which submissions of a class share code beyond the starter stubs.</summary>
internal static class SimilarityCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("class-or-out-dir")
        {
            Description = "the class dir, read as `grader batch` reads it (one folder or .zip per student, or loose .cs files; export names give the IDs), or a batch out-dir whose class.json names it",
        };
        var output = new Option<string?>("--out")
        {
            Description = "where similarity.html, .csv and .json go (default: the out-dir given, else ./similarity)",
            HelpName = "DIR",
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = $"report pairs sharing at least this fraction of the smaller submission's fingerprints (default {SimilarityOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})",
            HelpName = "F",
            DefaultValueFactory = _ => SimilarityOptions.DefaultThreshold,
        };
        threshold.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is < 0 or > 1)
            {
                result.AddError("--threshold is a fraction between 0 and 1, e.g. --threshold 0.5.");
            }
        });
        var starter = new Option<string?>("--starter")
        {
            Description = "the starter code to subtract, a folder like exercises/ (default: the course's exercises/)",
            HelpName = "DIR",
        };
        var command = new Command("similarity", "find submissions that share code beyond the starter stubs (similarity.html)")
        {
            input, output, threshold, starter,
        };
        command.SetAction(parse => SimilarityRunner.Run(
            new SimilarityOptions
            {
                Input = parse.GetRequiredValue(input),
                OutDir = parse.GetValue(output),
                Threshold = parse.GetValue(threshold),
                StarterDir = parse.GetValue(starter),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
#endif
