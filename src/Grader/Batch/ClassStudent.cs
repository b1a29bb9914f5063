namespace Autograder.Grader.Batch;

/// <summary>How a student's work arrived in the class folder.</summary>
public enum SubmissionForm { Folder, Archive, LooseFiles }

/// <summary>
/// One student found in the class folder: the ID and the entries that hold the work (one folder or
/// archive, or the student's loose files).
/// </summary>
public sealed record ClassStudent(string Id, SubmissionForm Form, IReadOnlyList<string> Paths)
{
    /// <summary>The entries' names in the class folder, for messages.</summary>
    public string Entries => string.Join(", ", Paths.Select(Path.GetFileName));
}
