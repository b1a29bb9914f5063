using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Autograder.Grader.Checks;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run;

/// <summary>
/// Runs one exercise's checks against the learner's loaded assembly and turns each outcome
/// (verdict, exception, time-out) into a <see cref="CheckResult"/>.
/// </summary>
internal static class CheckRunner
{
    // Room for learners' deep but finite recursion; an infinite one still overflows within
    // milliseconds, and the runtime's report of a deeper stack would take seconds to write.
    private const int StackBytes = 16 * 1024 * 1024;

    public static CheckResult Run(CheckDefinition check, Assembly submission, TimeSpan timeLimit)
    {
        using var cancellation = new CancellationTokenSource();
        var context = new CheckContext(submission, check.ExerciseId, check.Seed, cancellation.Token);
        CheckResult? result = null;
        var stopwatch = Stopwatch.StartNew();
        var thread = new Thread(() => result = Evaluate(check, context, submission, stopwatch), StackBytes)
        {
            IsBackground = true,
            Name = check.Id,
        };
        thread.Start();
        if (thread.Join(timeLimit))
        {
            return result!;
        }

        // The thread cannot be stopped from here; the worker process that runs a submission is
        // what reclaims it. The check's own loops watch the token.
        cancellation.Cancel();
        return Outcome(check, ResultStatus.Error,
            $"timed out after {timeLimit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s. " +
            "Look for a loop that never ends, or one that does far more work than the exercise needs.",
            stopwatch);
    }

    private static CheckResult Evaluate(CheckDefinition check, CheckContext context, Assembly submission, Stopwatch stopwatch)
    {
        try
        {
            return Judge(check, context, submission, stopwatch);
        }
        finally
        {
            if (CheckContext.TorchInUse)
            {
                TorchState.Reset();
            }
        }
    }

    private static CheckResult Judge(CheckDefinition check, CheckContext context, Assembly submission, Stopwatch stopwatch)
    {
        if (check.Visibility != Visibility.Hidden)
        {
            return Decide(check, context, submission, stopwatch);
        }

        using var witness = new ExceptionWitness(submission);
        var result = Decide(check, context, submission, stopwatch);
        if (result.Status is ResultStatus.Passed or ResultStatus.Skipped)
        {
            return result;
        }

        var learner = witness.Redact(result.Message);
        return learner == result.Message ? result : result with { Message = learner, TeacherMessage = result.FullMessage };
    }

    private static CheckResult Decide(CheckDefinition check, CheckContext context, Assembly submission, Stopwatch stopwatch)
    {
        var hidden = check.Visibility == Visibility.Hidden;
        try
        {
            var verdict = check.Run(context);
            var status = verdict.Kind switch
            {
                VerdictKind.Passed => ResultStatus.Passed,
                VerdictKind.Skipped => ResultStatus.Skipped,
                _ => ResultStatus.Failed,
            };
            return Outcome(check, status, verdict.Message, stopwatch) with
            {
                Curve = verdict.Curve,
                Details = verdict.Details,
                Measurements = verdict.Measurements,
            };
        }
        catch (CheckFailedException failure)
        {
            return Outcome(check, ResultStatus.Failed, failure.Message, stopwatch);
        }
        catch (Checks.Scripts.TeacherScriptException broken)
        {
            return Outcome(check, ResultStatus.Error, broken.Message, stopwatch);
        }
        catch (Exception exception) when (LearnerFault.Unwrap(exception) is OutOfMemoryException or InsufficientExecutionStackException)
        {
            return Outcome(check, ResultStatus.Error,
                LearnerFault.Unwrap(exception) is OutOfMemoryException
                    ? "exceeded the memory limit. Look for data that grows without bound, or arrays and tensors far larger than the exercise needs."
                    : "crashed: the stack ran out. Look for a recursion without a base case (a method that calls itself forever).",
                stopwatch);
        }
        catch (Exception exception)
        {
            if (LearnerFault.Explain(exception, submission, hidden) is { } explanation)
            {
                return Outcome(check, ResultStatus.Failed, explanation.Message, stopwatch) with
                {
                    TeacherMessage = explanation.TeacherMessage,
                    // A hidden check's learner view names only one file and line, as its message does.
                    LearnerStack = hidden ? [] : explanation.Stack,
                };
            }

            // No learner frame on the stack, yet learner code may have chosen the message (a value
            // it returned that a check's call rejected): a hidden check names only the type.
            var fault = LearnerFault.Unwrap(exception);
            const string Blame = " This is a fault of the grader, not of your code: please tell your teacher.";
            var full = $"the check itself failed ({fault.GetType().Name}: {LearnerFault.Shorten(LearnerFault.MessageOf(fault))}).{Blame}";
            return hidden
                ? Outcome(check, ResultStatus.Error, $"the check itself failed ({fault.GetType().Name}).{Blame}", stopwatch) with { TeacherMessage = full }
                : Outcome(check, ResultStatus.Error, full, stopwatch);
        }
    }

    public static CheckResult Outcome(CheckDefinition check, ResultStatus status, string message, Stopwatch? stopwatch = null) => new()
    {
        Id = check.Id,
        Name = check.Name,
        Visibility = check.Visibility,
        Status = status,
        Score = status == ResultStatus.Passed ? check.Points : 0,
        MaxScore = status == ResultStatus.Skipped ? 0 : check.Points,
        Message = message,
        Seed = check.ReportedSeed,
        DurationMs = stopwatch?.ElapsedMilliseconds ?? 0,
    };
}
