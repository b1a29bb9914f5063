namespace Autograder.Grader.Checks.Scripts;

/// <summary>
/// One teacher's <c>.csx</c> file as the grader carries it: its compiled assembly (the worker
/// loads it and runs it again to get the same checks), or, when it did not compile or run, the
/// problem with its file and line.
/// </summary>
/// <param name="File">The script's path as messages show it.</param>
/// <param name="Image">The compiled script; empty when <paramref name="Problem"/> is set.</param>
/// <param name="Symbols">Its portable PDB, so that a stack trace names the script's lines.</param>
/// <param name="Problem">Why the script gives no check, naming the file and line; null when it works.</param>
public sealed record CheckScript(string File, byte[] Image, byte[] Symbols, string? Problem = null)
{
    /// <summary>
    /// SHA-256 of the script's text (hex): what a batch's grading key holds for its checks, so an
    /// edited script regrades the class. The compiled module's ID cannot stand in: an edited script
    /// kept it (GradingKeyTests), and a stand-in for a broken script has none of its own.
    /// </summary>
    public string TextSha256 { get; init; } = "";
}

/// <summary>Thrown by the stand-in check of a script that does not compile: the grader reports it as an error result.</summary>
public sealed class TeacherScriptException(string message) : Exception(message);
