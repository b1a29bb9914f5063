using Autograder.Grader.Compile;
using Autograder.Grader.Pipeline;

namespace Autograder.Grader.Batch;

/// <summary>
/// Puts a student's files (from an archive, or loose) into exercises, as if they sat in a folder
/// laid out like exercises/: a file under an exercise folder (<c>01-perceptron/</c>, at any depth,
/// so <c>alice/exercises/01-perceptron/</c> works) belongs to it; any other .cs file is matched by
/// the types it declares (<see cref="ExerciseTypes"/>). Files that match nothing become notes.
/// The reader's bounds hold here too: 1 MiB a file, 2 MiB an exercise.
/// </summary>
internal sealed class SubmissionLayout(ExerciseTypes types, IReadOnlyCollection<string> selection)
{
    private readonly SortedDictionary<string, List<SourceFile>> _files = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, List<string>> _problems = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    /// <summary>Files that match no exercise, with the reason, for the student and the teacher.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a file by its path segments; <paramref name="problem"/> when its bytes could not be read as source.</summary>
    public void Add(IReadOnlyList<string> segments, string text, string? problem, long bytes)
    {
        var folder = Enumerable.Range(0, segments.Count - 1).FirstOrDefault(index => ClassIntake.IsExerciseFolder(segments[index]), -1);
        var path = string.Join('/', segments);
        if (folder >= 0)
        {
            Place(segments[folder], string.Join('/', segments.Skip(folder)), text, problem, bytes);
            return;
        }

        if (problem is not null)
        {
            _notes.Add($"{path}: {problem}");
            return;
        }

        var exercise = types.Match(new SourceFile(path, text), out var reason);
        if (exercise is null)
        {
            _notes.Add($"{path} was not graded: {reason}.");
            return;
        }

        Place(exercise, $"{exercise}/{segments[^1]}", text, problem: null, bytes);
    }

    public Submission ToSubmission(string root)
    {
        var exercises = new SortedDictionary<string, IReadOnlyList<SourceFile>>(StringComparer.Ordinal);
        foreach (var id in _files.Keys.Union(_problems.Keys))
        {
            exercises[id] = _problems.TryGetValue(id, out var problems)
                ? new UnreadableExercise(string.Join('\n', problems.Take(5)))
                : [.. _files[id].OrderBy(file => file.DisplayPath, StringComparer.Ordinal)];
        }

        return new Submission(root, exercises);
    }

    private void Place(string exercise, string display, string text, string? problem, long bytes)
    {
        if (selection.Count > 0 && !selection.Contains(exercise))
        {
            return;
        }

        if (bytes > SubmissionReader.MaxFileBytes)
        {
            problem = $"{display} is larger than 1 MiB; an exercise file is a few hundred lines. Remove the generated content.";
        }

        if (!_files.TryGetValue(exercise, out var files))
        {
            _files[exercise] = files = [];
        }

        if (problem is null && files.Sum(file => (long)file.Text.Length) + text.Length > SubmissionReader.MaxExerciseBytes)
        {
            problem = $"the .cs files in {exercise}/ hold more than 2 MiB together; an exercise is a few hundred lines. Remove the generated content.";
        }

        if (problem is not null)
        {
            if (!_problems.TryGetValue(exercise, out var problems))
            {
                _problems[exercise] = problems = [];
            }

            problems.Add(problem);
            return;
        }

        files.Add(new SourceFile(display, text));
    }
}
