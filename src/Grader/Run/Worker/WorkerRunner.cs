using System.Diagnostics;
using Autograder.Grader.Checks;
using Autograder.Grader.Checks.Scripts;
using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;
using Autograder.Grader.Run.Sandbox;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// Runs learner code in a sandboxed worker process with a wall-clock limit per exercise and a
/// memory cap. A hang, a crash or a memory blow-up ends that exercise with an error result naming
/// the cause; the checks that finished keep their results. Every exercise gets a fresh worker,
/// never one that ran other code before, so no static field, process-wide default or finaliser
/// crosses from one exercise to the next. The start-up is hidden: the first worker starts when
/// the runner is made (with the first compile), and each next one as soon as an exercise begins.
/// </summary>
public sealed class WorkerRunner : IExerciseRunner
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly RunLimits _limits;
    private readonly WorkerCommand? _command;
    private readonly IReadOnlyList<int> _cpus;
    private readonly List<SandboxReport> _sandboxes = [];
    private Task<WorkerProcess>? _next;

    /// <param name="limits">Time and memory limits of each exercise's worker.</param>
    /// <param name="command">How to start a worker; null: this grader's own.</param>
    /// <param name="cpus">The cores its workers may run on (a batch lane's); empty or null: any.</param>
    public WorkerRunner(RunLimits? limits = null, WorkerCommand? command = null, IReadOnlyList<int>? cpus = null)
    {
        _limits = limits ?? RunLimits.Default;
        _command = command;
        _cpus = cpus ?? [];
        _next = StartWorker();
    }

    /// <summary>The sandbox layers in force in every worker that ran an exercise; null before any did.</summary>
    public string? Sandbox => _sandboxes.Count == 0 ? null : SandboxReport.Weakest(_sandboxes);

    /// <summary>The layers of each worker that ran an exercise, in order.</summary>
    public IReadOnlyList<SandboxReport> Sandboxes => _sandboxes;

    /// <summary>Runs the grader's sandbox probes (name to argument) in a fresh worker; null when it did not answer.</summary>
    internal (SandboxReport Sandbox, Dictionary<string, string>? Probes) Probe(Dictionary<string, string> probes, TimeSpan timeout)
    {
        using var worker = TakeWorker();
        worker.Send(new RunRequest("", [], [], [], 0, [], probes));
        var answer = worker.Receive(timeout);
        return (worker.Sandbox, answer is { Kind: WorkerMessageKind.Probed, Probes: { } outcomes } ? outcomes : null);
    }

    public IReadOnlyList<CheckResult> Run(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer)
    {
        if (checks.Any(IsBrokenScript))
        {
            return RunAroundBrokenScripts(exercise, compiled, checks, observer);
        }

        var timeLimit = _limits.TimeLimitFor(exercise.Budget);
        WorkerProcess worker;
        try
        {
            worker = TakeWorker();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            return [.. checks.Select(check => CheckRunner.Outcome(check, ResultStatus.Error,
                $"not run: the grader could not start its worker process ({e.Message}). This is not your code's fault: please tell your teacher."))];
        }

        using var used = worker;
        _sandboxes.Add(worker.Sandbox);
        worker.Send(new RunRequest(exercise.Id, [.. checks.Select(check => check.Id)], compiled.Image, compiled.Symbols,
            (long)timeLimit.TotalMilliseconds, [.. checks.Select(check => check.Seed)],
            Scripts: ScriptsOf(checks)));

        var byId = checks.ToDictionary(check => check.Id);
        var results = new Dictionary<string, CheckResult>();
        string? running = null;
        // The limit starts once the worker has loaded what the exercise needs (libtorch takes
        // seconds on a busy machine): a slow start is the grader's, not the learner's. No learner
        // code runs before Prepared, and the start has a limit of its own.
        var prepared = worker.Receive(StartTimeout);
        if (prepared is not { Kind: WorkerMessageKind.Prepared })
        {
            var cause = worker.OutputEnded || worker.HasExited
                ? CrashCause.Explain(worker, _limits.MemoryBytes)
                : $"the grader's worker process took over {RunLimits.Describe(StartTimeout)} to load the exercise, before any of your code ran. This is not your code's fault: please tell your teacher";
            worker.Kill();
            List<CheckResult> unrun = [.. checks.Select(check => CheckRunner.Outcome(check, ResultStatus.Error, $"not run: {cause}."))];
            unrun.ForEach(result => observer?.CheckFinished(exercise, result));
            return unrun;
        }

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

        // No message in time, or none at all any more: the worker hung, crashed, flooded its
        // channel or ran out of memory. Disposing it kills its whole process group.
        var failure = worker.OutputEnded || worker.HasExited
            ? CrashCause.Explain(worker, _limits.MemoryBytes)
            : $"timed out after {RunLimits.Describe(timeLimit)}. Look for a loop that never ends, or one that does far more work than the exercise needs";
        worker.Kill();
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
            _next?.GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            // It never started; there is nothing to stop.
        }

        _next = null;
    }

    private static bool IsBrokenScript(CheckDefinition check) => check.Script?.Problem is not null;

    /// <summary>The compiled teacher scripts that define some of these checks, each once; null when none does.</summary>
    private static List<CheckScript>? ScriptsOf(IReadOnlyList<CheckDefinition> checks)
    {
        var scripts = checks.Select(check => check.Script).OfType<CheckScript>().Distinct().ToList();
        return scripts.Count == 0 ? null : scripts;
    }

    /// <summary>A teacher's script that did not compile has nothing to run: its stand-in check is answered here.</summary>
    private List<CheckResult> RunAroundBrokenScripts(
        ExerciseSpec exercise, CompileResult.Success compiled, IReadOnlyList<CheckDefinition> checks, IGradingObserver? observer)
    {
        var runnable = checks.Where(check => !IsBrokenScript(check)).ToList();
        var ran = (runnable.Count > 0 ? Run(exercise, compiled, runnable, observer) : []).ToDictionary(result => result.Id);
        return [.. checks.Select(check =>
        {
            if (ran.TryGetValue(check.Id, out var result))
            {
                return result;
            }

            var broken = CheckRunner.Outcome(check, ResultStatus.Error, check.Script!.Problem!);
            observer?.CheckFinished(exercise, broken);
            return broken;
        })];
    }

    /// <summary>The worker started in advance, and the start of the one after it, so that it is ready in turn.</summary>
    private WorkerProcess TakeWorker()
    {
        var next = _next ?? StartWorker();
        _next = StartWorker();
        var worker = next.GetAwaiter().GetResult();
        worker.WaitUntilReady(StartTimeout);
        return worker;
    }

    private static WorkerMessage? Receive(WorkerProcess worker, TimeSpan left) =>
        left > TimeSpan.Zero ? worker.Receive(left) : null;

    private Task<WorkerProcess> StartWorker() =>
        Task.Run(() =>
        {
            var command = _command ?? WorkerCommand.Locate();
            return WorkerProcess.Launch(_cpus.Count > 0 ? command with { Cpus = _cpus } : command, _limits.MemoryBytes);
        });

    /// <summary>A result built from the grader's own definition: the worker reports status and message only.</summary>
    private static CheckResult Rebuild(CheckDefinition check, WireResult wire) =>
        CheckRunner.Outcome(check, wire.Status, Truncate(wire.Message, 4000)) with
        {
            DurationMs = wire.DurationMs,
            Curve = wire.Curve is { } curve ? curve with { Values = [.. curve.Values.Take(10_000)] } : null,
            Details = Truncate(wire.Details, 2000),
            Output = Truncate(wire.Output, 8000),
            Measurements = [.. (wire.Measurements ?? []).Take(32)],
            TeacherMessage = wire.TeacherMessage is { } full ? Truncate(full, 4000) : null,
            LearnerStack = check.Visibility == Visibility.Hidden
                ? []
                : [.. (wire.LearnerStack ?? []).Take(20).Select(frame => frame with { Method = Truncate(frame.Method, 300), File = Truncate(frame.File, 300) })],
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
