using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autograder.Grader.Results;

/// <summary>Reads and writes the versioned JSON report.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Reports are read by people too: keep ·, + and > as they are. Nothing here is embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(GradeReport report) => JsonSerializer.Serialize(report, Options);

    public static GradeReport Deserialize(string json)
    {
        var report = JsonSerializer.Deserialize<GradeReport>(json, Options)
            ?? throw new JsonException("The report is empty.");
        return report.Version == GradeReport.CurrentVersion
            ? report
            : throw new JsonException($"Report version {report.Version} is not supported (this grader reads version {GradeReport.CurrentVersion}).");
    }
}
