using System.Security.Cryptography;
using System.Text;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// SHA-256 (lowercase hex) over what is graded: each exercise's ID, its files' display paths and
/// text (or the reason it cannot be read), and the intake's notes. Where the class folder lives,
/// file times and files the grader ignores do not count, so only a real change regrades.
/// </summary>
public static class SubmissionHash
{
    public static string Of(Submission submission, IReadOnlyList<string> notes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (exercise, files) in submission.Exercises.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Append(hash, "exercise", exercise);
            if (files is UnreadableExercise unreadable)
            {
                Append(hash, "unreadable", unreadable.Reason);
                continue;
            }

            foreach (var file in files.OrderBy(file => file.DisplayPath, StringComparer.Ordinal))
            {
                Append(hash, "file", file.DisplayPath);
                Append(hash, "text", file.Text);
            }
        }

        foreach (var note in notes)
        {
            Append(hash, "note", note);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A refused submission: the reason and, for an archive, its bytes, so a new archive is looked at again.</summary>
    public static string OfRefused(string problem, string? archive)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "refused", problem);
        if (archive is not null)
        {
            try
            {
                // Never through a link or a FIFO, and not past what any archive may hold.
                using var stream = ArchiveReader.OpenRegular(archive);
                Append(hash, "length", stream.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var buffer = new byte[1 << 16];
                long left = ArchiveLimits.Default.MaxArchiveBytes + 1;
                int read;
                while (left > 0 && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    left -= read;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IntakeException)
            {
                Append(hash, "unreadable", e.Message);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Each part is tagged and length-prefixed, so no two different submissions hash the same bytes.
    private static void Append(IncrementalHash hash, string tag, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.ASCII.GetBytes($"{tag}:{bytes.Length}:"));
        hash.AppendData(bytes);
    }
}
