using System.Text;
using System.Text.RegularExpressions;
using Autograder.Grader.Compile;

namespace Autograder.Grader.Pipeline;

/// <summary>
/// Reads a submission folder laid out like <c>exercises/</c>: one folder per exercise
/// (<c>NN-name/</c>) holding its <c>.cs</c> files. Build output (<c>bin/</c>, <c>obj/</c>) is ignored.
/// </summary>
/// <remarks>
/// The folder is the learner's, so no entry in it is trusted. Only regular files inside the
/// submission are read: a symbolic link (to a solution, a canary, <c>/proc/self/environ</c>,
/// <c>/dev/zero</c>), a FIFO (opening one blocks), a socket or a device is refused from lstat,
/// before anything is opened; the file is then opened without following links and without
/// blocking and checked again with fstat, and its real path must lie inside the submission, so a
/// swap between the two looks is refused too. A regular file with more than one hard link is
/// refused as well: it may be a second name for a file elsewhere on the disk (a solution), and a
/// copied or unpacked submission never has one. Reads are bounded (1 MiB a file, 2 MiB an
/// exercise), whatever size the file claims. A bad entry makes only its own exercise an error;
/// only the exercises asked for are looked at. A wrong top-level path is the teacher's mistake
/// and stays a <see cref="SubmissionException"/>. The checks below lstat rely on Linux (x64,
/// arm64); elsewhere links are refused through .NET's own API and reads are still bounded.
/// </remarks>
public static partial class SubmissionReader
{
    public const int MaxFileBytes = 1024 * 1024;

    public const int MaxExerciseBytes = 2 * 1024 * 1024;

    // An exercise is a handful of files; a tree far larger than this is an attack on the reader.
    private const int MaxEntries = 2000;

    private const string CopyTheFile = "copy the file itself into the folder";

    /// <summary>Reads every exercise folder of the submission.</summary>
    public static Submission Read(string path) => Read(path, []);

    /// <summary>Reads the given exercises' folders only (every exercise folder when empty).</summary>
    public static Submission Read(string path, IReadOnlyCollection<string> exerciseIds)
    {
        var root = CheckRoot(path);
        var realRoot = UnixFiles.Available ? UnixFiles.RealPath(root) ?? root : root;
        var exercises = new SortedDictionary<string, IReadOnlyList<SourceFile>>(StringComparer.Ordinal);
        var folders = ExerciseFolders(root).ToList();
        if (folders.Count == 0)
        {
            throw new SubmissionException(
                $"{path} holds no exercise folders. Give the folder that holds them (named like 01-perceptron/), " +
                "for example `exercises` or `solutions` at the root of the course.");
        }

        foreach (var (name, folder) in folders)
        {
            if (exerciseIds.Count > 0 && !exerciseIds.Contains(name))
            {
                continue;
            }

            if (UnixFiles.Available)
            {
                var status = UnixFiles.LStat(folder);
                if (status.Kind == UnixFiles.Kind.SymbolicLink)
                {
                    exercises[name] = new UnreadableExercise(
                        $"{name}/ is a symbolic link, not a folder: the grader reads only what is inside your submission. Put the folder itself there.");
                    continue;
                }

                if (status.Kind != UnixFiles.Kind.Directory)
                {
                    continue;
                }
            }

            exercises[name] = new ExerciseReader(name, realRoot).Read(folder);
        }

        return new Submission(root, exercises);
    }

    private const string GiveTheFolder = "Give the folder that holds the exercise folders (like exercises/, with 01-perceptron/ inside).";

    private static string CheckRoot(string path)
    {
        var root = Path.GetFullPath(path);
        if (Directory.Exists(root))
        {
            return root;
        }

        if (UnixFiles.Available)
        {
            var status = UnixFiles.LStat(Encoding.UTF8.GetBytes(root));
            throw new SubmissionException(status.Kind switch
            {
                UnixFiles.Kind.Missing => $"There is no folder {path}. {GiveTheFolder}",
                UnixFiles.Kind.SymbolicLink => $"{path} is a symbolic link that leads nowhere (its target is missing, or links loop). {GiveTheFolder}",
                UnixFiles.Kind.Regular => $"{path} is a file. {GiveTheFolder}",
                var kind => $"{path} is not a folder but {Describe(kind)}. {GiveTheFolder}",
            });
        }

        throw new SubmissionException(File.Exists(root)
            ? $"{path} is a file. {GiveTheFolder}"
            : $"There is no folder {path}. {GiveTheFolder}");
    }

    private static IEnumerable<(string Name, byte[] Folder)> ExerciseFolders(string root)
    {
        if (UnixFiles.Available)
        {
            var rootBytes = Encoding.UTF8.GetBytes(root);
            var names = UnixFiles.List(rootBytes)
                ?? throw new SubmissionException($"The folder {root} cannot be listed. Check its permissions.");
            foreach (var name in names.Select(UnixFiles.StrictName).OfType<string>().Where(name => ExerciseFolder().IsMatch(name)))
            {
                yield return (name, UnixFiles.Join(rootBytes, Encoding.UTF8.GetBytes(name)));
            }

            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(folder);
            if (ExerciseFolder().IsMatch(name))
            {
                yield return (name, Encoding.UTF8.GetBytes(folder));
            }
        }
    }

    internal static string Describe(UnixFiles.Kind kind) => kind switch
    {
        UnixFiles.Kind.Fifo => "a FIFO (a named pipe)",
        UnixFiles.Kind.Socket => "a socket",
        UnixFiles.Kind.Device => "a device",
        UnixFiles.Kind.SymbolicLink => "a symbolic link",
        UnixFiles.Kind.Directory => "a folder",
        _ => "a special file",
    };

    /// <summary>The files of one exercise, or the reasons it cannot be read.</summary>
    private sealed class ExerciseReader(string exerciseId, string realRoot)
    {
        private readonly List<SourceFile> _files = [];
        private readonly List<string> _problems = [];
        private long _total;
        private int _entries;

        public IReadOnlyList<SourceFile> Read(byte[] folder)
        {
            var pending = new Stack<(byte[] Path, string Display)>();
            pending.Push((folder, exerciseId));
            while (pending.Count > 0 && _problems.Count < 5)
            {
                var (path, display) = pending.Pop();
                var names = UnixFiles.Available ? UnixFiles.List(path) : ManagedList(path);
                if (names is null)
                {
                    _problems.Add($"{display}/ cannot be listed; check its permissions.");
                    continue;
                }

                foreach (var name in names.OrderBy(name => name, ByteOrder.Instance))
                {
                    if (++_entries > MaxEntries)
                    {
                        _problems.Add($"{exerciseId}/ holds more than {MaxEntries} files and folders; an exercise is a few files. Remove the rest.");
                        break;
                    }

                    Visit(UnixFiles.Join(path, name), name, display, pending);
                }
            }

            if (_problems.Count > 0)
            {
                return new UnreadableExercise(string.Join('\n', _problems));
            }

            return [.. _files.OrderBy(file => file.DisplayPath, StringComparer.Ordinal)];
        }

        private void Visit(byte[] path, byte[] name, string folderDisplay, Stack<(byte[] Path, string Display)> pending)
        {
            var text = UnixFiles.StrictName(name);
            var endsInCs = name.AsSpan().EndsWith(".cs"u8);
            var status = UnixFiles.Available ? UnixFiles.LStat(path) : ManagedStatus(path);
            var display = $"{folderDisplay}/{text ?? UnixFiles.Visible(name)}";
            if (text is null)
            {
                if (endsInCs || status.Kind == UnixFiles.Kind.Directory)
                {
                    _problems.Add($"{display}: the name is not valid UTF-8 (shown with \\x for the bad bytes). Rename it with plain letters.");
                }

                return;
            }

            if (status.Kind == UnixFiles.Kind.Directory)
            {
                if (text is not ("bin" or "obj"))
                {
                    pending.Push((path, display));
                }

                return;
            }

            if (!endsInCs)
            {
                if (status.Kind == UnixFiles.Kind.SymbolicLink && Directory.Exists(Encoding.UTF8.GetString(path)))
                {
                    _problems.Add($"{display} is a symbolic link to a folder: the grader reads only what is inside your submission. Put the folder itself there.");
                }

                return;
            }

            switch (status.Kind)
            {
                case UnixFiles.Kind.Regular:
                    ReadFile(path, display, status);
                    break;
                case UnixFiles.Kind.SymbolicLink:
                    _problems.Add($"{display} is a symbolic link, not a file: the grader reads only files inside your submission; {CopyTheFile}.");
                    break;
                case UnixFiles.Kind.Missing:
                    _problems.Add($"{display} vanished while it was read; run the grader again.");
                    break;
                default:
                    _problems.Add($"{display} is {Describe(status.Kind)}, not a file; {CopyTheFile}, or remove it.");
                    break;
            }
        }

        private void ReadFile(byte[] path, string display, UnixFiles.Status status)
        {
            if (status.Links > 1)
            {
                _problems.Add($"{display} is a hard link (the same file has {status.Links} names on the disk); {CopyTheFile}.");
                return;
            }

            if (status.Size > MaxFileBytes)
            {
                _problems.Add($"{display} is larger than 1 MiB; an exercise file is a few hundred lines. Remove the generated content.");
                return;
            }

            byte[] bytes;
            using (var stream = Open(path, display))
            {
                if (stream is null)
                {
                    return;
                }

                bytes = ReadBounded(stream, MaxFileBytes + 1);
            }

            if (bytes.Length > MaxFileBytes)
            {
                _problems.Add($"{display} is larger than 1 MiB; an exercise file is a few hundred lines. Remove the generated content.");
                return;
            }

            _total += bytes.Length;
            if (_total > MaxExerciseBytes)
            {
                _problems.Add($"the .cs files in {exerciseId}/ hold more than 2 MiB together; an exercise is a few hundred lines. Remove the generated content.");
                return;
            }

            if (Decode(bytes, display) is { } source)
            {
                _files.Add(new SourceFile(display, source));
            }
        }

        private Stream? Open(byte[] path, string display)
        {
            if (!UnixFiles.Available)
            {
                return new FileStream(Encoding.UTF8.GetString(path), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            }

            var handle = UnixFiles.OpenRegular(path, out var opened);
            if (handle is null)
            {
                _problems.Add(opened.Kind == UnixFiles.Kind.Missing
                    ? $"{display} changed or vanished while it was read (or it cannot be opened); {CopyTheFile} and run the grader again."
                    : $"{display} is {Describe(opened.Kind)}, not a file; {CopyTheFile}, or remove it.");
                return null;
            }

            var real = UnixFiles.RealPathOf(handle);
            if (real is null || !real.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal) || opened.Links > 1)
            {
                handle.Dispose();
                _problems.Add($"{display} leads to a file outside your submission; {CopyTheFile}.");
                return null;
            }

            return new FileStream(handle, FileAccess.Read, bufferSize: 1);
        }

        private static byte[] ReadBounded(Stream stream, int limit)
        {
            var buffer = new byte[64 * 1024];
            using var content = new MemoryStream();
            int read;
            while (content.Length < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - content.Length))) > 0)
            {
                content.Write(buffer, 0, read);
            }

            return content.ToArray();
        }

        private string? Decode(byte[] bytes, string display)
        {
            var text = DecodeSource(bytes, display, out var problem);
            if (problem is not null)
            {
                _problems.Add(problem);
            }

            return text;
        }

        private static List<byte[]>? ManagedList(byte[] folder)
        {
            try
            {
                return [.. Directory.EnumerateFileSystemEntries(Encoding.UTF8.GetString(folder)).Select(entry => Encoding.UTF8.GetBytes(Path.GetFileName(entry)))];
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static UnixFiles.Status ManagedStatus(byte[] path)
        {
            var info = new FileInfo(Encoding.UTF8.GetString(path));
            if (!info.Exists && !Directory.Exists(info.FullName))
            {
                return new UnixFiles.Status(UnixFiles.Kind.Missing, 0, 0);
            }

            if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                return new UnixFiles.Status(UnixFiles.Kind.SymbolicLink, 0, 0);
            }

            return info.Attributes.HasFlag(FileAttributes.Directory)
                ? new UnixFiles.Status(UnixFiles.Kind.Directory, 0, 0)
                : new UnixFiles.Status(UnixFiles.Kind.Regular, info.Length, 1);
        }
    }

    /// <summary>
    /// Every .cs file under a folder that is not laid out in exercise folders (a submission of
    /// loose files), read with the same care as an exercise folder; the display paths start with
    /// <paramref name="display"/>. An <see cref="UnreadableExercise"/> when something is refused.
    /// </summary>
    internal static IReadOnlyList<SourceFile> ReadLoose(string folder, string display)
    {
        var root = CheckRoot(folder);
        var realRoot = UnixFiles.Available ? UnixFiles.RealPath(root) ?? root : root;
        return new ExerciseReader(display, realRoot).Read(Encoding.UTF8.GetBytes(root));
    }

    /// <summary>
    /// C# source from a file's bytes: UTF-8 (with or without a byte order mark) or UTF-16 with
    /// one; null and the reason (naming <paramref name="display"/> and the line) for binary data or
    /// bytes that are not text. Shared with archives, whose entries are read in memory.
    /// </summary>
    internal static string? DecodeSource(byte[] bytes, string display, out string? problem)
    {
        problem = null;
        var nul = Array.IndexOf(bytes, (byte)0);
        var utf16 = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..];
        if (nul >= 0 && !utf16)
        {
            problem = $"{display} holds binary data (a zero byte on line {LineOf(bytes, nul)}), not C# source. Save it as a text file.";
            return null;
        }

        try
        {
            return utf16
                ? new UnicodeEncoding(bigEndian: bytes[0] == 0xFE, byteOrderMark: true, throwOnInvalidBytes: true).GetString(bytes, 2, bytes.Length - 2)
                : StrictUtf8.GetString(bytes, bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0, bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes.Length - 3 : bytes.Length);
        }
        catch (DecoderFallbackException e)
        {
            var line = e.Index >= 0 && !utf16 ? $" on line {LineOf(bytes, e.Index)}" : "";
            problem = $"{display} is not UTF-8 text (a byte that is not UTF-8{line}). Save it as UTF-8 in your editor.";
            return null;
        }
    }

    private static int LineOf(byte[] bytes, int index) => bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n') + 1;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }

    [GeneratedRegex("^[0-9]{2}-[a-z0-9-]+$")]
    private static partial Regex ExerciseFolder();
}
