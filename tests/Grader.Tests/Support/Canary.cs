namespace Autograder.Grader.Tests.Support;

/// <summary>
/// A file outside the submission that attacks go after. It holds a secret of its own, so that a
/// test can tell whether the file was read (the secret shows up) or changed.
/// </summary>
internal sealed class Canary
{
    private readonly string _text;
    private readonly DateTime _written;

    private Canary(string path, string secret, string text)
    {
        Path = path;
        Secret = secret;
        _text = text;
        File.WriteAllText(path, text);
        _written = File.GetLastWriteTimeUtc(path);
    }

    public string Path { get; }

    public string Secret { get; }

    /// <summary>Writes the canary <paramref name="name"/> into <paramref name="folder"/>; <paramref name="text"/> wraps the secret (the secret alone by default).</summary>
    public static Canary Plant(string folder, string name = "canary.txt", Func<string, string>? text = null)
    {
        var secret = $"canary-secret-{Guid.NewGuid():N}";
        return new Canary(System.IO.Path.Combine(folder, name), secret, text is null ? secret : text(secret));
    }

    /// <summary>The canary is as it was planted, and <paramref name="seen"/> (what the grader wrote) does not hold its secret.</summary>
    public void AssertUntouched(string seen, string what = "the report")
    {
        Assert.That(File.ReadAllText(Path), Is.EqualTo(_text), "the canary was changed");
        Assert.That(File.GetLastWriteTimeUtc(Path), Is.EqualTo(_written), "the canary was written");
        Assert.That(seen, Does.Not.Contain(Secret), $"the canary's content reached {what}");
    }
}
