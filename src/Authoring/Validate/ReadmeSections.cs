using Autograder.Grader.Checks;

namespace Autograder.Authoring.Validate;

/// <summary>
/// The READMEs have their sections: the course's for its three readers, and each exercise's
/// title (as the catalog names the exercise), idea, task, checks and how to run them.
/// </summary>
internal static class ReadmeSections
{
    public static readonly string[] Course = ["## For learners", "## For teachers", "## For maintainers"];

    public static readonly string[] Exercise = ["## The idea", "## Your task", "## What is checked", "## Run the checks"];

    public static IEnumerable<Breakage> OfCourse(string course) =>
        Missing(course, "README.md", Course, "the course README speaks to each of its readers in their own section");

    public static IEnumerable<Breakage> OfExercise(string course, ExerciseSpec exercise)
    {
        var relative = $"exercises/{exercise.Id}/README.md";
        var title = $"# {exercise.Id[..2]} · {exercise.Title}";
        var path = Path.Combine(course, relative);
        if (File.Exists(path) && File.ReadLines(path).FirstOrDefault()?.TrimEnd() is var first && first != title)
        {
            yield return new Breakage($"{relative}:1", title, first ?? "(empty file)", "the first line is the exercise's number and its title as the catalog declares it");
        }

        foreach (var breakage in Missing(course, relative, Exercise, "learners find the same four sections in every exercise"))
        {
            yield return breakage;
        }
    }

    private static IEnumerable<Breakage> Missing(string course, string relative, string[] headings, string why)
    {
        var path = Path.Combine(course, relative);
        if (!File.Exists(path))
        {
            yield return new Breakage(relative, $"a README with the sections {string.Join(", ", headings.Select(heading => $"`{heading}`"))}", "no such file", $"write it: {why}");
            yield break;
        }

        var lines = File.ReadLines(path).Select(line => line.TrimEnd()).ToHashSet(StringComparer.Ordinal);
        foreach (var heading in headings.Where(heading => !lines.Contains(heading)))
        {
            yield return new Breakage(relative, $"a section `{heading}`", "no such heading", $"add it ({why})");
        }
    }
}
