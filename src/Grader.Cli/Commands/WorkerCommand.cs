using System.CommandLine;
using Autograder.Grader.Run.Worker;

namespace Autograder.Grader.Cli.Commands;

/// <summary>`grader worker`: the process that runs learner code for a grader; started by the grader, not by people.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "the sandboxed process that runs learner code (started by the grader)") { Hidden = true };
        command.SetAction(_ => WorkerHost.Run());
        return command;
    }
}
