using System.Globalization;

namespace Autograder.Grader.Batch;

/// <summary>
/// <c>batch.log</c> in the out folder: a line per run, then one line per student as each finishes
/// (ID, score/max, seconds, status), flushed at once so a killed run keeps its lines.
/// </summary>
internal sealed class BatchLog : IDisposable
{
    public const string FileName = "batch.log";

    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public BatchLog(string outDir, string header)
    {
        _writer = new StreamWriter(new FileStream(Path.Combine(outDir, FileName), FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {header}"));
    }

    public void Write(StudentOutcome outcome)
    {
        lock (_lock)
        {
            _writer.WriteLine(outcome.Problem is { } problem && outcome.Status == StudentStatus.GraderFailed
                ? $"{outcome.Line}\t{problem.Split('\n')[0]}"
                : outcome.Line);
        }
    }

    public void WriteLine(string line)
    {
        lock (_lock)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose() => _writer.Dispose();
}
