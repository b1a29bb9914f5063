using Spectre.Console;

namespace Autograder.Grader.Cli;

/// <summary>The console a verb writes its progress and tables to.</summary>
internal static class CommandConsole
{
    public static IAnsiConsole Open()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Logs and files have no terminal width; 80 columns would wrap every message.
            console.Profile.Width = 140;
        }

        return console;
    }
}
