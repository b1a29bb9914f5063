using System.Text;
using Autograder.Grader.Checks;
using Autograder.Grader.Checks.Scripts;
using Autograder.Grader.Run.Sandbox;
using Microsoft.Win32.SafeHandles;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// The worker process's side (`grader worker`): confines itself (<see cref="Confinement"/>), reads
/// run requests on its private request channel, runs the checks with <see cref="InProcessRunner"/>,
/// and writes framed results on its private result channel. What learner code prints goes to a
/// bounded buffer returned with each result, never to the grader.
/// </summary>
public static class WorkerHost
{
    // Leaves room within the grader's 8000-character cut for the note of what was left out.
    private const int MaxOutputChars = 7900;

    /// <summary>The verb that starts a worker: <c>grader worker</c>, with nothing after it.</summary>
    public const string Verb = WorkerProtocol.Command;

    public static int Run()
    {
        var confinement = Confinement.Enter();
        var (requests, results) = confinement.Channels is { } channels
            ? (Open(channels.Requests, FileAccess.Read), Open(channels.Results, FileAccess.Write))
            : (Console.OpenStandardInput(), Console.OpenStandardOutput());
        var input = new StreamReader(requests, Encoding.UTF8);
        var output = new StreamWriter(results, new UTF8Encoding(false)) { AutoFlush = true };
        var printed = new BoundedCapture(MaxOutputChars);
        Console.SetOut(printed);
        Console.SetError(printed);
        Console.SetIn(TextReader.Null);

        var hello = System.Text.Json.JsonSerializer.Deserialize(input.ReadLine() ?? "null", WorkerJson.Default.WorkerHello)
            ?? throw new InvalidOperationException("The worker expects the grader's hello first.");
        void Send(WorkerMessage message) => output.WriteLine(WorkerProtocol.Frame(hello.Secret, message));
        WatchGrader(hello.GraderProcessId);

        var catalog = CheckCatalog.FromBaseDirectory();
        Send(new WorkerMessage(WorkerMessageKind.Ready, Sandbox: confinement.Report.Layers));
        while (input.ReadLine() is { } line)
        {
            var request = System.Text.Json.JsonSerializer.Deserialize(line, WorkerJson.Default.RunRequest)!;
            if (request.Probes is { } probes)
            {
                Send(new WorkerMessage(WorkerMessageKind.Probed, Probes: SandboxProbes.Run(probes)));
                continue;
            }

            catalog.TryGetExercise(request.ExerciseId, out var exercise);
            var byId = catalog.ChecksOf(request.ExerciseId).ToDictionary(check => check.Id);
            foreach (var script in request.Scripts ?? [])
            {
                // A teacher's script runs again here to give the same checks the grader saw.
                foreach (var check in TeacherChecks.Instantiate(script, out _))
                {
                    byId[check.Id] = check;
                }
            }

            InProcessRunner.RunEach(
                exercise,
                request.Image,
                request.Symbols,
                [.. request.CheckIds.Select((id, i) => byId[id] with { Seed = request.Seeds[i] })],
                // The grader keeps the exercise's clock and kills the worker when it runs out; this
                // per-check limit is only a backstop, so it ends later. Were both the same, a hung
                // check ended either by the grader or here, a few milliseconds apart, and which
                // check the grader then found running (and so called "timed out" rather than "not
                // run") changed from one run to the next.
                TimeSpan.FromMilliseconds(request.TimeLimitMs) + BackstopMargin,
                onPrepared: () => Send(new WorkerMessage(WorkerMessageKind.Prepared)),
                onStarted: check =>
                {
                    printed.Clear();
                    Send(new WorkerMessage(WorkerMessageKind.Started, check.Id));
                },
                onFinished: result =>
                {
                    // The teacher's view of hidden checks travels too; the grader's records show
                    // learners only their part.
                    var wire = new WireResult(result.Status, result.Message, result.DurationMs, result.TeacherCurve, result.TeacherDetails,
                        printed.Take(), result.Measurements, result.TeacherMessage, result.LearnerStack);
                    Send(new WorkerMessage(WorkerMessageKind.Result, result.Id, wire));
                });
            Send(new WorkerMessage(WorkerMessageKind.Finished));
        }

        return 0;
    }

    /// <summary>How much longer than the grader's exercise limit a check may run before the worker ends it itself.</summary>
    private static readonly TimeSpan BackstopMargin = TimeSpan.FromSeconds(5);

    private static FileStream Open(int descriptor, FileAccess access) =>
        new(new SafeFileHandle(descriptor, ownsHandle: true), access, bufferSize: 0);

    /// <summary>
    /// Ends the worker once its grader is gone (killed, say), so that learner code stuck in a loop
    /// does not keep a core busy with nobody waiting for it. The parent-death signal does the same
    /// on Linux; this covers the systems without it.
    /// </summary>
    private static void WatchGrader(int graderProcessId)
    {
        var watch = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                if (!GraderAlive(graderProcessId))
                {
                    Environment.Exit(3);
                }
            }
        })
        { IsBackground = true, Name = "grader watch" };
        watch.Start();
    }

    private static bool GraderAlive(int graderProcessId)
    {
        if (OperatingSystem.IsLinux())
        {
            // The sandbox forbids signalling the grader, so ask who the parent is: an orphan is adopted.
            return Libc.GetPpid() == graderProcessId;
        }

        try
        {
            using var grader = System.Diagnostics.Process.GetProcessById(graderProcessId);
            return !grader.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // No such process any more.
        }
    }
}
