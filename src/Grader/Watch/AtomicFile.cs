namespace Autograder.Grader.Watch;

/// <summary>Replaces a file in one step, so that a reader never sees half of it.</summary>
internal static class AtomicFile
{
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Same folder, so the rename stays on one file system and is atomic.
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }
}
