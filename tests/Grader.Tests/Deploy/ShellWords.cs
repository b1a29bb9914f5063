using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Tests.Deploy;

/// <summary>
/// The `grader` command lines inside shell text (a script, a YAML `run:` or `args:` string),
/// split into words the way the shell would, with variables replaced by sample values.
/// </summary>
internal static partial class ShellWords
{
    /// <summary>Sample values: a shard index, a shard count, paths.</summary>
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["JOB_COMPLETION_INDEX"] = "0",
        ["SLURM_ARRAY_TASK_ID"] = "0",
        ["SHARDS"] = "4",
        ["SLURM_CPUS_PER_TASK"] = "2",
    };

    public static IEnumerable<string[]> GraderCommands(string shell)
    {
        var joined = shell.Replace("\\\n", " ");
        foreach (var line in joined.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')))
        {
            foreach (Match match in GraderWord().Matches(line))
            {
                var rest = line[(match.Index + match.Length)..];
                yield return Split(Expand(rest));
            }
        }
    }

    private static string Expand(string text) => Variable().Replace(text, match =>
    {
        var name = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        return Samples.TryGetValue(name, out var value) ? value : $"/sample/{name.ToLowerInvariant()}";
    });

    /// <summary>Words up to the first shell operator (a semicolon, ampersand, pipe, redirection or comment) outside quotes.</summary>
    private static string[] Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }

                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c is ';' or '&' or '|' or '>' or '#' or '`')
            {
                break;
            }

            word.Append(c);
            inWord = true;
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }

    // `grader` as a command word: at the start, after an operator or a path (".../grader").
    [GeneratedRegex(@"(?:^|(?<=[\s;&|(/]))grader\s+(?=[a-z])")]
    private static partial Regex GraderWord();

    [GeneratedRegex(@"\$\{(\w+)\}|\$(\w+)")]
    private static partial Regex Variable();
}
