using System.Text.Json;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// Writes and reads students' result files in a batch's output folder, each written whole or not at
/// all (<see cref="AtomicFile"/>): a run killed at any moment loses nothing it wrote.
/// </summary>
public static class ResultFile
{
    public static string PathOf(string outDir, string studentId) => Path.Combine(outDir, "students", studentId, "result.json");

    public static void Write(string outDir, StudentResult result) =>
        AtomicFile.Write(PathOf(outDir, result.Student), StudentResult.Serialize(result) + "\n");

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
