using Autograder.Authoring.Release;

namespace Autograder.Grader.Tests.Release;

/// <summary>Runs `grader release` on a course into a fresh temporary folder and removes it afterwards.</summary>
internal sealed class ReleaseFixture : IDisposable
{
    private ReleaseFixture(string outDir, int exitCode, string output, string error)
    {
        OutDir = outDir;
        ExitCode = exitCode;
        Output = output;
        Error = error;
    }

    public string OutDir { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public static ReleaseFixture Of(string course, string? outDir = null)
    {
        outDir ??= Path.Combine(Path.GetTempPath(), $"student-copy-{Guid.NewGuid():N}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ReleaseRunner.Run(new ReleaseOptions(outDir, course), Course.Catalog, output, error);
        return new ReleaseFixture(outDir, code, output.ToString(), error.ToString());
    }

    /// <summary>Every file of the copy, relative, with '/' separators.</summary>
    public IReadOnlyList<string> Files() =>
        Directory.Exists(OutDir)
            ? [.. Directory.EnumerateFiles(OutDir, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(OutDir, path).Replace('\\', '/'))]
            : [];

    public void Dispose()
    {
        if (Directory.Exists(OutDir))
        {
            Directory.Delete(OutDir, recursive: true);
        }
    }
}
