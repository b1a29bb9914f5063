using System.Text;

namespace Autograder.Grader.Results;

/// <summary>
/// Replaces a file whole or not at all: the bytes go to a temporary file in the same folder (so
/// the rename stays on one file system), are flushed to the disk, then renamed over the old file.
/// A reader, or a run killed at any moment (SIGKILL included), sees the old file or the new one,
/// never half of one. Every result, report and gradebook the grader writes goes through here.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string path, string text) => Write(path, Utf8.GetBytes(text));

    public static void Write(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // A name of its own per write: two threads (a lane and the report renderer) may write at once.
        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
