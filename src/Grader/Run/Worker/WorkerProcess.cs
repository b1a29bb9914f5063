using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// One running `grader worker`: its framed messages arrive on a queue, its memory is watched, and
/// the whole process tree is killed on a breach. Standard error is kept (the tail) to tell what
/// crashed it.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Process _process;
    private readonly string _secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private readonly BlockingCollection<WorkerMessage> _messages = [];
    private readonly StringBuilder _errorTail = new();
    private readonly Thread _stdoutReader;
    private readonly Thread _memoryWatch;
    private readonly long _memoryLimit;
    private volatile bool _disposed;

    private WorkerProcess(WorkerCommand command, long memoryLimit)
    {
        _memoryLimit = memoryLimit;
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The managed heap gets the same cap as the whole process: a managed blow-up then ends in
        // an OutOfMemoryException the worker reports, before the watch below has to kill it.
        start.Environment["DOTNET_GCHeapHardLimit"] = memoryLimit.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        // One libtorch thread per worker: small tensors gain nothing from more, two threads on a
        // busy 2-core machine wait for each other (exercise 04 ran 3 to 10 times slower), and a
        // class graded in parallel gets its speed from one worker per core.
        start.Environment["OMP_NUM_THREADS"] = "1";
        start.Environment["MKL_NUM_THREADS"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command.FileName}");
        _process.StandardInput.AutoFlush = true;
        _process.ErrorDataReceived += (_, e) => KeepErrorTail(e.Data);
        _process.BeginErrorReadLine();
        _stdoutReader = new Thread(ReadMessages) { IsBackground = true, Name = "worker stdout" };
        _stdoutReader.Start();
        _memoryWatch = new Thread(WatchMemory) { IsBackground = true, Name = "worker memory" };
        _memoryWatch.Start();
        Send(new WorkerHello(_secret, Environment.ProcessId));
    }

    /// <summary>Set when the watch killed the worker for using too much memory: the peak seen.</summary>
    public long? MemoryBreach { get; private set; }

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(WorkerCommand command, long memoryLimit, TimeSpan startTimeout)
    {
        var worker = new WorkerProcess(command, memoryLimit);
        if (worker.Receive(startTimeout) is { Kind: WorkerMessageKind.Ready })
        {
            return worker;
        }

        var error = worker.ErrorTail;
        worker.Dispose();
        throw new InvalidOperationException($"the worker process did not start: {(error.Length > 0 ? error : "no message")}");
    }

    public void Send<T>(T message) => _process.StandardInput.WriteLine(JsonSerializer.Serialize(message, WorkerProtocol.Json));

    /// <summary>The next message, or null when none came in time or the worker is gone.</summary>
    public WorkerMessage? Receive(TimeSpan timeout)
    {
        try
        {
            return _messages.TryTake(out var message, timeout) ? message : null;
        }
        catch (InvalidOperationException)
        {
            return null; // The queue was completed: the worker's output ended.
        }
    }

    /// <summary>Whether the worker's output has ended (it exited or was killed).</summary>
    public bool OutputEnded => _messages.IsCompleted;

    /// <summary>The exit code, waiting briefly for a worker whose output has just ended to be reaped.</summary>
    public int? ExitCode => _process.WaitForExit(2000) ? _process.ExitCode : null;

    public string ErrorTail
    {
        get
        {
            lock (_errorTail)
            {
                return _errorTail.ToString().Trim();
            }
        }
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _process.StandardInput.Close(); // A healthy worker ends when its input ends.
            if (!_process.WaitForExit(2000))
            {
                Kill();
            }
        }
        catch (IOException)
        {
            Kill();
        }

        _stdoutReader.Join(2000);
        _process.Dispose();
        _messages.Dispose();
    }

    private void ReadMessages()
    {
        try
        {
            while (_process.StandardOutput.ReadLine() is { } line)
            {
                // Lines without the secret are native libraries printing to the raw output; they
                // are not messages and are dropped.
                if (WorkerProtocol.Unframe(_secret, line) is { } message)
                {
                    _messages.Add(message);
                }
            }
        }
        catch (IOException)
        {
            // The pipe broke because the worker died; the runner reads the cause from the exit.
        }
        finally
        {
            _messages.CompleteAdding();
        }
    }

    private void WatchMemory()
    {
        while (!_disposed)
        {
            try
            {
                _process.Refresh();
                if (_process.HasExited)
                {
                    return;
                }

                var resident = _process.WorkingSet64;
                if (resident > _memoryLimit)
                {
                    MemoryBreach = resident;
                    Kill();
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                return;
            }

            Thread.Sleep(MemoryPollInterval);
        }
    }

    private void KeepErrorTail(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_errorTail)
        {
            _errorTail.AppendLine(line);
            if (_errorTail.Length > 4000)
            {
                _errorTail.Remove(0, _errorTail.Length - 4000);
            }
        }
    }
}
