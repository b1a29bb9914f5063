using System.IO.Compression;
using System.Reflection;

namespace Autograder.Grader.Cli.Gradescope;

/// <summary>
/// The Gradescope autograder zip: setup.sh and run_autograder at the root (Gradescope's
/// specification), the published grader under grader/, and the course secret when hidden checks
/// need one. Gradescope unpacks it to /autograder/source.
/// </summary>
internal static class GradescopeBundle
{
    public const string SetupScript = "setup.sh";
    public const string RunScript = "run_autograder";
    public const string GraderFolder = "grader";
    public const string SecretFile = "course-secret";

    // -rwxr-xr-x as a zip's Unix mode (the high 16 bits of the external attributes).
    private const int Executable = 0b1000_000_111_101_101 << 16;
    private const int Regular = 0b1000_000_110_100_100 << 16;

    // Fixed entry times: the same grader gives the same zip.
    private static readonly DateTimeOffset Stamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Gradescope.{name}")
            ?? throw new InvalidOperationException($"the grader was built without its {name} script");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <param name="zipPath">the autograder.zip to write (replaced if it exists)</param>
    /// <param name="graderDir">a published grader (grader.dll with its dependencies)</param>
    /// <param name="courseSecret">the course secret as its file holds it, or null when the grader has no hidden checks</param>
    public static void Write(string zipPath, string graderDir, string? courseSecret)
    {
        if (!File.Exists(Path.Combine(graderDir, "grader.dll")))
        {
            throw new FileNotFoundException($"{graderDir} holds no grader.dll. Publish the grader first (dotnet publish src/Grader.Cli -c Release -o DIR) and give --grader DIR.");
        }

        var temporary = zipPath + ".tmp";
        using (var zip = ZipFile.Open(temporary, ZipArchiveMode.Create))
        {
            Add(zip, SetupScript, Script(SetupScript), Executable);
            Add(zip, RunScript, Script(RunScript), Executable);
            foreach (var file in Directory.EnumerateFiles(graderDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(graderDir, file).Replace('\\', '/');
                var entry = zip.CreateEntry($"{GraderFolder}/{relative}", CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                entry.ExternalAttributes = OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) == 0 ? Regular : Executable;
                using var target = entry.Open();
                using var source = File.OpenRead(file);
                source.CopyTo(target);
            }

            if (courseSecret is not null)
            {
                Add(zip, SecretFile, courseSecret, Regular);
            }
        }

        File.Move(temporary, zipPath, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, string text, int mode)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Stamp;
        entry.ExternalAttributes = mode;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text.ReplaceLineEndings("\n"));
    }
}
