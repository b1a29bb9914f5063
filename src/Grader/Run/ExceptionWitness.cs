using System.Reflection;
using System.Runtime.ExceptionServices;
using Autograder.Grader.Checks;

namespace Autograder.Grader.Run;

/// <summary>
/// Remembers the messages of the exceptions raised on one thread while a hidden check runs, so
/// that none of them reaches the learner's view of its result by another way. Some check helpers
/// quote an exception they caught ("Step failed with \"...\"", libtorch's first line); learner
/// code chooses such a message and could put the hidden check's inputs in it.
/// </summary>
/// <remarks>
/// A helper quotes an exception right after catching it, with no learner code in between, so the
/// most recent exceptions are the ones that matter: keeping only the last few bounds the memory a
/// flood of exceptions can take. An exception type of the learner's own can override Message to
/// say one thing when it is remembered and another when it is quoted, so once one was raised the
/// learner's view of a failure names only its type.
/// </remarks>
internal sealed class ExceptionWitness : IDisposable
{
    private const int Kept = 32;
    private const int ShortestRedacted = 6;
    private const string Placeholder = "(an exception's message, not shown for a hidden check)";

    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private readonly Queue<string> _messages = new();
    private readonly Assembly _submission;
    private string? _learnerType;

    public ExceptionWitness(Assembly submission)
    {
        _submission = submission;
        AppDomain.CurrentDomain.FirstChanceException += Witness;
    }

    /// <summary><paramref name="text"/> with every remembered exception message (or its first line) replaced.</summary>
    public string Redact(string text)
    {
        string[] seen;
        lock (_messages)
        {
            if (_learnerType is not null)
            {
                return $"failed after your code raised an exception of its own type, {_learnerType}. A hidden check shows no " +
                    "message that your code chose; the public checks (dotnet test) try the same methods on inputs you can see.";
            }

            seen = [.. _messages];
        }

        foreach (var message in seen.SelectMany(Forms).Where(form => form.Length >= ShortestRedacted).OrderByDescending(form => form.Length))
        {
            text = text.Replace(message, Placeholder, StringComparison.Ordinal);
        }

        return text;
    }

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= Witness;

    /// <summary>The ways helpers quote a message: whole, shortened as reports shorten it, or its first line.</summary>
    private static IEnumerable<string> Forms(string message) =>
        [message, LearnerFault.Shorten(message), message.Split('\n')[0].Trim(), message.Trim()];

    private void Witness(object? sender, FirstChanceExceptionEventArgs args)
    {
        // The checks' own failures carry their hints, which the learner should read.
        if (Environment.CurrentManagedThreadId != _threadId || args.Exception is CheckFailedException)
        {
            return;
        }

        var type = args.Exception.GetType();
        if (type.Assembly == _submission)
        {
            lock (_messages)
            {
                _learnerType ??= type.Name;
            }

            return;
        }

        string message;
        try
        {
            message = args.Exception.Message;
        }
        catch (Exception)
        {
            // A message that cannot even be read cannot be quoted either.
            return;
        }

        lock (_messages)
        {
            _messages.Enqueue(message);
            if (_messages.Count > Kept)
            {
                _messages.Dequeue();
            }
        }
    }
}
