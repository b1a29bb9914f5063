using Autograder.Grader.Run;

namespace Autograder.Grader.Watch;

/// <summary>What `grader watch` was asked to do.</summary>
public sealed record WatchOptions
{
    /// <summary>The folder that holds the exercise folders (<c>exercises</c> in the student copy).</summary>
    public required string Submission { get; init; }

    /// <summary>Grade only this exercise, and grade it once at the start; null for whichever exercise changes.</summary>
    public string? ExerciseId { get; init; }

    /// <summary>Where each new result goes as a JSON report, replaced atomically; null for none.</summary>
    public string? JsonPath { get; init; }

    /// <summary>A folder of teacher .csx checks (<c>--checks</c>); null for none.</summary>
    public string? ChecksFolder { get; init; }

    public RunLimits Limits { get; init; } = RunLimits.Default;

    /// <summary>
    /// How long the folder must stay quiet after a change before grading: an editor's save is a
    /// burst of events (a temporary file, a rename, a touch), graded once.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>Clear the terminal before each report (an interactive terminal); else reports follow each other.</summary>
    public bool Redraw { get; init; }
}
