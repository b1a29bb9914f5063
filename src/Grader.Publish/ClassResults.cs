using System.Text.Json;
using Autograder.Grader.Batch;

namespace Autograder.Grader.Publish;

/// <summary>What publishing reads: the class file and every student's result, sorted by student ID.</summary>
public sealed record ClassResults(ClassManifest Class, IReadOnlyList<StudentResult> Results)
{
    public const string StudentsFolder = "students";

    public const string ResultFileName = "result.json";

    /// <summary>Students this run was responsible for whose result is not there (a run that was stopped, say).</summary>
    public IReadOnlyList<string> Missing { get; } =
        [.. Class.Graded.Except(Results.Select(result => result.Student), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Every exercise any student was graded on, in ID order: the gradebook's columns.</summary>
    public IReadOnlyList<string> Exercises { get; } =
        [.. Results.SelectMany(result => result.Report.Exercises.Select(exercise => exercise.Id)).Distinct().Order(StringComparer.Ordinal)];

    public static ClassResults Read(string outDir)
    {
        var classFile = ReadManifest(outDir);
        var results = new List<StudentResult>();
        var students = Path.Combine(outDir, StudentsFolder);
        if (Directory.Exists(students))
        {
            foreach (var folder in Directory.GetDirectories(students).Order(StringComparer.Ordinal))
            {
                if (ReadResult(folder) is { } result)
                {
                    results.Add(result);
                }
            }
        }

        return new ClassResults(classFile, results);
    }

    /// <summary>The folder's class.json.</summary>
    /// <exception cref="PublishException">It is missing, unreadable or of another version.</exception>
    public static ClassManifest ReadManifest(string outDir)
    {
        try
        {
            return ClassManifest.Read(outDir);
        }
        catch (InvalidDataException e)
        {
            throw new PublishException(e.Message);
        }
    }

    /// <summary>The student result in <paramref name="folder"/>, or null when there is none yet.</summary>
    public static StudentResult? ReadResult(string folder)
    {
        var path = Path.Combine(folder, ResultFileName);
        if (!File.Exists(path))
        {
            return null;
        }

        StudentResult result;
        try
        {
            result = StudentResult.Deserialize(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new PublishException($"{path} is not a student result: {e.Message}");
        }

        var id = Path.GetFileName(folder);
        return result.Student == id
            ? result
            : throw new PublishException($"{path} belongs to student '{result.Student}', not to '{id}' whose folder it is in.");
    }
}
