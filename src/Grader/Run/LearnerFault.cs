using System.Diagnostics;
using System.Reflection;

namespace Autograder.Grader.Run;

/// <summary>
/// Explains an exception that came out of a check: a stub that is not written yet, a mistake in
/// the learner's code (with the file and line), or a fault of the check itself.
/// </summary>
internal static class LearnerFault
{
    /// <summary>The message for the learner, or null when the exception did not pass through their code.</summary>
    public static string? Explain(Exception exception, Assembly submission)
    {
        exception = Unwrap(exception);
        var frame = FirstLearnerFrame(exception, submission);
        if (frame is null)
        {
            return null;
        }

        var method = frame.GetMethod();
        var where = Where(frame);
        var name = method switch
        {
            null => "your code",
            ConstructorInfo { IsStatic: true } => $"the static constructor of {method.DeclaringType?.Name}",
            ConstructorInfo => $"the constructor of {method.DeclaringType?.Name}",
            _ => $"{method.DeclaringType?.Name}.{method.Name}",
        };
        if (exception is NotImplementedException)
        {
            return $"not implemented yet: {name} still throws NotImplementedException{where}. " +
                "Write its body (the exercise README explains the idea), then run the checks again.";
        }

        var message = exception.Message;
        // libtorch appends its own C++ stack to its messages; a learner needs only the first part.
        var native = message.IndexOf("Exception raised from", StringComparison.Ordinal);
        if (native > 0)
        {
            message = message[..native].TrimEnd();
        }

        message = message.Length > 300 ? message[..300] + "..." : message;
        return $"{name} threw {exception.GetType().Name}{where}: {message}";
    }

    public static Exception Unwrap(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception;
    }

    private static StackFrame? FirstLearnerFrame(Exception exception, Assembly submission) =>
        new StackTrace(exception, fNeedFileInfo: true)
            .GetFrames()
            .FirstOrDefault(frame => frame.GetMethod()?.Module.Assembly == submission);

    private static string Where(StackFrame frame)
    {
        var file = frame.GetFileName();
        var line = frame.GetFileLineNumber();
        return string.IsNullOrEmpty(file) || line <= 0 ? "" : $" ({file} line {line})";
    }
}
