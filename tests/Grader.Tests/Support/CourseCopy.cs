namespace Autograder.Grader.Tests.Support;

/// <summary>A small copy of this course in a temporary folder, for a test that breaks one thing in it.</summary>
internal sealed class CourseCopy : IDisposable
{
    private readonly TempFolder _folder = new("course");

    public string Root => _folder.Path;

    /// <summary>Copies <paramref name="files"/> (paths relative to the course) and every file of <paramref name="folders"/>.</summary>
    public static CourseCopy Of(IEnumerable<string> files, IEnumerable<string>? folders = null)
    {
        var copy = new CourseCopy();
        var folderFiles = (folders ?? []).SelectMany(folder => Directory.EnumerateFiles(Course.PathOf(folder)).Select(file => $"{folder}/{Path.GetFileName(file)}"));
        foreach (var file in files.Concat(folderFiles))
        {
            var target = copy.PathOf(file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Course.PathOf(file), target);
        }

        return copy;
    }

    public string PathOf(params string[] parts) => _folder.Combine(parts);

    /// <summary>Replaces <paramref name="find"/> in <paramref name="file"/>, which must still hold it.</summary>
    public void Edit(string file, string find, string replace)
    {
        var path = PathOf(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(find), $"{file} no longer holds the text this test changes");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
