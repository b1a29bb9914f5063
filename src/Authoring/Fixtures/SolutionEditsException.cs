namespace Autograder.Authoring.Fixtures;

/// <summary>
/// A stored submission (<c>mistake.txt</c>) that no longer fits the solution it edits, or is not
/// written in the format. The message names the edits file, the line of the edit, the solution
/// file and the text that was sought, so that the author can mend the edit or the scenario.
/// </summary>
public sealed class SolutionEditsException(string message) : Exception(message);
