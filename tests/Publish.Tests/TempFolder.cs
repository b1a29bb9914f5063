namespace Autograder.Publish.Tests;

/// <summary>A fresh folder under the system's temporary folder, removed with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("publish-tests-").FullName;

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Every file under <paramref name="folder"/> by its relative path, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) => new(
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(file => System.IO.Path.GetRelativePath(folder, file), File.ReadAllBytes),
        StringComparer.Ordinal);
}
