using System.Diagnostics;
using System.Reflection;

namespace Autograder.Grader.Run;

/// <summary>
/// Explains an exception that came out of a check: a stub that is not written yet, a mistake in
/// the learner's code (with the file and line), or a fault of the check itself.
/// </summary>
internal static class LearnerFault
{
    /// <summary>Longest part of an exception's message a report keeps.</summary>
    public const int MaxMessageChars = 300;

    /// <summary>
    /// What the learner reads (<see cref="Explanation.Message"/>) and what the teacher reads, or
    /// null when the exception did not pass through the learner's code. For a hidden check the
    /// learner reads only the exception's type and where it was thrown: the message is the
    /// learner's own text, and code can put a hidden check's inputs in it.
    /// </summary>
    public static Explanation? Explain(Exception exception, Assembly submission, bool hidden)
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
            return new($"not implemented yet: {name} still throws NotImplementedException{where}. " +
                "Write its body (the exercise README explains the idea), then run the checks again.", TeacherMessage: null)
            {
                Stack = LearnerStack(exception, submission),
            };
        }

        var full = $"{name} threw {exception.GetType().Name}{where}: {Shorten(MessageOf(exception))}";
        return hidden
            ? new($"{name} threw {exception.GetType().Name}{where}. A hidden check shows where the exception was thrown but not " +
                "its message; the public checks (dotnet test) try the same method on inputs you can see.", full)
            : new(full, TeacherMessage: null) { Stack = LearnerStack(exception, submission) };
    }

    /// <summary>The learner's own frames on the exception's stack, innermost first (at most 20), with file and line where known.</summary>
    public static IReadOnlyList<Results.LearnerFrame> LearnerStack(Exception exception, Assembly submission) =>
        [.. new StackTrace(Unwrap(exception), fNeedFileInfo: true)
            .GetFrames()
            .Where(frame => frame.GetMethod()?.Module.Assembly == submission)
            .Take(20)
            .Select(frame => new Results.LearnerFrame(Describe(frame.GetMethod()!), frame.GetFileName() ?? "", frame.GetFileLineNumber()))];

    private static string Describe(MethodBase method) =>
        $"{method.DeclaringType?.FullName}.{method.Name}({string.Join(", ", method.GetParameters().Select(parameter => $"{parameter.ParameterType.Name} {parameter.Name}"))})";

    /// <summary>The first part of an exception's message: without libtorch's C++ stack, at most <see cref="MaxMessageChars"/> characters.</summary>
    public static string Shorten(string message)
    {
        // libtorch appends its own C++ stack to its messages; a reader needs only the first part.
        var native = message.IndexOf("Exception raised from", StringComparison.Ordinal);
        if (native > 0)
        {
            message = message[..native].TrimEnd();
        }

        return message.Length > MaxMessageChars ? message[..MaxMessageChars] + "..." : message;
    }

    /// <summary>The exception's message; a learner's exception type can override Message with code that throws.</summary>
    public static string MessageOf(Exception exception)
    {
        try
        {
            return exception.Message;
        }
        catch (Exception inner)
        {
            return $"(its Message threw {inner.GetType().Name})";
        }
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

    /// <param name="Message">What the learner reads.</param>
    /// <param name="TeacherMessage">The full text when it differs, else null.</param>
    internal sealed record Explanation(string Message, string? TeacherMessage)
    {
        /// <summary>The learner's frames (<see cref="LearnerStack"/>).</summary>
        public IReadOnlyList<Results.LearnerFrame> Stack { get; init; } = [];
    }
}
