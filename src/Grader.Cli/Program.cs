using Autograder.Grader.Cli;
using Autograder.Grader.Run.Worker;

return CommandLine.Parse(args) switch
{
    CommandLine.Grade grade => GradeCommand.Run(grade),
    CommandLine.Worker => WorkerHost.Run(),
    CommandLine.Sandbox => SandboxCommand.Run(),
    CommandLine.BenchCompile bench => CompileBenchmark.Run(bench),
    CommandLine.Help help => CommandLine.PrintHelp(help),
    CommandLine.Invalid invalid => CommandLine.PrintError(invalid),
    _ => throw new InvalidOperationException("unreachable"),
};
