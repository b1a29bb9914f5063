namespace Autograder.Grader.Run;

/// <summary>Fields of <c>/proc/&lt;pid&gt;/status</c>, which the grader reads to count a process's threads.</summary>
internal static class ProcStatus
{
    /// <summary>The value of field <paramref name="name"/> (without its colon), trimmed; null when the lines have none.</summary>
    public static string? Field(IEnumerable<string> lines, string name)
    {
        var prefix = name + ":";
        return lines.FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
    }

    /// <summary>The process's thread count, or null when it is gone or the file cannot be read.</summary>
    public static int? Threads(string statusFile)
    {
        try
        {
            return Field(File.ReadLines(statusFile), "Threads") is { } threads
                ? int.Parse(threads, System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
