using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// One part of a class, <c>i/n</c> with <c>i</c> from 0 to n-1 (a Kubernetes indexed Job's
/// JOB_COMPLETION_INDEX, a Slurm array index from 0). A student belongs to the shard that the
/// SHA-256 of the ID picks, so a student stays in the same shard however the class grows, and
/// every machine and .NET version agrees (string.GetHashCode differs from process to process).
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public bool Contains(string studentId) => Of(studentId, Count) == Index;

    public static int Of(string studentId, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(studentId));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Reads "i/n"; null and the message when it is not a shard.</summary>
    public static Shard? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= 10_000 && index < count)
        {
            return new Shard(index, count);
        }

        error = $"--shard takes i/n with i from 0 to n-1, e.g. --shard 0/4 ... --shard 3/4 (the index of a Kubernetes indexed Job); '{text}' is not one.";
        return null;
    }
}
