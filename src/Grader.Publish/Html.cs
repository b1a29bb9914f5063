using System.Globalization;
using System.Net;
using System.Text;
using Autograder.Grader.Results;

namespace Autograder.Grader.Publish;

/// <summary>
/// The pieces every published page is made of. Learner code controls messages, file names and
/// printed output, so every string goes through <see cref="Text"/>; the pages also forbid scripts
/// and outside requests (Content-Security-Policy), so a string that slipped through could still
/// not run or call home.
/// </summary>
internal static class Html
{
    /// <summary>No script, no request: images are data: URIs and the style sheet is inline.</summary>
    private const string ContentSecurityPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    private const string Style = """
        :root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d8dce3; --soft: #f5f7fa;
          --pass: #17663a; --pass-bg: #e5f4ea; --fail: #a3271d; --fail-bg: #fbe9e7; --error: #8a4b00; --error-bg: #fdf0dc;
          --skip: #4a5568; --skip-bg: #edf0f4; --accent: #2b5cab; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 2.5rem 0 .5rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.05rem; margin: 0; }
        p { margin: .4rem 0; }
        a { color: var(--accent); }
        .lead { color: var(--muted); margin-bottom: 1.5rem; }
        .score { font-size: 2.2rem; font-weight: 700; margin: .5rem 0 0; }
        .score small { font-size: 1rem; font-weight: 400; color: var(--muted); }
        .box { border: 1px solid var(--line); border-left: 6px solid var(--accent); background: var(--soft); padding: .8rem 1rem; border-radius: 6px; margin: 1rem 0; }
        .box.problem { border-left-color: var(--error); background: var(--error-bg); }
        .text, pre { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; }
        pre, code { font: 14px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
        ul.checks { list-style: none; padding: 0; margin: .5rem 0; }
        ul.checks > li { border: 1px solid var(--line); border-radius: 6px; padding: .7rem 1rem; margin: .6rem 0; }
        .check-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; }
        .check-head h3 { flex: 1 1 20rem; overflow-wrap: anywhere; }
        .points { color: var(--muted); white-space: nowrap; }
        .badge { display: inline-block; font-size: .8rem; font-weight: 700; padding: .1rem .55rem; border-radius: 999px; white-space: nowrap; }
        .passed { color: var(--pass); background: var(--pass-bg); }
        .failed { color: var(--fail); background: var(--fail-bg); }
        .error { color: var(--error); background: var(--error-bg); }
        .skipped { color: var(--skip); background: var(--skip-bg); }
        .note { color: var(--muted); font-size: .9rem; }
        figure { margin: .8rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: .9rem; }
        .excerpt { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; margin: .8rem 0; }
        .excerpt p { margin: 0; padding: .5rem .8rem; background: var(--error-bg); overflow-wrap: anywhere; }
        .excerpt table { border-collapse: collapse; width: 100%; table-layout: fixed; }
        .excerpt td { padding: 0 .6rem; vertical-align: top; }
        .excerpt td.n { width: 4.5rem; text-align: right; color: var(--muted); user-select: none; }
        .excerpt pre { margin: 0; }
        .excerpt tr.here { background: #fff3c4; }
        .excerpt tr.here td.n::before { content: "\25B6  "; color: var(--fail); }
        table.data { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        table.data th, table.data td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
        table.data th { background: var(--soft); }
        table.data td.num, table.data th.num { text-align: right; white-space: nowrap; }
        .bar-back { display: inline-block; width: 5rem; height: .6rem; background: var(--fail-bg); border-radius: 2px; margin-right: .4rem; vertical-align: middle; overflow: hidden; }
        .bar { display: block; height: 100%; background: var(--pass); }
        footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
        """;

    /// <summary>Learner-derived (or any) text, made safe for an HTML element or a quoted attribute.</summary>
    public static string Text(string? text) => WebUtility.HtmlEncode(SafeText.Clean(text));

    /// <summary>A relative link to a student's file; the ID is escaped for the URL and then for the attribute.</summary>
    public static string StudentHref(string student, string file) =>
        Text($"{ClassResults.StudentsFolder}/{Uri.EscapeDataString(student)}/{file}");

    public static string Points(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Seconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Badge(ResultStatus status) => status switch
    {
        ResultStatus.Passed => """<span class="badge passed">passed</span>""",
        ResultStatus.Failed => """<span class="badge failed">not yet</span>""",
        ResultStatus.Error => """<span class="badge error">could not run</span>""",
        _ => """<span class="badge skipped">skipped</span>""",
    };

    public static string Page(string title, string body)
    {
        var page = new StringBuilder(body.Length + Style.Length + 512);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Text(title)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return page.ToString();
    }
}
