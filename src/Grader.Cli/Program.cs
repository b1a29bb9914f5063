using Autograder.Grader.Cli;

return GraderCommands.Run(args);
