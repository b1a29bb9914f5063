using System.Globalization;
using System.Net;
using System.Text;
using Autograder.Grader.Compile;
using Autograder.Grader.Results;

namespace Autograder.Grader.Similarity;

/// <summary>
/// similarity.html: the ranked pairs, and for each the two submissions side by side with every
/// shared region numbered and coloured alike on both sides. Self-contained (no script, no
/// external file). Every learner-derived string (IDs, file names, code) is cleaned and escaped.
/// </summary>
public static class SimilarityHtml
{
    public const string FileName = "similarity.html";

    /// <summary>Pairs shown in full; the rest are listed in the table (and in the CSV and JSON).</summary>
    public const int MaxDetailed = 100;

    private const int Colours = 6;

    public static void Write(SimilarityReport report, ClassWork work, string outDir)
    {
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, FileName), Render(report, work));
    }

    public static string Render(SimilarityReport report, ClassWork work)
    {
        var students = work.Students.ToDictionary(s => s.Student, StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Similarity</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}
            .sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
            pre{font-size:12px;background:#fafafa;border:1px solid #ddd;padding:.4em;overflow-x:auto;margin:.2em 0}
            .ln{color:#999;user-select:none}.tag{font-weight:bold}
            .m0{background:#ffe08a}.m1{background:#a8e6ff}.m2{background:#c3f7b5}.m3{background:#ffc2d1}.m4{background:#dcc6ff}.m5{background:#ffd3a8}
            </style></head><body>
            <h1>Similar submissions</h1>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<p>{report.Students} students, {report.Exercises.Count} exercises; ")
            .Append(CultureInfo.InvariantCulture, $"pairs sharing at least {report.Threshold:P0} of the smaller submission's fingerprints ")
            .Append(CultureInfo.InvariantCulture, $"({report.KGram}-token k-grams, window {report.Window}, at least {report.MinShared} shared). ")
            .Append("Names, literals, comments, layout and member order are ignored; the starter code and code most of the class shares are taken out. ")
            .Append("A high score is a reason to look, not a verdict.</p>\n");
        if (report.Pairs.Count == 0)
        {
            html.Append("<p>No pair reaches the threshold.</p>\n");
        }
        else
        {
            html.Append("<table><tr><th>#</th><th>exercise</th><th>student A</th><th>student B</th><th>similarity</th><th>shared</th><th>longest run (tokens)</th></tr>\n");
            for (var i = 0; i < report.Pairs.Count; i++)
            {
                var pair = report.Pairs[i];
                var link = i < MaxDetailed ? $"<a href=\"#pair{i + 1}\">{i + 1}</a>" : (i + 1).ToString(CultureInfo.InvariantCulture);
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{link}</td><td>{E(pair.Exercise)}</td><td>{E(pair.StudentA)}</td><td>{E(pair.StudentB)}</td><td>{pair.Similarity:P0}</td>" +
                    $"<td>{pair.SharedFingerprints} of {Math.Min(pair.FingerprintsA, pair.FingerprintsB)}</td><td>{(pair.Regions.Count == 0 ? 0 : pair.Regions.Max(r => r.Tokens))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        for (var i = 0; i < Math.Min(MaxDetailed, report.Pairs.Count); i++)
        {
            var pair = report.Pairs[i];
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"pair{i + 1}\">{i + 1}. {E(pair.Exercise)}: {E(pair.StudentA)} and {E(pair.StudentB)}, {pair.Similarity:P0}</h2>\n");
            html.Append("<div class=\"sides\">\n");
            Side(html, pair.StudentA, students[pair.StudentA].Exercises[pair.Exercise], pair.Regions.Select(r => r.InA).ToList());
            Side(html, pair.StudentB, students[pair.StudentB].Exercises[pair.Exercise], pair.Regions.Select(r => r.InB).ToList());
            html.Append("</div>\n");
        }

        if (report.Skipped.Count > 0)
        {
            html.Append("<h2>Not compared</h2><ul>\n");
            foreach (var entry in report.Skipped)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(entry.Entry)}: {E(entry.Reason)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Side(StringBuilder html, string student, IReadOnlyList<SourceFile> files, List<IReadOnlyList<LineRange>> regions)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div><h3>{E(student)}</h3>\n");
        foreach (var file in files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal))
        {
            // The region each line belongs to (the first that covers it), and where a region starts.
            var lines = file.Text.Replace("\r\n", "\n").Split('\n');
            var mark = new int[lines.Length + 1];
            var starts = new Dictionary<int, List<int>>();
            for (var r = 0; r < regions.Count; r++)
            {
                foreach (var range in regions[r].Where(range => range.File == file.DisplayPath))
                {
                    for (var line = range.FirstLine; line <= Math.Min(range.LastLine, lines.Length); line++)
                    {
                        if (mark[line - 1] == 0)
                        {
                            mark[line - 1] = r + 1;
                        }
                    }

                    if (!starts.TryGetValue(range.FirstLine, out var list))
                    {
                        starts[range.FirstLine] = list = [];
                    }

                    list.Add(r + 1);
                }
            }

            var shared = mark.Any(m => m > 0);
            html.Append(shared ? "<details open>" : "<details>")
                .Append(CultureInfo.InvariantCulture, $"<summary>{E(file.DisplayPath)}{(shared ? "" : " (nothing shared)")}</summary><pre>");
            for (var line = 1; line <= lines.Length; line++)
            {
                var region = mark[line - 1];
                var tag = starts.TryGetValue(line, out var at) ? $"<span class=\"tag\">[{string.Join(",", at)}]</span> " : "";
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"ln\">{line,4} </span>");
                html.Append(region > 0 ? $"<span class=\"m{(region - 1) % Colours}\">{tag}{E(lines[line - 1])}</span>\n" : $"{E(lines[line - 1])}\n");
            }

            html.Append("</pre></details>\n");
        }

        html.Append("</div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(SafeText.Clean(text));
}
