using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

namespace Autograder.Grader.Batch;

/// <summary>A .cs file read from an archive: its path inside the archive (segments) and its bytes.</summary>
public sealed record ArchiveFile(IReadOnlyList<string> Segments, byte[] Bytes)
{
    public string Path => string.Join('/', Segments);
}

/// <summary>
/// Reads a student's .zip into memory, never onto the disk: nothing in it can land outside its
/// folder, follow a link or fill the disk, because there is no folder and no link. Every entry is
/// judged before anything is decompressed, and the whole archive is refused (for that student
/// alone) when one entry is hostile: a link or device, an absolute path, a '..' step, an odd or
/// very long name, a duplicate, encryption, or sizes past <see cref="ArchiveLimits"/>. Only .cs
/// files are decompressed, each through a bounded read, so a size the archive lies about cannot
/// make the grader read more than the limit. Finder's <c>__MACOSX/</c> and <c>._*</c> copies and
/// build output (<c>bin/</c>, <c>obj/</c>) are passed over.
/// </summary>
public static class ArchiveReader
{
    private const string Remake = "Make the archive again from your exercises folder (for example `zip -r submission.zip exercises`) and hand it in again.";

    public static IReadOnlyList<ArchiveFile> Read(string path, ArchiveLimits? limits = null)
    {
        limits ??= ArchiveLimits.Default;
        try
        {
            return ReadChecked(path, limits);
        }
        catch (IntakeException e)
        {
            throw new IntakeException($"The archive {System.IO.Path.GetFileName(path)} was refused: {e.Message}. {Remake}");
        }
        catch (InvalidDataException e)
        {
            throw new IntakeException($"The archive {System.IO.Path.GetFileName(path)} is not a valid zip file ({e.Message}). {Remake}");
        }
        catch (NotSupportedException e)
        {
            throw new IntakeException($"The archive {System.IO.Path.GetFileName(path)} uses a zip feature the grader does not read ({e.Message}). {Remake}");
        }
    }

    private static List<ArchiveFile> ReadChecked(string path, ArchiveLimits limits)
    {
        // The caller has checked (lstat) that the entry is a regular file; opening without
        // following links keeps a swapped-in link out.
        using var stream = OpenRegular(path);
        if (stream.Length > limits.MaxArchiveBytes)
        {
            throw new IntakeException($"it is {Mib(stream.Length)}; the limit is {Mib(limits.MaxArchiveBytes)}");
        }

        // The central directory is read whole when the archive opens, so its declared size is
        // checked first, from the end record.
        if (DeclaredEntries(stream) is var declared && declared > limits.MaxEntries)
        {
            throw new IntakeException($"it holds {declared} entries; the limit is {limits.MaxEntries}");
        }

        stream.Position = 0;
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (archive.Entries.Count > limits.MaxEntries)
        {
            throw new IntakeException($"it holds {archive.Entries.Count} entries; the limit is {limits.MaxEntries}");
        }

        var wanted = new List<(ZipArchiveEntry Entry, string[] Segments)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            var segments = ArchiveEntryName.Segments(entry.FullName, limits.MaxNameLength);
            var shown = ArchiveEntryName.Show(entry.FullName);
            var isFolder = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\');
            if (!seen.Add(string.Join('/', segments) + (isFolder ? "/" : "")))
            {
                throw new IntakeException($"the entry {shown} appears twice");
            }

            CheckKind(entry, shown, isFolder);
            if (entry.IsEncrypted)
            {
                throw new IntakeException($"the entry {shown} is encrypted; hand in an archive without a password");
            }

            total += entry.Length;
            if (entry.Length > limits.MaxEntryBytes)
            {
                throw new IntakeException($"the entry {shown} unpacks to {Mib(entry.Length)}; the limit is {Mib(limits.MaxEntryBytes)} a file");
            }

            if (total > limits.MaxTotalBytes)
            {
                throw new IntakeException($"its entries unpack to more than {Mib(limits.MaxTotalBytes)} together");
            }

            if (entry.Length >= limits.RatioFloorBytes && entry.Length > entry.CompressedLength * limits.MaxRatio)
            {
                throw new IntakeException(string.Create(CultureInfo.InvariantCulture,
                    $"the entry {shown} is compressed {entry.Length / (double)Math.Max(1, entry.CompressedLength):0} to 1 ({Mib(entry.Length)} from {Mib(entry.CompressedLength)}); the limit is {limits.MaxRatio:0} to 1, source files never come near it"));
            }

            if (!isFolder && IsSource(segments))
            {
                wanted.Add((entry, segments));
            }
        }

        return [.. wanted.Select(item => new ArchiveFile(item.Segments, ReadBounded(item.Entry, limits)))];
    }

    /// <summary>Unix archivers keep the file's type in the upper half of the external attributes: only files and folders are accepted.</summary>
    private static void CheckKind(ZipArchiveEntry entry, string shown, bool isFolder)
    {
        var type = (entry.ExternalAttributes >> 16) & 0xF000;
        switch (type)
        {
            case 0 or 0x8000:
                return;
            case 0x4000 when isFolder:
                return;
            case 0xA000:
                throw new IntakeException($"the entry {shown} is a symbolic link; the grader takes files only, never links");
            default:
                throw new IntakeException($"the entry {shown} is not a plain file or folder (Unix file type 0{Convert.ToString(type >> 12, 8)}); the grader takes files only");
        }
    }

    private static bool IsSource(string[] segments) =>
        segments[^1].EndsWith(".cs", StringComparison.Ordinal)
        && !segments[^1].StartsWith("._", StringComparison.Ordinal)
        && !segments.Contains("__MACOSX")
        && !segments[..^1].Any(segment => segment is "bin" or "obj");

    private static byte[] ReadBounded(ZipArchiveEntry entry, ArchiveLimits limits)
    {
        // One byte past the declared length (and the limit) shows a size the archive lied about.
        var cap = Math.Min(entry.Length, limits.MaxEntryBytes) + 1;
        using var source = entry.Open();
        using var content = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while (content.Length < cap && (read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, cap - content.Length))) > 0)
        {
            content.Write(buffer, 0, read);
        }

        if (content.Length > entry.Length)
        {
            throw new IntakeException($"the entry {ArchiveEntryName.Show(entry.FullName)} unpacks to more than the {entry.Length} bytes it declares");
        }

        return content.ToArray();
    }

    /// <summary>The entry count in the end-of-central-directory record; int.MaxValue for ZIP64, which no submission needs.</summary>
    private static long DeclaredEntries(Stream stream)
    {
        const int EndRecord = 22;
        var tail = (int)Math.Min(stream.Length, EndRecord + ushort.MaxValue);
        if (tail < EndRecord)
        {
            throw new InvalidDataException("too short to be a zip file");
        }

        var buffer = new byte[tail];
        stream.Position = stream.Length - tail;
        stream.ReadExactly(buffer);
        for (var at = tail - EndRecord; at >= 0; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at)) == 0x06054b50)
            {
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 10));
                return entries == ushort.MaxValue ? int.MaxValue : entries;
            }
        }

        throw new InvalidDataException("no end-of-archive record");
    }

    internal static FileStream OpenRegular(string path)
    {
        var handle = Pipeline.UnixFiles.Available
            ? Pipeline.UnixFiles.OpenRegular(System.Text.Encoding.UTF8.GetBytes(path), out _)
                ?? throw new IntakeException("it is not a plain file (a link, a device or a FIFO), or it vanished")
            : File.OpenHandle(path);
        return new FileStream(handle, FileAccess.Read);
    }

    private static string Mib(long bytes) =>
        bytes < 1 << 20
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.#} MiB");
}
