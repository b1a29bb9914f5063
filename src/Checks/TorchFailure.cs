using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Autograder.Checks;

/// <summary>
/// Turns an error that libtorch raised inside the learner's code (a shape mismatch, say) into a
/// check failure with the learner's file and line, the first line of libtorch's message (not its
/// C++ stack) and a hint about the idea the check is testing. Used by exercises 09 and 10.
/// </summary>
internal static class TorchFailure
{
    /// <summary>Runs <paramref name="action"/>; an <see cref="ExternalException"/> becomes a failure with <paramref name="hint"/>.</summary>
    public static T Explain<T>(CheckContext context, string what, Func<T> action, string hint)
    {
        try
        {
            return action();
        }
        catch (ExternalException e)
        {
            var message = e.Message.Split('\n')[0].Trim();
            throw new CheckFailedException($"{what} failed inside TorchSharp{Where(e, context.Submission)}: {message}. {hint}");
        }
    }

    private static string Where(Exception exception, Assembly submission)
    {
        var frame = new StackTrace(exception, fNeedFileInfo: true)
            .GetFrames()
            .FirstOrDefault(frame => frame.GetMethod()?.Module.Assembly == submission);
        var file = frame?.GetFileName();
        var line = frame?.GetFileLineNumber() ?? 0;
        return string.IsNullOrEmpty(file) || line <= 0
            ? ""
            : $" ({file} line {line.ToString(CultureInfo.InvariantCulture)})";
    }
}
