using System.Text;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// Reads one loose .cs file of the class folder (a Canvas or Moodle export puts them there) with
/// the submission reader's care: a regular file with one name, opened without following links and
/// without blocking, read no further than the size limit.
/// </summary>
internal static class LooseFile
{
    public static SourceFile Read(string path, string display, out string? problem)
    {
        problem = null;
        var bytes = Encoding.UTF8.GetBytes(path);
        if (UnixFiles.Available)
        {
            var status = UnixFiles.LStat(bytes);
            if (status.Kind != UnixFiles.Kind.Regular || status.Links > 1)
            {
                problem = $"{display} is not a plain file (a link, a hard link or a special file); the grader reads files only";
                return new SourceFile(display, "");
            }
        }

        using var handle = UnixFiles.Available ? UnixFiles.OpenRegular(bytes, out _) : File.OpenHandle(path);
        if (handle is null)
        {
            problem = $"{display} changed or vanished while it was read";
            return new SourceFile(display, "");
        }

        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 1);
        var buffer = new byte[SubmissionReader.MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > SubmissionReader.MaxFileBytes)
        {
            problem = $"{display} is larger than 1 MiB; an exercise file is a few hundred lines";
            return new SourceFile(display, "");
        }

        var text = SubmissionReader.DecodeSource(buffer[..length], display, out problem);
        return new SourceFile(display, text ?? "");
    }
}
