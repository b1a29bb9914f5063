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

        if (worker.ThreadBreach is { } threads)
        {
            return $"started too many threads: {threads} at once, where the limit is {WorkerProcess.ThreadLimit}. " +
                "Start threads only where the exercise asks for them (none does): libtorch already runs tensor work in parallel";
        }

        if (worker.Flooded)
        {
            return $"printed too much: more than {BoundedLineReader.MaxBytesBetweenMessages >> 20} MiB reached the grader's result channel " +
                "without a result, so the check was stopped. Print less, and never write to the process's own output handles";
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
            153 => "crashed: it tried to write a file (SIGXFSZ); checks run where no file may be written",
            159 => "crashed: it made a system call the grader's sandbox forbids (SIGSYS)",
            { } code => $"crashed: the process ended with exit code {code}",
            null => "crashed: the process stopped answering",
        };
    }
}
