namespace Autograder.Grader.Run.Sandbox;

/// <summary>One layer of the worker's sandbox: whether it is in force, and in a few words how or why not.</summary>
public sealed record SandboxLayer(string Name, bool Active, string Detail)
{
    public static SandboxLayer On(string name, string detail = "") => new(name, true, detail);

    public static SandboxLayer Off(string name, string why) => new(name, false, why);

    /// <summary>The name as the report shows it, e.g. "landlock (ABI 7)".</summary>
    public string Label => Name == Landlock.Name && Active ? $"{Name} ({Detail.Split(';')[0]})" : Name;
}
