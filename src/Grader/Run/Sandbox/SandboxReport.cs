using System.Text.Json;

namespace Autograder.Grader.Run.Sandbox;

/// <summary>Which layers a worker put in force before it loaded learner code, in the order applied.</summary>
public sealed record SandboxReport(IReadOnlyList<SandboxLayer> Layers)
{
    public static SandboxReport None(string why) => new([SandboxLayer.Off("sandbox", why)]);

    private static readonly string[] Order = [NoNewPrivileges.Name, Landlock.Name, Seccomp.Name, ResourceLimits.Name, ProcessGroup.Name];

    /// <summary>What the report prints, e.g. "no-new-privileges, landlock (ABI 7), seccomp, rlimits, process group".</summary>
    public string Summary =>
        Layers.Any(layer => layer.Active)
            ? string.Join(", ", Layers.Where(layer => layer.Active).OrderBy(layer => Rank(layer.Name)).Select(layer => layer.Label))
            : "none";

    private static int Rank(string name) => Array.IndexOf(Order, name) is var index and >= 0 ? index : Order.Length;

    public bool IsActive(string name) => Layers.Any(layer => layer.Name == name && layer.Active);

    public SandboxReport With(SandboxLayer layer) => new([.. Layers, layer]);

    public string ToJson() => JsonSerializer.Serialize(Layers);

    public static SandboxReport FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new([]);
        }

        try
        {
            return new(JsonSerializer.Deserialize<List<SandboxLayer>>(json) ?? []);
        }
        catch (JsonException)
        {
            return new([]);
        }
    }

    /// <summary>The layers in force in every one of <paramref name="reports"/>: what all the learner's code ran under.</summary>
    public static string Weakest(IReadOnlyCollection<SandboxReport> reports)
    {
        if (reports.Count == 0)
        {
            return "";
        }

        var first = reports.First();
        var common = first.Layers.Where(layer => layer.Active && reports.All(report => report.Layers.Contains(layer))).ToList();
        return new SandboxReport(common).Summary;
    }
}
