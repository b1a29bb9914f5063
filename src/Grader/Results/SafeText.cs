using System.Globalization;
using System.Text;

namespace Autograder.Grader.Results;

/// <summary>
/// Makes learner-derived text safe to show on a terminal, in JSON and in a browser. Learner code
/// controls exception messages, printed output, identifiers and file names; a raw ESC in them can
/// clear the teacher's screen, move the cursor to overwrite report rows with forged ones, or write
/// to the clipboard (OSC 52), and bidirectional or invisible characters can reorder or hide a
/// row. Every such character is replaced by a visible escape (<c>\x1b</c>, <c>\u202e</c>) rather
/// than dropped, so that a teacher sees that something was attempted.
/// </summary>
/// <remarks>
/// The result records (<see cref="GradeReport"/>, <see cref="ExerciseResult"/>,
/// <see cref="CheckResult"/>) pass every string through <see cref="Clean"/> when they are built,
/// so nothing built or rendered later can forget it. Newline and tab are kept: messages and
/// printed output are multi-line. A backslash is kept as it is, so cleaning twice changes nothing.
/// </remarks>
public static class SafeText
{
    /// <summary>
    /// <paramref name="text"/> with every control, reordering and invisible character made
    /// visible; null becomes "". Allocates only when something had to be replaced.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var first = FirstUnsafe(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A well-formed pair (an emoji, say) is an ordinary character.
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsUnsafe(c))
            {
                builder.Append(c <= 0xFF
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds nothing <see cref="Clean"/> would replace.</summary>
    public static bool IsClean(string? text) => text is null || FirstUnsafe(text) < 0;

    private static int FirstUnsafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnsafe(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// C0 controls except newline and tab (ESC, BEL, carriage return, backspace...), DEL, C1
    /// controls (U+0080-U+009F, among them the one-character CSI U+009B), characters that reorder
    /// text (bidi embeddings, overrides, isolates and marks), zero-width and invisible characters,
    /// line and paragraph separators, and surrogates that are not part of a pair.
    /// </summary>
    private static bool IsUnsafe(char c) => c switch
    {
        '\n' or '\t' => false,
        < ' ' => true,
        >= '\u007f' and <= '\u009f' => true,
        '\u00ad' => true, // soft hyphen: invisible in most terminals
        '\u061c' => true, // Arabic letter mark (bidi)
        >= '\u200b' and <= '\u200f' => true, // zero-width space, joiners, LRM, RLM
        '\u2028' or '\u2029' => true, // line and paragraph separators
        >= '\u202a' and <= '\u202e' => true, // bidi embeddings and overrides
        >= '\u2060' and <= '\u2064' => true, // word joiner and invisible operators
        >= '\u2066' and <= '\u206f' => true, // bidi isolates and deprecated format characters
        '\ufeff' => true, // zero-width no-break space (byte-order mark)
        >= '\ufff9' and <= '\ufffb' => true, // interlinear annotation
        _ => char.IsSurrogate(c),
    };
}
