using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Autograder.Grader.Reporting;
using Spectre.Console;

namespace Autograder.Grader.Tests.Hostile;

/// <summary>
/// Every piece of text a report carries, and the characters no learner text may bring to a
/// terminal or a browser. Written independently of <see cref="SafeText"/> so that the tests do
/// not merely repeat its own definition.
/// </summary>
internal static class ReportText
{
    /// <summary>Every string reachable from <paramref name="root"/> through public properties, with its path.</summary>
    public static IEnumerable<(string Path, string Text)> Strings(object root) => Walk(root, "report", depth: 0);

    /// <summary>Every string value in a JSON document, decoded.</summary>
    public static IEnumerable<(string Path, string Text)> JsonStrings(string json) => WalkJson(JsonNode.Parse(json), "$");

    /// <summary>The console report as text, with ANSI styling on or off.</summary>
    public static string Render(GradeReport report, bool teacherView = false, bool ansi = false)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = ansi ? ColorSystemSupport.TrueColor : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 160;
        ConsoleReport.Write(console, report, teacherView);
        return writer.ToString();
    }

    /// <summary>The first character a terminal or browser could act on or reorder, as "U+XXXX at i", or null.</summary>
    public static string? FirstDangerous(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var dangerous = (c < 0x20 && c != '\n' && c != '\t')
                || c is >= '\u007f' and <= '\u009f'
                || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069'
                || c is >= '\u200b' and <= '\u200f' or '\u2060' or '\ufeff' or '\u2028' or '\u2029'
                || char.IsSurrogate(c);
            if (dangerous)
            {
                return $"U+{(int)c:X4} at {i} in \"{Visible(text)}\"";
            }
        }

        return null;
    }

    private static string Visible(string text)
    {
        var shown = string.Concat(text.Take(160).Select(c => c < 0x20 || c >= 0x7f ? $"<{(int)c:X}>" : c.ToString()));
        return text.Length > 160 ? shown + "..." : shown;
    }

    private static IEnumerable<(string, string)> Walk(object? value, string path, int depth)
    {
        switch (value)
        {
            case null:
                yield break;
            case string text:
                yield return (path, text);
                yield break;
            case IEnumerable items and not string:
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var found in Walk(item, $"{path}[{index++}]", depth + 1))
                    {
                        yield return found;
                    }
                }

                yield break;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth > 8)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
            {
                continue;
            }

            foreach (var found in Walk(property.GetValue(value), $"{path}.{property.Name}", depth + 1))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<(string, string)> WalkJson(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    yield return ($"{path} (key)", key);
                    foreach (var found in WalkJson(child, $"{path}.{key}"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var found in WalkJson(array[i], $"{path}[{i}]"))
                    {
                        yield return found;
                    }
                }

                break;
            case JsonValue leaf when leaf.TryGetValue<string>(out var text):
                yield return (path, text);
                break;
        }
    }
}
