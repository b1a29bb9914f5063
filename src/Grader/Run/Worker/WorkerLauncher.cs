using System.Collections.Concurrent;
using System.Diagnostics;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// Starts worker processes from one thread that lives as long as the grader. Linux sends a
/// child its parent-death signal when the *thread* that started it ends, and thread-pool
/// threads end after a while idle: started from one of those, a healthy worker would be killed
/// in the middle of an exercise.
/// </summary>
internal static class WorkerLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Done)> Requests = [];

    static WorkerLauncher()
    {
        new Thread(Serve) { IsBackground = true, Name = "worker launcher" }.Start();
    }

    public static Process Start(ProcessStartInfo start)
    {
        var done = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, done));
        return done.Task.GetAwaiter().GetResult();
    }

    private static void Serve()
    {
        foreach (var (start, done) in Requests.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}"));
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
