namespace Autograder.Grader.Policy;

/// <summary>What the policy found in a submission, or (with no violations) the <see cref="Limit"/> its walk ran into.</summary>
public sealed record PolicyResult(IReadOnlyList<PolicyViolation> Violations)
{
    /// <summary>Set when the walk did not finish within its time: a sentence for the learner, naming the file where known.</summary>
    public string? Limit { get; init; }
}
