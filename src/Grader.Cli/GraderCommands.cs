using System.CommandLine;
using Autograder.Grader.Cli.Commands;

namespace Autograder.Grader.Cli;

/// <summary>
/// The `grader` command tree. Each verb lives in Commands/ and builds its own
/// System.CommandLine command; adding a verb is one file there and one line here.
/// </summary>
internal static class GraderCommands
{
    /// <summary>Exit code for a wrong command line or path: the job did not run.</summary>
    public const int Usage = 2;

    public static RootCommand Build() =>
    [
        GradeCommand.Create(),
        WatchCommand.Create(),
        SandboxCommand.Create(),
        CompileBenchmark.Create(),
        WorkerCommand.Create(),
#if COURSE_AUTHORING
        // The teacher's verbs: only in the teacher's copy (see the csproj).
        BatchCommand.Create(),
        MergeCommand.Create(),
        SimilarityCommand.Create(),
        GradescopeCommand.Create(),
        ReleaseCommand.Create(),
        ValidateCommand.Create(),
#endif
    ];

    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(args);

    /// <summary>
    /// Runs the command line. Parse errors print System.CommandLine's precise message, then how
    /// to get the verb's help, and exit with <see cref="Usage"/>; `grader` alone prints the help.
    /// </summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var root = Build();
        root.Description = "grader: grade deep-learning exercises. Exit code: 0 when the job ran, whatever the score; 2 for a wrong command line or path.";
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        if (args.Length == 0)
        {
            root.Parse(["--help"]).Invoke(configuration);
            return Usage;
        }

        if (parse.Errors.Count == 0)
        {
            return parse.Invoke(configuration);
        }

        var atRoot = parse.CommandResult.Command is RootCommand;
        // An unknown verb also reports "Required command was not provided"; the first says more.
        var problems = parse.Errors.Select(problem => problem.Message).ToList();
        if (atRoot && problems.Count > 1)
        {
            problems.RemoveAll(message => message.StartsWith("Required command", StringComparison.Ordinal));
        }

        foreach (var message in problems)
        {
            error.WriteLine($"grader: {message}{(atRoot ? Suggestion(root, message, args[0]) : "")}");
        }

        var verb = atRoot ? "" : parse.CommandResult.Command.Name + " ";
        error.WriteLine($"Run `grader {verb}--help` for the usage.");
        return Usage;
    }

    /// <summary>A nearby verb name when the first word is a typo of one.</summary>
    private static string Suggestion(RootCommand root, string message, string first)
    {
        if (!message.EndsWith($"'{first}'.", StringComparison.Ordinal))
        {
            return "";
        }

        var near = root.Subcommands.Where(command => !command.Hidden)
            .Select(command => command.Name)
            .FirstOrDefault(name => EditDistance(name, first) <= 2);
        return near is null ? "" : $" Did you mean `grader {near}`?";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
