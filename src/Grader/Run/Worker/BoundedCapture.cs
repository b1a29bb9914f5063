using System.Globalization;
using System.Text;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// Where learner code's Console.Out and Console.Error go inside the worker: the first
/// <see cref="Limit"/> characters are kept for the report and the rest only counted, so a
/// 100 MB line or an endless loop of prints costs the worker time, never memory.
/// </summary>
internal sealed class BoundedCapture(int limit) : TextWriter
{
    private readonly StringBuilder _kept = new();
    private long _dropped;

    public int Limit { get; } = limit;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_kept)
        {
            if (_kept.Length < Limit)
            {
                _kept.Append(value);
            }
            else
            {
                _dropped++;
            }
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_kept)
        {
            var room = Math.Max(0, Limit - _kept.Length);
            var kept = Math.Min(room, buffer.Length);
            _kept.Append(buffer[..kept]);
            _dropped += buffer.Length - kept;
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void WriteLine(string? value)
    {
        lock (_kept)
        {
            Write(value.AsSpan());
            Write(CoreNewLine);
        }
    }

    /// <summary>What was kept since the last <see cref="Clear"/>, with a note of how much was left out.</summary>
    public string Take()
    {
        lock (_kept)
        {
            return _dropped == 0
                ? _kept.ToString()
                : _kept + string.Create(CultureInfo.InvariantCulture, $"\n... ({_dropped} more characters not kept)");
        }
    }

    public void Clear()
    {
        lock (_kept)
        {
            _kept.Clear();
            _dropped = 0;
        }
    }
}
