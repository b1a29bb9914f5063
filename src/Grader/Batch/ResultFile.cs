using System.Text;
using System.Text.Json;

namespace Autograder.Grader.Batch;

/// <summary>
/// Writes and reads the files of a batch's output folder. A write goes to a temporary file in the
/// same folder, is flushed to the disk, then renamed over the old one: a reader (or a run killed
/// at any moment, SIGKILL included) sees the old file or the new one, never half of one.
/// </summary>
public static class ResultFile
{
    public static string PathOf(string outDir, string studentId) => Path.Combine(outDir, "students", studentId, "result.json");

    public static void WriteAtomically(string path, string text)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp");
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(string outDir, StudentResult result) =>
        WriteAtomically(PathOf(outDir, result.Student), StudentResult.Serialize(result) + "\n");

    /// <summary>The result a run wrote before, or null when there is none or it cannot be read (it is then graded again).</summary>
    public static StudentResult? TryRead(string outDir, string studentId)
    {
        var path = PathOf(outDir, studentId);
        try
        {
            return File.Exists(path) ? StudentResult.Deserialize(File.ReadAllText(path)) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }
}
