namespace Autograder.Grader.Run;

/// <summary>Fields of <c>/proc/&lt;pid&gt;/status</c>, which the grader reads to count a process's threads and see its cores.</summary>
internal static class ProcStatus
{
    /// <summary>The value of field <paramref name="name"/> (without its colon), trimmed; null when the lines have none.</summary>
    public static string? Field(IEnumerable<string> lines, string name)
    {
        var prefix = name + ":";
        return lines.FirstOrDefault(line => line.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..].Trim();
    }

    /// <summary>Field <paramref name="name"/> of a status file, or null when the process (or thread) is gone or the file cannot be read.</summary>
    public static string? Field(string statusFile, string name)
    {
        try
        {
            return Field(File.ReadLines(statusFile), name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's thread count, or null when it is gone or the file cannot be read.</summary>
    public static int? Threads(string statusFile) =>
        int.TryParse(Field(statusFile, "Threads"), System.Globalization.CultureInfo.InvariantCulture, out var threads) ? threads : null;
}
