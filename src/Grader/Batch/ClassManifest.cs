using System.Text.Json;
using System.Text.Json.Serialization;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>class.json</c>: where the class is, who is in it, whom this run grades (its shard), and
/// which entries of the class folder are no student's work. Merging shards checks that every
/// student was graded by exactly one of them; `grader similarity` given an out-dir reads the class
/// from <see cref="ClassDir"/>.
/// </summary>
public sealed record ClassManifest
{
    public const string FileName = "class.json";

    public int Version { get; init; } = 1;

    /// <summary>The class folder graded, as a full path; null in a class.json written before it was recorded.</summary>
    public string? ClassDir { get; init; }

    /// <summary>"i/n" when this run graded one shard, else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Shard { get; init; }

    public required IReadOnlyList<string> Students { get; init; }

    public required IReadOnlyList<string> Graded { get; init; }

    public required IReadOnlyList<UnmatchedEntry> Unmatched { get; init; }

    public static void Write(string outDir, ClassManifest manifest) =>
        ResultFile.WriteAtomically(Path.Combine(outDir, FileName), JsonSerializer.Serialize(manifest, ReportJson.Options) + "\n");

    public static ClassManifest Read(string outDir) =>
        JsonSerializer.Deserialize<ClassManifest>(File.ReadAllText(Path.Combine(outDir, FileName)), ReportJson.Options)
            ?? throw new JsonException($"{FileName} is empty.");
}
