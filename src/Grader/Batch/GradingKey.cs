using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Autograder.Grader.Checks;
using Autograder.Grader.Run;

namespace Autograder.Grader.Batch;

/// <summary>
/// What a grade depends on besides the submission: the exercises graded, the limits, each check
/// (ID, points, visibility, the seed it runs with), the build of the grader and the checks, and the
/// text of a teacher's check script. A result whose key differs was graded under other rules and is
/// graded again; one with the same key and the same submission hash is kept.
/// </summary>
public static class GradingKey
{
    public static string Of(CheckCatalog catalog, SeedResolver seeds, IReadOnlyList<string> exercises, RunLimits limits)
    {
        var selected = exercises.Count == 0
            ? catalog.Exercises.Select(exercise => exercise.Id).ToList()
            : [.. exercises.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"time {limits.TimeLimit?.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) ?? "budget"}; memory {limits.MemoryBytes}\n");
        text.Append(CultureInfo.InvariantCulture, $"grader {typeof(GradingKey).Assembly.ManifestModule.ModuleVersionId}\n");
        foreach (var id in selected)
        {
            text.Append(CultureInfo.InvariantCulture, $"exercise {id}\n");
            foreach (var check in catalog.ChecksOf(id).Select(seeds.Resolve).OrderBy(check => check.Id, StringComparer.Ordinal))
            {
                // A teacher's script counts by its text: its module ID stays when the text changes.
                var code = check.Script is { } script ? $"script {script.TextSha256}" : check.Run.Method.Module.ModuleVersionId.ToString();
                text.Append(CultureInfo.InvariantCulture, $"check {check.Id} {check.Points} {check.Visibility} {check.Seed} {code}\n");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
