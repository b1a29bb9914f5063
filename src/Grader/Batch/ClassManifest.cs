using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>class.json</c>: where the class is, who is in it, whom this run grades (its shard), and
/// which entries of the class folder are no student's work. Merging shards checks that every
/// student was graded by exactly one of them; `grader similarity` given an out-dir reads the class
/// from <see cref="ClassDir"/>. Written by <c>grader batch</c> and by a merge.
/// </summary>
public sealed record ClassManifest
{
    public const string FileName = "class.json";

    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The class folder graded, as a full path; null in a class.json written before it was recorded.</summary>
    public string? ClassDir { get; init; }

    /// <summary>"i/n" when this run graded one shard, else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Shard { get; init; }

    public IReadOnlyList<string> Students { get; init; } = [];

    public IReadOnlyList<string> Graded { get; init; } = [];

    public IReadOnlyList<UnmatchedEntry> Unmatched { get; init; } = [];

    public void Write(string outDir) =>
        AtomicFile.Write(Path.Combine(outDir, FileName), JsonSerializer.Serialize(this, ReportJson.Options) + "\n");

    /// <exception cref="InvalidDataException">There is no class.json, it is not one, or it has another version; the message says which.</exception>
    public static ClassManifest Read(string outDir)
    {
        var path = Path.Combine(outDir, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: publish an output folder that `grader batch` wrote.");
        }

        ClassManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ClassManifest>(File.ReadAllText(path), ReportJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a class file: {e.Message}");
        }

        return manifest is { Version: CurrentVersion }
            ? manifest
            : throw new InvalidDataException($"{path}: class file version {manifest?.Version} is not supported (this grader reads version {CurrentVersion}).");
    }
}

/// <summary>An entry of the class folder that was not graded, and why (an archive that was refused, a name no rule matched).</summary>
public sealed record UnmatchedEntry
{
    public UnmatchedEntry()
    {
    }

    [SetsRequiredMembers]
    public UnmatchedEntry(string entry, string reason)
    {
        Entry = entry;
        Reason = reason;
    }

    // Both come from the class folder's names and archives: cleaned before any report shows them.
    public required string Entry { get; init => field = SafeText.Clean(value); }

    public required string Reason { get; init => field = SafeText.Clean(value); }
}
