using System.Text.Json;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// What the grader and its worker process say to each other, one JSON object per line. Lines
/// from the worker start with a secret the grader gave it, so that nothing learner code prints
/// can pass for a message.
/// </summary>
internal static class WorkerProtocol
{
    public const string Command = "worker";

    public static string Frame(string secret, WorkerMessage message) =>
        $"@{secret}@ {JsonSerializer.Serialize(message, WorkerJson.Default.WorkerMessage)}";

    /// <summary>The message in <paramref name="line"/>, or null when the line does not carry the secret.</summary>
    public static WorkerMessage? Unframe(string secret, string line)
    {
        var prefix = $"@{secret}@ ";
        if (!line.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(line.AsSpan(prefix.Length), WorkerJson.Default.WorkerMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The first line the grader sends: the secret that marks the worker's messages, and the
/// grader's process ID, so that a worker whose grader is gone ends itself.
/// </summary>
internal sealed record WorkerHello(string Secret, int GraderProcessId);

/// <summary>
/// Run these checks of this exercise on this compiled image. <c>Seeds</c>, parallel to
/// <c>CheckIds</c>, are the seeds the grader resolved (hidden ones derived from the course
/// secret, which the worker never reads). When <see cref="Probes"/> is set, the worker runs the
/// grader's own sandbox probes (name to argument) instead (<c>grader sandbox</c>). <c>Scripts</c>
/// are the compiled teacher scripts that define some of the checks (<c>--checks</c>).
/// </summary>
internal sealed record RunRequest(
    string ExerciseId, string[] CheckIds, byte[] Image, byte[] Symbols, long TimeLimitMs, int[] Seeds,
    Dictionary<string, string>? Probes = null, IReadOnlyList<Checks.Scripts.CheckScript>? Scripts = null);

internal enum WorkerMessageKind
{
    Ready,
    Prepared,
    Started,
    Result,
    Finished,
    Probed,
}

/// <summary>
/// A message from the worker: ready (with the sandbox layers in force), prepared (the exercise's
/// code loaded, and libtorch when it uses TorchSharp: the time limit starts here), a check started, a check's
/// result, the exercise finished, or the outcome of each sandbox probe.
/// </summary>
internal sealed record WorkerMessage(
    WorkerMessageKind Kind,
    string? CheckId = null,
    WireResult? Result = null,
    IReadOnlyList<Sandbox.SandboxLayer>? Sandbox = null,
    Dictionary<string, string>? Probes = null);

/// <summary>
/// The part of a check result the worker reports. The grader rebuilds the full result from its
/// own check definitions (points, name, visibility, seed), so a worker cannot change a score.
/// </summary>
internal sealed record WireResult(
    ResultStatus Status, string Message, long DurationMs, Curve? Curve, string Details, string Output, IReadOnlyList<Measurement>? Measurements = null,
    string? TeacherMessage = null, IReadOnlyList<LearnerFrame>? LearnerStack = null);
