using System.Text.Json;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// <c>class.json</c>, written by <c>grader batch</c>: every student found in the class folder,
/// the ones this run (or shard) graded, and the entries it could not match to a student.
/// </summary>
public sealed record ClassFile
{
    public const string FileName = "class.json";

    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The class folder graded (a full path), which `grader similarity` reads; null when not recorded.</summary>
    public string? ClassDir { get; init; }

    /// <summary>"i/n" for a shard, null for a whole class.</summary>
    public string? Shard { get; init; }

    public IReadOnlyList<string> Students { get; init; } = [];

    public IReadOnlyList<string> Graded { get; init; } = [];

    public IReadOnlyList<UnmatchedEntry> Unmatched { get; init; } = [];

    public static ClassFile Read(string outDir)
    {
        var path = Path.Combine(outDir, FileName);
        if (!File.Exists(path))
        {
            throw new PublishException($"{path} is missing: publish an output folder that `grader batch` wrote.");
        }

        ClassFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ClassFile>(File.ReadAllText(path), ReportJson.Options);
        }
        catch (JsonException e)
        {
            throw new PublishException($"{path} is not a class file: {e.Message}");
        }

        return file is { Version: CurrentVersion }
            ? file
            : throw new PublishException($"{path}: class file version {file?.Version} is not supported (this grader reads version {CurrentVersion}).");
    }

    public void Write(string outDir) =>
        OutputFile.Write(Path.Combine(outDir, FileName), JsonSerializer.Serialize(this, ReportJson.Options) + "\n");
}

/// <summary>An entry of the class folder that was not graded, and why (an archive that was refused, a name no rule matched).</summary>
public sealed record UnmatchedEntry
{
    public required string Entry { get; init => field = SafeText.Clean(value); }

    public required string Reason { get; init => field = SafeText.Clean(value); }
}
