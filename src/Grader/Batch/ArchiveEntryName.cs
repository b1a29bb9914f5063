using System.Globalization;
using System.Text;

namespace Autograder.Grader.Batch;

/// <summary>
/// Judges one name inside a student's archive before anything is read: the name is the learner's,
/// and an unpacker that trusts it writes wherever it points (zip slip). A name is a relative path
/// of ordinary segments; backslashes count as separators, as Windows tools write them.
/// </summary>
public static class ArchiveEntryName
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name's segments, or why it is refused (the reason names the entry, shown safely).</summary>
    public static string[] Segments(string name, int maxLength)
    {
        var shown = Show(name);
        if (name.Length == 0)
        {
            throw new IntakeException("it holds an entry without a name");
        }

        if (name.Length > maxLength)
        {
            throw new IntakeException($"the entry name {Show(name[..60])}... is {name.Length} characters long; the limit is {maxLength}");
        }

        if (name.EnumerateRunes().Any(IsOdd) || HasLoneSurrogate(name))
        {
            throw new IntakeException($"the entry name {shown} holds a control or invisible character");
        }

        var path = name.Replace('\\', '/');
        if (path.StartsWith('/') || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            throw new IntakeException($"the entry {shown} has an absolute path; an archive holds paths inside its own folder only");
        }

        var segments = path.TrimEnd('/').Split('/');
        foreach (var segment in segments)
        {
            if (segment == "..")
            {
                throw new IntakeException($"the entry {shown} climbs out of the archive's folder with '..'");
            }

            if (segment is "" or ".")
            {
                throw new IntakeException($"the entry name {shown} has an empty or '.' step");
            }

            if (DeviceNames.Contains(segment.Split('.')[0].TrimEnd(' ')))
            {
                throw new IntakeException($"the entry {shown} is named like a device ({segment.Split('.')[0]})");
            }

            if (Encoding.UTF8.GetByteCount(segment) > 255)
            {
                throw new IntakeException($"a step of the entry name {shown} is longer than 255 bytes");
            }
        }

        return segments;
    }

    /// <summary>A name shown in a message: quoted, with every control or invisible character as an escape.</summary>
    public static string Show(string name)
    {
        var text = new StringBuilder("'");
        foreach (var rune in name.EnumerateRunes())
        {
            text.Append(IsOdd(rune) || rune.Value == '\'' ? string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}") : rune.ToString());
        }

        return text.Append('\'').ToString();
    }

    // Control characters move a terminal's cursor; format characters (bidi overrides, zero-width
    // joiners) make a name read as another; unassigned and private code points show as nothing.
    private static bool IsOdd(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || rune == Rune.ReplacementChar;

    private static bool HasLoneSurrogate(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return true;
            }
        }

        return false;
    }
}
