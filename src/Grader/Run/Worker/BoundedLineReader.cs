using System.Text;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// Reads the worker's result channel in bounded pieces: a line longer than
/// <see cref="MaxLineBytes"/> is dropped (and counted) without being held, and once more than
/// <see cref="MaxBytesBetweenMessages"/> arrive without a message the channel counts as flooded
/// and reading stops. Nothing the worker sends can make the grader hold more than one line.
/// </summary>
internal sealed class BoundedLineReader(Stream stream)
{
    public const int MaxLineBytes = 4 << 20;
    public const long MaxBytesBetweenMessages = 16L << 20;

    private readonly byte[] _buffer = new byte[64 << 10];
    private readonly MemoryStream _line = new();
    private int _start;
    private int _end;
    private bool _overlong;
    private long _sinceMessage;

    public int DroppedLines { get; private set; }

    public bool Flooded { get; private set; }

    /// <summary>Called by the owner when a line turned out to be a message: the flood count starts again.</summary>
    public void MessageSeen() => _sinceMessage = 0;

    /// <summary>The next line (without its newline), or null at the end of the stream or after a flood.</summary>
    public string? ReadLine()
    {
        while (!Flooded)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline >= 0 ? newline : _end;
            Take(stop - _start);
            _start = stop;
            if (newline >= 0)
            {
                _start++;
                _sinceMessage++;
                var overlong = _overlong;
                var text = Encoding.UTF8.GetString(_line.GetBuffer(), 0, (int)_line.Length);
                _line.SetLength(0);
                _overlong = false;
                if (!overlong)
                {
                    return text;
                }

                DroppedLines++;
                continue;
            }

            _start = _end = 0;
            var read = stream.Read(_buffer, 0, _buffer.Length);
            if (read <= 0)
            {
                return null;
            }

            _end = read;
        }

        return null;
    }

    private void Take(int count)
    {
        _sinceMessage += count;
        if (_sinceMessage > MaxBytesBetweenMessages)
        {
            Flooded = true;
        }

        if (_overlong || _line.Length + count > MaxLineBytes)
        {
            _overlong = true;
            _line.SetLength(0);
            return;
        }

        _line.Write(_buffer, _start, count);
    }
}
