using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Autograder.Grader.Checks;

/// <summary>
/// The teacher's key that hidden checks draw their seeds from: 32 random bytes, kept as 64
/// hexadecimal digits. Learner code knows every public generator and every declared seed; it
/// cannot know this key, so it cannot regenerate a hidden check's data. The key itself is never
/// printed, logged or written to a report (<see cref="ToString"/> names only where it came from).
/// </summary>
public sealed class CourseSecret
{
    public const int KeyBytes = 32;

    /// <summary>Environment variable holding the key's 64 hex digits (CI, graders run elsewhere).</summary>
    public const string EnvironmentVariable = "AUTOGRADER_COURSE_SECRET";

    /// <summary>Where the teacher's copy keeps it, relative to the course root (listed in .gitignore).</summary>
    public static readonly string DefaultRelativePath = Path.Combine(".autograder", "course-secret");

    private readonly byte[] _key;

    private CourseSecret(byte[] key, string source)
    {
        _key = key;
        Source = source;
    }

    /// <summary>Where the key came from, for messages: a file path or the environment variable's name.</summary>
    public string Source { get; }

    public static CourseSecret FromKey(ReadOnlySpan<byte> key, string source) =>
        key.Length == KeyBytes
            ? new CourseSecret(key.ToArray(), source)
            : throw new CourseSecretException($"a course secret is {KeyBytes} bytes; {source} gives {key.Length}.");

    /// <summary>Reads the 64 hex digits of <paramref name="text"/> (surrounding white space is ignored).</summary>
    public static CourseSecret Parse(string text, string source)
    {
        var digits = text.Trim();
        if (digits.Length != KeyBytes * 2 || !digits.All(Uri.IsHexDigit))
        {
            throw new CourseSecretException(
                $"the course secret in {source} is not {KeyBytes * 2} hexadecimal digits (it holds {digits.Length} characters" +
                $"{(digits.All(Uri.IsHexDigit) ? "" : ", not all of them hex digits")}). Restore it from your backup. Only if it is lost, " +
                "delete it to make a new one: hidden checks then get other seeds, and earlier reports cannot be reproduced (docs/TEACHERS-SECRET.md).");
        }

        return new CourseSecret(Convert.FromHexString(digits), source);
    }

    /// <summary>The key in <paramref name="path"/>, which must exist.</summary>
    public static CourseSecret ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CourseSecretException($"there is no course secret file {path}. Give the file you backed up, or leave --course-secret out to use the course's own.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>
    /// The key in <paramref name="path"/>, made on first use: 32 bytes from the system's secure
    /// random source, written only for its owner (mode 0600, in a folder of mode 0700).
    /// </summary>
    public static CourseSecret LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return ReadFile(path);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, options);
            writer.Write(Convert.ToHexString(key).ToLowerInvariant() + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another grader made it at the same moment: use theirs, so both agree.
            return ReadFile(path);
        }

        return new CourseSecret(key, path);
    }

    /// <summary>
    /// The course secret, by precedence: <paramref name="file"/> (--course-secret), then the
    /// environment variable <see cref="EnvironmentVariable"/>, then
    /// <c>&lt;course root&gt;/.autograder/course-secret</c>, made there on first use.
    /// </summary>
    public static CourseSecret Resolve(string? file, Func<string, string?> environment, string? courseRoot)
    {
        if (file is not null)
        {
            return ReadFile(file);
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return Parse(fromEnvironment, $"the environment variable {EnvironmentVariable}");
        }

        return courseRoot is not null
            ? LoadOrCreate(Path.Combine(courseRoot, DefaultRelativePath))
            : throw new CourseSecretException(
                "hidden checks need the course secret, and this grader is not inside a course folder (no Autograder.sln above it " +
                $"or above the current folder). Pass --course-secret FILE or set {EnvironmentVariable} (docs/TEACHERS-SECRET.md).");
    }

    /// <summary>The course secret a grader run from this machine uses (see <see cref="Resolve"/>).</summary>
    public static CourseSecret ForThisCourse(string? file) =>
        Resolve(file, Environment.GetEnvironmentVariable, FindCourseRoot());

    /// <summary>
    /// The folder with Autograder.sln above the grader's own program, else above the current
    /// folder; null when neither is inside a course.
    /// </summary>
    public static string? FindCourseRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Autograder.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The seed a hidden check runs with: the first 31 bits of HMAC-SHA256(key, "checkId:declaredSeed").
    /// The same key gives the same seeds (grading is reproducible); without it they cannot be computed.
    /// </summary>
    public int Derive(string checkId, int declaredSeed)
    {
        var message = Encoding.UTF8.GetBytes(checkId + ":" + declaredSeed.ToString(CultureInfo.InvariantCulture));
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, message, mac);
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mac) >> 1);
    }

    /// <summary>Whether <paramref name="bytes"/> holds the key, raw or as hex digits (for leak tests and tools).</summary>
    public bool AppearsIn(ReadOnlySpan<byte> bytes) =>
        bytes.IndexOf(_key) >= 0
        || bytes.IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexString(_key).ToLowerInvariant())) >= 0
        || bytes.IndexOf(Encoding.ASCII.GetBytes(Convert.ToHexString(_key))) >= 0;

    public override string ToString() => $"course secret from {Source}";
}

/// <summary>The course secret is missing, unreadable or malformed; the message says what to do.</summary>
public sealed class CourseSecretException(string message) : Exception(message);
