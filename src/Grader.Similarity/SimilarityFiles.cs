using System.Globalization;
using System.Text;
using System.Text.Json;
using Autograder.Grader.Results;

namespace Autograder.Grader.Similarity;

/// <summary>similarity.json (the whole report) and similarity.csv (one row per reported pair), both deterministic.</summary>
public static class SimilarityFiles
{
    public const string Json = "similarity.json";
    public const string Csv = "similarity.csv";

    public static void Write(SimilarityReport report, string outDir)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, Json), JsonSerializer.Serialize(report, ReportJson.Options) + "\n");
        File.WriteAllText(Path.Combine(outDir, Csv), ToCsv(report));
    }

    public static string ToCsv(SimilarityReport report)
    {
        var csv = new StringBuilder("exercise,student_a,student_b,similarity,shared_fingerprints,fingerprints_a,fingerprints_b,longest_run_tokens\n");
        foreach (var pair in report.Pairs)
        {
            csv.AppendJoin(',',
                Field(pair.Exercise), Field(pair.StudentA), Field(pair.StudentB),
                pair.Similarity.ToString("0.000", CultureInfo.InvariantCulture),
                pair.SharedFingerprints.ToString(CultureInfo.InvariantCulture),
                pair.FingerprintsA.ToString(CultureInfo.InvariantCulture),
                pair.FingerprintsB.ToString(CultureInfo.InvariantCulture),
                (pair.Regions.Count == 0 ? 0 : pair.Regions.Max(r => r.Tokens)).ToString(CultureInfo.InvariantCulture));
            csv.Append('\n');
        }

        return csv.ToString();
    }

    // Quoted always; a leading = + - @ would be read as a formula by a spreadsheet.
    private static string Field(string text)
    {
        var clean = SafeText.Clean(text);
        if (clean.Length > 0 && "=+-@".Contains(clean[0]))
        {
            clean = "'" + clean;
        }

        return "\"" + clean.Replace("\"", "\"\"") + "\"";
    }
}
