using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Batch;

/// <summary>
/// The learner's code around each compile error and policy violation, so the student's report can
/// show the line in its place instead of only naming it.
/// </summary>
public static class SourceExcerpts
{
    /// <summary>Lines shown before and after the problem's line.</summary>
    public const int Context = 3;

    /// <summary>Excerpts per exercise; the message lists every problem anyway.</summary>
    public const int PerExercise = 5;

    public static IReadOnlyList<SourceExcerpt> Of(Submission submission, GradeReport report)
    {
        var excerpts = new List<SourceExcerpt>();
        foreach (var exercise in report.Exercises)
        {
            if (!submission.Exercises.TryGetValue(exercise.Id, out var files))
            {
                continue;
            }

            foreach (var location in exercise.Locations.DistinctBy(location => (location.File, location.Line)).Take(PerExercise))
            {
                if (files.FirstOrDefault(file => file.DisplayPath == location.File) is not { } file)
                {
                    continue;
                }

                var lines = file.Text.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
                if (location.Line < 1 || location.Line > lines.Length)
                {
                    continue;
                }

                var first = Math.Max(1, location.Line - Context);
                var last = Math.Min(lines.Length, location.Line + Context);
                excerpts.Add(new SourceExcerpt
                {
                    Exercise = exercise.Id,
                    File = location.File.StartsWith(exercise.Id + "/", StringComparison.Ordinal) ? location.File[(exercise.Id.Length + 1)..] : location.File,
                    Line = location.Line,
                    Message = location.Message,
                    FirstLine = first,
                    // A line a learner made endless (minified code) is cut: the excerpt is for reading.
                    Lines = [.. lines[(first - 1)..last].Select(line => line.Length <= 300 ? line : line[..300] + "...")],
                });
            }
        }

        return excerpts;
    }
}
