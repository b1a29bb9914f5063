using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// Runs learner code in a worker process with a wall-clock limit per exercise and a memory cap.
/// A hang, a crash or a memory blow-up ends that exercise with an error result naming the cause;
/// the checks that finished keep their results, and the next exercise gets a fresh worker. A
/// healthy worker is reused for the next exercise of the same submission, so isolation costs one
/// process start per submission, and that start overlaps the compile of the first exercise: the
/// worker is started as soon as the runner is made.
/// </summary>
public sealed class WorkerRunner : IExerciseRunner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly RunLimits _limits;
    private readonly WorkerCommand? _command;
    private Task<WorkerProcess>? _worker;

    public WorkerRunner(RunLimits? limits = null, WorkerCommand? command = null)
    {
        _limits = limits ?? RunLimits.Default;
        _command = command;
        _worker = StartWorker();
    }

    public IReadOnlyList<CheckResult> Run(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer)
    {
        var timeLimit = _limits.TimeLimitFor(exercise.Budget);
        WorkerProcess worker;
        try
        {
            worker = (_worker ??= StartWorker()).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            _worker = null;
            return [.. checks.Select(check => CheckRunner.Outcome(check, ResultStatus.Error,
                $"not run: the grader could not start its worker process ({e.Message}). This is not your code's fault: please tell your teacher."))];
        }

        worker.Send(new RunRequest(exercise.Id, [.. checks.Select(check => check.Id)], compiled.Image, compiled.Symbols,
            (long)timeLimit.TotalMilliseconds, [.. checks.Select(check => check.Seed)]));

        var byId = checks.ToDictionary(check => check.Id);
        var results = new Dictionary<string, CheckResult>();
        string? running = null;
        var clock = Stopwatch.StartNew();
        WorkerMessage? message;
        while ((message = Receive(worker, timeLimit - clock.Elapsed)) is not null)
        {
            switch (message.Kind)
            {
                case WorkerMessageKind.Started when message.CheckId is { } id && byId.ContainsKey(id):
                    running = id;
                    break;
                case WorkerMessageKind.Result when message is { CheckId: { } id, Result: { } wire } && byId.TryGetValue(id, out var check):
                    var result = Rebuild(check, wire);
                    results[id] = result;
                    observer?.CheckFinished(exercise, result);
                    running = null;
                    break;
                case WorkerMessageKind.Finished:
                    return Ordered(checks, results, cause: null, running: null);
            }
        }

        // No message in time, or none at all any more: the worker hung, crashed or ran out of
        // memory and is no longer trustworthy. The next exercise gets a new one, started now so
        // that it is ready by then.
        var failure = worker.OutputEnded || worker.HasExited
            ? CrashCause.Explain(worker, _limits.MemoryBytes)
            : $"timed out after {RunLimits.Describe(timeLimit)}. Look for a loop that never ends, or one that does far more work than the exercise needs";
        worker.Kill();
        worker.Dispose();
        _worker = StartWorker();
        var ordered = Ordered(checks, results, failure, running);
        foreach (var result in ordered.Where(result => !results.ContainsKey(result.Id)))
        {
            observer?.CheckFinished(exercise, result);
        }

        return ordered;
    }

    public void Dispose()
    {
        try
        {
            _worker?.GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // It never started; there is nothing to stop.
        }

        _worker = null;
    }

    private static WorkerMessage? Receive(WorkerProcess worker, TimeSpan left) =>
        left > TimeSpan.Zero ? worker.Receive(left) : null;

    private Task<WorkerProcess> StartWorker() =>
        Task.Run(() => WorkerProcess.Start(_command ?? WorkerCommand.Locate(), _limits.MemoryBytes, StartTimeout));

    /// <summary>A result built from the grader's own definition: the worker reports status and message only.</summary>
    private static CheckResult Rebuild(CheckDefinition check, WireResult wire) =>
        CheckRunner.Outcome(check, wire.Status, Truncate(wire.Message, 4000)) with
        {
            DurationMs = wire.DurationMs,
            Curve = wire.Curve is { } curve ? curve with { Values = [.. curve.Values.Take(10_000)] } : null,
            Details = Truncate(wire.Details, 2000),
            Output = Truncate(wire.Output, 8000),
            Measurements = [.. (wire.Measurements ?? []).Take(32)],
        };

    private static List<CheckResult> Ordered(
        IReadOnlyList<CheckDefinition> checks, Dictionary<string, CheckResult> results, string? cause, string? running) =>
        [.. checks.Select(check => results.TryGetValue(check.Id, out var result)
            ? result
            : CheckRunner.Outcome(check, ResultStatus.Error, check.Id == running
                ? $"{cause}."
                : $"not run: the exercise stopped in an earlier check ({FirstClause(cause)})."))];

    private static string FirstClause(string? cause) =>
        cause is null ? "no result" : cause.Split(". ", 2)[0];

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "...";
}
