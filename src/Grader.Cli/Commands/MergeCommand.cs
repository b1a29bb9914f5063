#if COURSE_AUTHORING
using System.CommandLine;
using Autograder.Grader.Publish;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader merge`: join shards' output folders into one and publish it (src/Grader.Publish/MergeRunner).</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var shards = new Argument<string[]>("out-dir")
        {
            Description = "the --out folder of each `grader batch --shard i/n` run",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out")
        {
            Description = "the folder to merge into: gets every student's result, grades.csv, the reports and summary.html",
            HelpName = "DIR",
            Required = true,
        };
        var command = new Command("merge", "join the output folders of sharded batch runs into one gradebook, set of reports and summary; a student graded by two shards or by none is an error that names them")
        {
            shards, output,
        };
        command.SetAction(parse => MergeRunner.Run(
            new MergeOptions(parse.GetRequiredValue(shards), parse.GetRequiredValue(output)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
#endif
