using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Autograder.Grader.Batch;

/// <summary>Which learning platform's export an entry name came from.</summary>
public enum ExportKind { Plain, Canvas, Moodle, Classroom }

/// <summary>
/// A student ID read from an export name, and the file name inside the export (for loose files).
/// </summary>
public sealed record ExportName(string Id, ExportKind Kind, string? FileName);

/// <summary>
/// Derives one student ID from the names learning platforms give their exports. IDs are safe as
/// file names (<c>[a-z0-9._-]</c>, no leading dot, at most 64 characters) and stable: the same
/// export name always gives the same ID, whatever else the class folder holds (except the
/// Classroom prefix, which is the class's own).
/// <list type="bullet">
/// <item>Canvas: <c>smithjohn_12345_67890_Perceptron.cs</c> (also <c>smithjohn_late_12345_67890_...</c>):
/// name and user ID, <c>smithjohn_12345</c>; the attempt number is left out, so a resubmission keeps its student.</item>
/// <item>Moodle: <c>Ada Lovelace_12345_assignsubmission_file_</c> (a folder, or that prefix before a file
/// name): <c>ada-lovelace_12345</c>.</item>
/// <item>GitHub Classroom: <c>assignment-username</c>: the username, once the assignment prefix
/// that every entry shares is known (<see cref="ClassroomPrefix"/>).</item>
/// <item>Anything else: the name itself, made safe.</item>
/// </list>
/// </summary>
public static partial class StudentId
{
    public const int MaxLength = 64;

    /// <summary>The ID an entry's name gives, or null when the name has no letter or digit.</summary>
    /// <param name="name">A folder's name, an archive's without .zip, or a loose file's full name.</param>
    /// <param name="classroomPrefix">The assignment prefix shared by the class's entries, or null.</param>
    public static ExportName? Parse(string name, string? classroomPrefix = null)
    {
        if (Canvas().Match(name) is { Success: true } canvas)
        {
            return Make($"{canvas.Groups["name"].Value}_{canvas.Groups["user"].Value}", ExportKind.Canvas, canvas.Groups["file"].Value);
        }

        if (Moodle().Match(name) is { Success: true } moodle)
        {
            var file = moodle.Groups["file"].Value;
            return Make($"{moodle.Groups["name"].Value}_{moodle.Groups["user"].Value}", ExportKind.Moodle, file.Length == 0 ? null : file);
        }

        if (classroomPrefix is not null && name.StartsWith(classroomPrefix, StringComparison.Ordinal) && name.Length > classroomPrefix.Length)
        {
            return Make(name[classroomPrefix.Length..], ExportKind.Classroom, null);
        }

        return Make(name, ExportKind.Plain, null);
    }

    /// <summary>Whether a name is in a platform's own form (Canvas or Moodle), which says whose it is by itself.</summary>
    public static bool IsPlatformName(string name) => Canvas().IsMatch(name) || Moodle().IsMatch(name);

    /// <summary>
    /// The GitHub Classroom assignment prefix (<c>dl-course-</c> in <c>dl-course-alice</c>): the longest
    /// prefix ending in '-' that every one of at least two names shares and leaves a non-empty
    /// username. Null when there is none.
    /// </summary>
    public static string? ClassroomPrefix(IReadOnlyList<string> names)
    {
        if (names.Count < 2)
        {
            return null;
        }

        var common = names[0];
        foreach (var name in names.Skip(1))
        {
            var length = 0;
            while (length < common.Length && length < name.Length && common[length] == name[length])
            {
                length++;
            }

            common = common[..length];
        }

        var dash = common.LastIndexOf('-');
        if (dash <= 0)
        {
            return null;
        }

        var prefix = common[..(dash + 1)];
        return names.All(name => name.Length > prefix.Length) ? prefix : null;
    }

    /// <summary>Whether <paramref name="id"/> is a valid student ID (for IDs read back from files).</summary>
    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && id[0] != '.' && SafeId().IsMatch(id);

    private static ExportName? Make(string raw, ExportKind kind, string? fileName)
    {
        var id = Slug(raw);
        return id.Length == 0 ? null : new ExportName(id, kind, fileName);
    }

    /// <summary>Lower case ASCII: accents dropped (é to e), every other run of characters to one '-'.</summary>
    private static string Slug(string raw)
    {
        var text = new StringBuilder();
        foreach (var c in raw.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-')
            {
                text.Append(lower);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var id = text.ToString().TrimStart('.', '-', '_').TrimEnd('-', '.');
        if (id.Length <= MaxLength)
        {
            return id;
        }

        // Cut, and keep the whole name's hash, so two long names that share a beginning stay apart.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8];
        return $"{id[..(MaxLength - 9)].TrimEnd('-', '.')}-{hash}";
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9-]+)_(?:late_)?(?<user>[0-9]+)_(?<attempt>[0-9]+)_(?<file>.+)$")]
    private static partial Regex Canvas();

    [GeneratedRegex(@"^(?<name>.+?)_(?<user>[0-9]+)_assignsubmission_(?:file|onlinetext)_(?<file>.*)$")]
    private static partial Regex Moodle();

    [GeneratedRegex(@"^[a-z0-9._-]+$")]
    private static partial Regex SafeId();
}
