using System.Globalization;

namespace Autograder.Grader.Batch;

/// <summary>What became of one student in this run.</summary>
public enum StudentStatus
{
    /// <summary>Graded now.</summary>
    Graded,

    /// <summary>The same submission under the same rules was graded before; its result is kept.</summary>
    Unchanged,

    /// <summary>The submission could not be read (a refused archive): an error result for every exercise.</summary>
    Refused,

    /// <summary>The grader itself failed; nothing was written and the next run tries again.</summary>
    GraderFailed,
}

/// <summary>One student's line: in the log, the progress display and the summary.</summary>
public sealed record StudentOutcome(string Id, StudentStatus Status, double Score, double MaxScore, double Seconds, bool HasErrors, string? Problem)
{
    /// <summary>Refused, failed in the grader, or an exercise that ended in an error (compile error, hang, crash).</summary>
    public bool IsFailure => Status is StudentStatus.Refused or StudentStatus.GraderFailed || HasErrors;

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{Id}\t{Score:0.##}/{MaxScore:0.##}\t{Seconds:0.0} s\t{Status.ToString().ToLowerInvariant()}{(HasErrors && Status == StudentStatus.Graded ? " (with errors)" : "")}");
}

/// <summary>Hears about a batch as it goes, to show progress.</summary>
public interface IBatchObserver
{
    /// <summary>The class folder was read: the students this run is responsible for and the entries it could not match.</summary>
    void Started(int students, IReadOnlyList<UnmatchedEntry> unmatched);

    /// <summary>A student is done; called from the lanes' threads, one call at a time.</summary>
    void Finished(StudentOutcome outcome);
}

/// <summary>One line per student with the time left, for logs and redirected output.</summary>
public sealed class LineBatchObserver(TextWriter writer) : IBatchObserver
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _total;
    private int _done;

    public void Started(int students, IReadOnlyList<UnmatchedEntry> unmatched)
    {
        _total = students;
        foreach (var entry in unmatched)
        {
            writer.WriteLine($"not graded: {entry.Entry}: {entry.Reason}");
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grading {students} students"));
    }

    public void Finished(StudentOutcome outcome)
    {
        _done++;
        var left = _clock.Elapsed.TotalSeconds / _done * (_total - _done);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_done}/{_total}] {outcome.Line.Replace('\t', ' ')} (about {left:0} s left)"));
        if (outcome.Problem is { } problem)
        {
            writer.WriteLine($"    {problem.Split('\n')[0]}");
        }

        writer.Flush();
    }
}
