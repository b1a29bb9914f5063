using System.Diagnostics;

namespace Autograder.Grader.Watch;

/// <summary>
/// Exercises whose files changed, handed out once the folder has been quiet for the debounce
/// time, together with when the first change of the burst arrived (to time save-to-report).
/// </summary>
internal sealed class ChangeQueue(TimeSpan debounce) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private long _first;
    private long _last;

    public void Add(string exerciseId)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            if (_pending.Count == 0)
            {
                _first = now;
            }

            _pending.Add(exerciseId);
            _last = now;
        }

        _signal.Release();
    }

    /// <summary>The changed exercises once quiet, or null when <paramref name="stop"/> fired first.</summary>
    public (IReadOnlyList<string> Exercises, long FirstChange)? Take(CancellationToken stop)
    {
        try
        {
            _signal.Wait(stop);
            while (true)
            {
                TimeSpan quiet;
                bool empty;
                lock (_gate)
                {
                    quiet = Stopwatch.GetElapsedTime(_last);
                    empty = _pending.Count == 0;
                    if (quiet >= debounce && _pending.Count > 0)
                    {
                        var taken = (Exercises: (IReadOnlyList<string>)[.. _pending], FirstChange: _first);
                        _pending.Clear();
                        while (_signal.Wait(0))
                        {
                            // Drain: these events are in this batch.
                        }

                        return taken;
                    }
                }

                // Wakes early on a new event, then measures the quiet again.
                _signal.Wait(empty ? Timeout.InfiniteTimeSpan : debounce - quiet, stop);
            }
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => _signal.Dispose();
}
