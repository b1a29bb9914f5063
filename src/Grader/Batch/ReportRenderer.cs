using System.Collections.Concurrent;

namespace Autograder.Grader.Batch;

/// <summary>
/// Renders each student's own reports on one thread of its own while the lanes grade the next
/// students: a lane mostly waits for its worker, and the charts of a report took a share of the
/// batch's end otherwise. A student whose rendering failed is left out of <see cref="Finish"/>'s
/// set, so the publishing step renders it again and reports the problem.
/// </summary>
internal sealed class ReportRenderer : IDisposable
{
    private readonly BlockingCollection<string> _queue = [];
    private readonly ConcurrentDictionary<string, bool> _rendered = new(StringComparer.Ordinal);
    private readonly Thread? _thread;

    public ReportRenderer(string outDir, Action<string, string>? render)
    {
        if (render is null)
        {
            _queue.CompleteAdding();
            return;
        }

        _thread = new Thread(() =>
        {
            foreach (var student in _queue.GetConsumingEnumerable())
            {
                try
                {
                    render(outDir, student);
                    _rendered[student] = true;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // Left to the publishing step, which renders it again and says what is wrong.
                }
            }
        })
        {
            IsBackground = true,
            Name = "report renderer",
        };
        _thread.Start();
    }

    /// <summary>Queues a student whose result file is written.</summary>
    public void Render(string student)
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.Add(student);
        }
    }

    /// <summary>Waits for the queue to empty; the students rendered.</summary>
    public IReadOnlySet<string> Finish()
    {
        _queue.CompleteAdding();
        _thread?.Join();
        return _rendered.Keys.ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread?.Join();
        _queue.Dispose();
    }
}
