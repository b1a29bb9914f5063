namespace Autograder.Grader.Run.Worker;

/// <summary>Words for why a worker process ended in the middle of a check.</summary>
internal static class CrashCause
{
    public static string Explain(WorkerProcess worker, long memoryLimit)
    {
        if (worker.MemoryBreach is { } peak)
        {
            return $"exceeded {RunLimits.Describe(memoryLimit)} of memory (reached {RunLimits.Describe(peak)}). " +
                "Look for data that grows without bound, or arrays and tensors far larger than the exercise needs";
        }

        var error = worker.ErrorTail;
        if (error.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase))
        {
            return "crashed: stack overflow. Look for a recursion without a base case (a method that calls itself forever)";
        }

        if (error.Contains("OutOfMemory", StringComparison.OrdinalIgnoreCase))
        {
            return $"exceeded {RunLimits.Describe(memoryLimit)} of memory";
        }

        if (error.Contains("Process terminated", StringComparison.Ordinal) || error.Contains("FailFast", StringComparison.Ordinal))
        {
            return "crashed: the process was ended on purpose (Environment.FailFast or similar)";
        }

        return worker.ExitCode switch
        {
            134 => "crashed: a native library aborted (SIGABRT), for example libtorch on a tensor of the wrong shape or type",
            139 => "crashed: a native library accessed invalid memory (SIGSEGV)",
            137 => "crashed: the process was killed (SIGKILL), usually by the system for using too much memory",
            { } code => $"crashed: the process ended with exit code {code}",
            null => "crashed: the process stopped answering",
        };
    }
}
