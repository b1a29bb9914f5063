using System.Runtime.CompilerServices;

namespace Autograder.Grader.Checks;

/// <summary>
/// Declares a check on the method that runs it, a <c>static Verdict Name(CheckContext context)</c>
/// of a <see cref="CheckSource"/>, which lists its checks in the order of these attributes' lines.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CheckAttribute(string slug, string name, [CallerLineNumber] int line = 0) : Attribute
{
    /// <summary>Short kebab-case name, unique within the exercise (<see cref="CheckDefinition.Slug"/>).</summary>
    public string Slug { get; } = slug;

    /// <summary>What the check establishes, in a few words a learner understands.</summary>
    public string Name { get; } = name;

    public required int Points { get; init; }

    /// <summary>Seed of everything random in the check (<see cref="CheckDefinition.Seed"/>).</summary>
    public required int Seed { get; init; }

    public Visibility Visibility { get; init; } = Visibility.Visible;

    /// <summary>
    /// The attribute's line in its file, filled in by the compiler: metadata keeps no reliable
    /// order of methods, a line number does.
    /// </summary>
    public int Line { get; } = line;
}
