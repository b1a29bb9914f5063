namespace Autograder.Grader.Tests.Support;

/// <summary>A fixture whose every test works in a fresh temporary folder, removed after the test.</summary>
public abstract class TempFolderTest
{
    private TempFolder? _folder;

    /// <summary>The running test's folder.</summary>
    protected string Folder => FolderOf().Path;

    /// <summary>A path inside the running test's folder.</summary>
    protected string InFolder(params string[] parts) => FolderOf().Combine(parts);

    [SetUp]
    public void CreateTempFolder() => _folder = new TempFolder(GetType().Name);

    [TearDown]
    public void RemoveTempFolder()
    {
        _folder?.Dispose();
        _folder = null;
    }

    private TempFolder FolderOf() => _folder ?? throw new InvalidOperationException("The temporary folder exists only while a test runs.");
}
