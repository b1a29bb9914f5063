namespace Autograder.Grader.Policy;

/// <summary>A use of a banned API, placed in the learner's file.</summary>
public sealed record PolicyViolation(string File, int Line, int Column, string Api, string Reason)
{
    public override string ToString() => $"{File} line {Line}: {Api}: {Reason}";
}
