namespace Autograder.Grader.Tests.Similarity;

/// <summary>A temporary class dir: one folder per student, each laid out like exercises/ (read as `grader batch` reads a class).</summary>
internal sealed class ClassDir : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("similarity-").FullName;

    public string Path => System.IO.Path.Combine(Root, "class");

    /// <summary>Copies every exercise folder under <paramref name="source"/> (a folder like exercises/) to the student.</summary>
    /// <remarks><paramref name="transform"/> gets the file's text and the texts of all the exercise's files.</remarks>
    public void AddStudent(string student, string source, Func<string, IReadOnlyList<string>, string>? transform = null, string? onlyExercise = null)
    {
        foreach (var exercise in Directory.GetDirectories(source).Where(d => onlyExercise is null || System.IO.Path.GetFileName(d) == onlyExercise))
        {
            var target = System.IO.Path.Combine(Path, student, System.IO.Path.GetFileName(exercise));
            Directory.CreateDirectory(target);
            var files = Directory.GetFiles(exercise, "*.cs").Order(StringComparer.Ordinal).ToList();
            var texts = files.Select(File.ReadAllText).ToList();
            for (var i = 0; i < files.Count; i++)
            {
                File.WriteAllText(System.IO.Path.Combine(target, System.IO.Path.GetFileName(files[i])), transform is null ? texts[i] : transform(texts[i], texts));
            }
        }
    }

    public void Write(string student, string exercise, string file, string text)
    {
        var target = System.IO.Path.Combine(Path, student, exercise);
        Directory.CreateDirectory(target);
        File.WriteAllText(System.IO.Path.Combine(target, file), text);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
