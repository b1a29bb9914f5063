using Autograder.Grader.Cli;
using Autograder.Grader.Run.Worker;

// A worker starts twice per exercise (it re-executes itself to confine every thread), and building
// the command tree costs more than the rest of its start-up: the worker verb skips the parser.
return args is [WorkerHost.Verb] ? WorkerHost.Run() : GraderCommands.Run(args);
