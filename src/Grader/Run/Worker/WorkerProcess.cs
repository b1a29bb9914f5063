using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Autograder.Grader.Run.Sandbox;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// One running `grader worker`: its framed messages arrive on a queue (read in bounded pieces),
/// its memory and thread count are watched, and on a breach, a time-out or when it is done, its whole process group
/// is killed. Standard error is kept (a bounded tail) to tell what crashed it.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    /// <summary>
    /// Threads a worker may run at once. A check needs the runtime's threads (a few dozen) and
    /// libtorch's pools, which grow with the cores; thousands would exhaust
    /// the machine's task table, and root ignores RLIMIT_NPROC, so the watch counts them itself.
    /// </summary>
    public static readonly int ThreadLimit = 256 + (4 * Environment.ProcessorCount);

    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(50);
    private readonly Process _process;
    private readonly string _secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private readonly BlockingCollection<WorkerMessage> _messages = [];
    private readonly StringBuilder _errorTail = new();
    private readonly Thread _stdoutReader;
    private readonly Thread _stderrReader;
    private readonly BoundedLineReader _results;
    private readonly Thread _limitsWatch;
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
        // No diagnostics server: it would create sockets in /tmp, which the sandbox forbids.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        // W^X makes the runtime map its code through a memory file it must size with ftruncate,
        // which RLIMIT_FSIZE 0 forbids (CoreCLR then fails to start). Without it the runtime also
        // starts faster; learner code is managed code either way.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        foreach (var variable in SandboxSwitches.All)
        {
            start.Environment.Remove(variable);
        }

        start.Environment[SandboxSwitches.GraderProcessId] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        if (command.SkipLayers.Count > 0)
        {
            start.Environment[SandboxSwitches.Skip] = string.Join(',', command.SkipLayers);
        }

        if (command.Cpus.Count > 0)
        {
            start.Environment[SandboxSwitches.Cpus] = string.Join(',', command.Cpus);
        }

        _process = WorkerLauncher.Start(start);
        _process.StandardInput.AutoFlush = true;
        _results = new BoundedLineReader(_process.StandardOutput.BaseStream);
        _stderrReader = new Thread(ReadErrors) { IsBackground = true, Name = "worker stderr" };
        _stderrReader.Start();
        _stdoutReader = new Thread(ReadMessages) { IsBackground = true, Name = "worker stdout" };
        _stdoutReader.Start();
        _limitsWatch = new Thread(WatchLimits) { IsBackground = true, Name = "worker limits" };
        _limitsWatch.Start();
        Send(new WorkerHello(_secret, Environment.ProcessId));
    }

    /// <summary>Set when the watch killed the worker for using too much memory: the peak seen.</summary>
    public long? MemoryBreach { get; private set; }

    /// <summary>Set when the watch killed the worker for starting too many threads: the count seen.</summary>
    public int? ThreadBreach { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The layers the worker reported in force when it was ready.</summary>
    public SandboxReport Sandbox { get; private set; } = new([]);

    /// <summary>Set when the worker sent more than the result channel takes without a message.</summary>
    public bool Flooded => _results.Flooded;

    /// <summary>Lines over the length limit that were dropped.</summary>
    public int DroppedLines => _results.DroppedLines;

    public int ProcessId => _process.Id;

    /// <summary>Starts a worker without waiting for it: it gets ready while the grader does other work.</summary>
    public static WorkerProcess Launch(WorkerCommand command, long memoryLimit) => new(command, memoryLimit);

    /// <summary>Waits for the worker's ready message, which carries its sandbox layers.</summary>
    public void WaitUntilReady(TimeSpan startTimeout)
    {
        if (Receive(startTimeout) is { Kind: WorkerMessageKind.Ready } ready)
        {
            Sandbox = new SandboxReport(ready.Sandbox ?? []);
            return;
        }

        var error = ErrorTail;
        Dispose();
        throw new InvalidOperationException($"the worker process did not start: {(error.Length > 0 ? error : "no message")}");
    }

    public void Send(WorkerHello hello) => _process.StandardInput.WriteLine(JsonSerializer.Serialize(hello, WorkerJson.Default.WorkerHello));

    public void Send(RunRequest request) => _process.StandardInput.WriteLine(JsonSerializer.Serialize(request, WorkerJson.Default.RunRequest));

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

    /// <summary>
    /// Kills the worker's process group (the worker leads its own, so this takes whatever it
    /// started, detached or not), then the worker and its descendants in case it had none.
    /// </summary>
    public void Kill()
    {
        ProcessGroup.KillGroup(_process.Id);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }

        // Its children may outlive it for a moment; the group outlives its leader.
        ProcessGroup.KillGroup(_process.Id);
    }

    /// <summary>Ends the worker: a worker serves one exercise, so there is nothing to wait for.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Kill();
        _stdoutReader.Join(2000);
        _stderrReader.Join(2000);
        _process.Dispose();
        _messages.Dispose();
    }

    private void ReadMessages()
    {
        try
        {
            while (_results.ReadLine() is { } line)
            {
                // Lines without the secret are not messages (the secret keeps framing as a second
                // line of defence behind the private channel) and are dropped.
                if (WorkerProtocol.Unframe(_secret, line) is { } message)
                {
                    _results.MessageSeen();
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

    private void ReadErrors()
    {
        var buffer = new char[4096];
        try
        {
            int read;
            while ((read = _process.StandardError.Read(buffer, 0, buffer.Length)) > 0)
            {
                KeepErrorTail(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The worker is gone.
        }
    }

    private void WatchLimits()
    {
        var status = $"/proc/{_process.Id}/status";
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

                if (ProcStatus.Threads(status) is { } threads && threads > ThreadLimit)
                {
                    ThreadBreach = threads;
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

    private void KeepErrorTail(ReadOnlySpan<char> text)
    {
        lock (_errorTail)
        {
            _errorTail.Append(text);
            if (_errorTail.Length > 4000)
            {
                _errorTail.Remove(0, _errorTail.Length - 4000);
            }
        }
    }
}
