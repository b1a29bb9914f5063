using Autograder.Grader.Cli;

return CommandLine.Parse(args) switch
{
    CommandLine.Grade grade => GradeCommand.Run(grade),
    CommandLine.Help help => CommandLine.PrintHelp(help),
    CommandLine.Invalid invalid => CommandLine.PrintError(invalid),
    _ => throw new InvalidOperationException("unreachable"),
};
