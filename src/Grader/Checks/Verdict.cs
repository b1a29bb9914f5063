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

    /// <summary>
    /// The quantities the check compared with a threshold, such as held-out accuracy against 0.95:
    /// the seed sweep (tools/SeedSweep) reads them to show how much room every correct solution has.
    /// </summary>
    public IReadOnlyList<Measurement> Measurements { get; init; } = [];

    public static Verdict Pass(string message = "") => new(VerdictKind.Passed, message);

    public static Verdict Fail(string message) => new(VerdictKind.Failed, message);

    /// <summary>The check cannot run here (no GPU, say). Counts neither for nor against the score.</summary>
    public static Verdict Skip(string reason) => new(VerdictKind.Skipped, reason);

    public static Verdict PassIf(bool condition, string failure, string success = "") =>
        condition ? Pass(success) : Fail(failure);

    public Verdict WithDetails(string details) => this with { Details = details };

    /// <summary>Records a quantity the check judged against a threshold (see <see cref="Measurements"/>).</summary>
    public Verdict WithMeasurement(string name, double seen, double threshold, bool higherIsBetter) =>
        this with { Measurements = [.. Measurements, new Measurement(name, seen, threshold, higherIsBetter)] };

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

/// <summary>
/// A quantity a check compared with its threshold. <see cref="Margin"/> is how far the value is on
/// the passing side (negative when it failed), in the quantity's own unit.
/// </summary>
public sealed record Measurement(string Name, double Seen, double Threshold, bool HigherIsBetter)
{
    public double Margin => HigherIsBetter ? Seen - Threshold : Threshold - Seen;
}
