using System.IO.Compression;
using System.Text;

namespace Autograder.Grader.Tests.Batch;

/// <summary>
/// A class folder of at least 30 submissions made at test time from the course itself: full
/// solutions in every export form (folders, zips with and without a top folder, Canvas, Moodle and
/// GitHub Classroom names, loose files), stubs, the typical mistakes of the golden scenarios and
/// cheats, and hostile work (zip slip, a link in a zip, a zip bomb, a hang, a crash). Only
/// exercises 01 and 02 are used, so that grading it stays short.
/// </summary>
internal static class GeneratedClass
{
    public static readonly string[] Exercises = ["01-perceptron", "02-gradient-descent"];

    /// <summary>IDs whose every check must pass.</summary>
    public static readonly string[] FullMarks =
        ["alice", "bob", "carol", "erin", "frank", "grace", "heidi", "smithjohn_12345", "ada-lovelace_4242", "jonesmary_777", "loosey"];

    public static readonly string[] Stubs = ["stub-one", "stub-two"];

    /// <summary>Refused archives and the words their refusal must contain.</summary>
    public static readonly Dictionary<string, string> Refused = new()
    {
        ["zipslip"] = "climbs out",
        ["ziplink"] = "symbolic link",
        ["zipbomb"] = "compressed",
    };

    public static readonly string[] Mistakes =
    [
        "Cheats/01-converged-from-epoch-count", "Cheats/01-memorises-training-points", "Cheats/01-reports-not-converged",
        "Cheats/02-no-mathematics", "Cheats/02-train-by-normal-equations", "Cheats/02-train-one-step-short",
        "Scenarios/banned-api", "Scenarios/compile-error", "Scenarios/perceptron-converged-from-epoch-count",
        "Scenarios/perceptron-wrong-sign", "Scenarios/gd-train-one-step-short", "Scenarios/gradient-off-by-factor",
        "Scenarios/softmax-overflow",
    ];

    public static string MistakeId(string mistake) => "mistake-" + mistake.Split('/')[1];

    /// <summary>Entries that are no student's work.</summary>
    public static readonly string[] Unmatched = ["Stray.cs", "dl-course-dave", "dl-course-dave.zip", "dl-course-link", "notes.txt"];

    public static int StudentCount => FullMarks.Length + Stubs.Length + Refused.Count + Mistakes.Length + 2;

    public static void Build(string folder)
    {
        Directory.CreateDirectory(folder);
        string Solutions(string exercise) => Course.PathOf("solutions", exercise);
        var solutions = Course.PathOf("solutions");
        var stubs = Course.PathOf("exercises");

        // GitHub Classroom: every entry is dl-course-<username>.
        ClassFolder.CopyExercises(solutions, Path.Combine(folder, "dl-course-alice"), Exercises);
        ClassFolder.CopyExercises(solutions, Path.Combine(folder, "dl-course-erin", "exercises"), Exercises);
        Zip(Path.Combine(folder, "dl-course-bob.zip"), "exercises/", solutions, Exercises);
        Zip(Path.Combine(folder, "dl-course-carol.zip"), "", solutions, Exercises);
        Zip(Path.Combine(folder, "dl-course-frank.zip"), "frank/work/", solutions, Exercises);
        Zip(Path.Combine(folder, "dl-course-grace.zip"), "grace/", solutions, Exercises);
        ClassFolder.CopyExercises(solutions, Path.Combine(folder, "dl-course-heidi"), Exercises);
        // Canvas and Moodle name their downloads themselves.
        Zip(Path.Combine(folder, "smithjohn_12345_67890_submission.zip"), "", solutions, Exercises);
        ClassFolder.CopyExercises(solutions, Path.Combine(folder, "Ada Lovelace_4242_assignsubmission_file_"), Exercises);
        foreach (var file in Exercises.SelectMany(exercise => Directory.EnumerateFiles(Solutions(exercise), "*.cs")))
        {
            // Loose files: a Canvas student, and a folder without exercise folders; placed by their types.
            File.Copy(file, Path.Combine(folder, $"jonesmary_777_888_{Path.GetFileName(file)}"));
            Directory.CreateDirectory(Path.Combine(folder, "dl-course-loosey"));
            File.Copy(file, Path.Combine(folder, "dl-course-loosey", Path.GetFileName(file)));
        }

        ClassFolder.CopyExercises(stubs, Path.Combine(folder, "dl-course-stub-one"), Exercises);
        Zip(Path.Combine(folder, "dl-course-stub-two.zip"), "exercises/", stubs, Exercises);
        foreach (var mistake in Mistakes)
        {
            ClassFolder.CopyStored(mistake, Path.Combine(folder, $"dl-course-{MistakeId(mistake)}"));
        }

        Hostile(folder, solutions);

        File.WriteAllText(Path.Combine(folder, "notes.txt"), "the teacher's notes");
        File.WriteAllText(Path.Combine(folder, "Stray.cs"), "class Stray {}");
        ClassFolder.CopyExercises(solutions, Path.Combine(folder, "dl-course-dave"), Exercises);
        Zip(Path.Combine(folder, "dl-course-dave.zip"), "", stubs, Exercises);
        File.CreateSymbolicLink(Path.Combine(folder, "dl-course-link"), solutions);
    }

    private static void Hostile(string folder, string solutions)
    {
        using (var archive = ZipFile.Open(Path.Combine(folder, "dl-course-zipslip.zip"), ZipArchiveMode.Create))
        {
            Add(archive, "01-perceptron/Perceptron.cs", File.ReadAllText(Path.Combine(solutions, "01-perceptron", "Perceptron.cs")));
            Add(archive, "../../../tmp/owned.cs", "class Owned {}");
        }

        using (var archive = ZipFile.Open(Path.Combine(folder, "dl-course-ziplink.zip"), ZipArchiveMode.Create))
        {
            Add(archive, "01-perceptron/Perceptron.cs", Path.Combine(solutions, "01-perceptron", "Perceptron.cs"), unixMode: 0xA1FF);
        }

        using (var archive = ZipFile.Open(Path.Combine(folder, "dl-course-zipbomb.zip"), ZipArchiveMode.Create))
        {
            Add(archive, "01-perceptron/Perceptron.cs", new string(' ', 12 << 20));
        }

        // Learner code that never returns, and code that overflows the worker's stack: each ends in
        // that student's error result, and the batch goes on.
        var perceptron = File.ReadAllText(Path.Combine(solutions, "01-perceptron", "Perceptron.cs"));
        var hang = Path.Combine(folder, "dl-course-hang", "01-perceptron");
        Directory.CreateDirectory(hang);
        File.WriteAllText(Path.Combine(hang, "Perceptron.cs"),
            perceptron.Replace("        var activation = weights.Bias;", "        while (input.Length >= 0)\n        {\n        }\n\n        var activation = weights.Bias;"));
        var crash = Path.Combine(folder, "dl-course-crash", "01-perceptron");
        Directory.CreateDirectory(crash);
        File.WriteAllText(Path.Combine(crash, "Perceptron.cs"),
            perceptron.Replace("        var activation = weights.Bias;", "        var activation = weights.Bias + Deeper(input.Length);")
                .Replace("public sealed class Perceptron : IPerceptron\n{", "public sealed class Perceptron : IPerceptron\n{\n    private static int Deeper(int n) => Deeper(n + 1) + 1;\n"));
    }

    private static void Zip(string path, string prefix, string source, IEnumerable<string> exercises)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var exercise in exercises)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(source, exercise), "*.cs").Order(StringComparer.Ordinal))
            {
                Add(archive, $"{prefix}{exercise}/{Path.GetFileName(file)}", File.ReadAllText(file));
            }
        }
    }

    private static void Add(ZipArchive archive, string name, string text, int unixMode = 0)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize);
        if (unixMode != 0)
        {
            entry.ExternalAttributes = unixMode << 16;
        }

        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
