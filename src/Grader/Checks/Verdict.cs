namespace Autograder.Grader.Checks;

/// <summary>The outcome a check reports: passed, failed or skipped, with a message for the learner.</summary>
public sealed record Verdict
{
    private Verdict(VerdictKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    public VerdictKind Kind { get; }

    /// <summary>On failure: what was expected, what was seen, and a hint at the idea behind the check.</summary>
    public string Message { get; }

    /// <summary>A series to draw beside the result, such as the loss per step.</summary>
    public Curve? Curve { get; init; }

    /// <summary>
    /// What a person reads beside the message but a report must not depend on, such as measured
    /// times: shown in the console and in learners' tests, left out of the JSON report so that
    /// grading stays reproducible.
    /// </summary>
    public string Details { get; init; } = "";

    public static Verdict Pass(string message = "") => new(VerdictKind.Passed, message);

    public static Verdict Fail(string message) => new(VerdictKind.Failed, message);

    /// <summary>The check cannot run here (no GPU, say). Counts neither for nor against the score.</summary>
    public static Verdict Skip(string reason) => new(VerdictKind.Skipped, reason);

    public static Verdict PassIf(bool condition, string failure, string success = "") =>
        condition ? Pass(success) : Fail(failure);

    public Verdict WithDetails(string details) => this with { Details = details };

    public Verdict WithCurve(string label, IEnumerable<double> values) =>
        this with { Curve = new Curve(label, [.. values]) };
}

public enum VerdictKind
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>A labelled series of values, such as a loss curve.</summary>
public sealed record Curve(string Label, IReadOnlyList<double> Values);
