namespace Autograder.Authoring.Validate;

/// <summary>
/// One thing wrong with the course: where, what the course should hold there, what it holds, and
/// what to do about it.
/// </summary>
internal sealed record Breakage(string Where, string Expected, string Seen, string Fix)
{
    public override string ToString() =>
        $"{Where}\n  expected: {Expected}\n  seen:     {Seen}\n  fix:      {Fix}";
}
