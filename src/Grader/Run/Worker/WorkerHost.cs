using System.Text;
using Autograder.Grader.Checks;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// The worker process's side (`grader worker`): reads run requests on standard input, runs the
/// checks with <see cref="InProcessRunner"/>, and writes framed results on standard output. What
/// learner code prints goes to a buffer returned with each result, never to the real output.
/// </summary>
public static class WorkerHost
{
    private const int MaxOutputChars = 8000;

    public static int Run()
    {
        var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var printed = new StringWriter();
        Console.SetOut(printed);
        Console.SetError(printed);
        Console.SetIn(TextReader.Null);

        var hello = System.Text.Json.JsonSerializer.Deserialize<WorkerHello>(input.ReadLine() ?? "null", WorkerProtocol.Json)
            ?? throw new InvalidOperationException("The worker expects the grader's hello first.");
        void Send(WorkerMessage message) => output.WriteLine(WorkerProtocol.Frame(hello.Secret, message));
        WatchGrader(hello.GraderProcessId);

        var catalog = CheckCatalog.FromBaseDirectory();
        Send(new WorkerMessage(WorkerMessageKind.Ready));
        while (input.ReadLine() is { } line)
        {
            var request = System.Text.Json.JsonSerializer.Deserialize<RunRequest>(line, WorkerProtocol.Json)!;
            catalog.TryGetExercise(request.ExerciseId, out var exercise);
            var byId = catalog.ChecksOf(request.ExerciseId).ToDictionary(check => check.Id);
            InProcessRunner.RunEach(
                exercise,
                request.Image,
                request.Symbols,
                [.. request.CheckIds.Select((id, i) => byId[id] with { Seed = request.Seeds[i] })],
                TimeSpan.FromMilliseconds(request.TimeLimitMs),
                onStarted: check =>
                {
                    printed.GetStringBuilder().Clear();
                    Send(new WorkerMessage(WorkerMessageKind.Started, check.Id));
                },
                onFinished: result =>
                {
                    var text = printed.ToString();
                    var wire = new WireResult(result.Status, result.Message, result.DurationMs, result.Curve, result.Details,
                        text.Length > MaxOutputChars ? text[..MaxOutputChars] + "\n..." : text, result.Measurements);
                    Send(new WorkerMessage(WorkerMessageKind.Result, result.Id, wire));
                });
            Send(new WorkerMessage(WorkerMessageKind.Finished));
        }

        return 0;
    }

    /// <summary>
    /// Ends the worker once its grader is gone (killed, say), so that learner code stuck in a loop
    /// does not keep a core busy with nobody waiting for it.
    /// </summary>
    private static void WatchGrader(int graderProcessId)
    {
        var watch = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                try
                {
                    using var grader = System.Diagnostics.Process.GetProcessById(graderProcessId);
                    if (grader.HasExited)
                    {
                        Environment.Exit(3);
                    }
                }
                catch (ArgumentException)
                {
                    Environment.Exit(3); // No such process any more.
                }
            }
        })
        { IsBackground = true, Name = "grader watch" };
        watch.Start();
    }
}
