using System.Globalization;
using System.Text.Json;
using Autograder.Grader.Batch;
using Autograder.Grader.Pipeline;
using Autograder.Grader.Results;

namespace Autograder.Grader.Similarity;

/// <summary>`grader similarity`: read the class, compare, write similarity.html, .csv and .json.</summary>
public static class SimilarityRunner
{
    public const int Usage = 2;

    public static int Run(SimilarityOptions options, TextWriter output, TextWriter error, IClassReader? reader = null)
    {
        try
        {
            if (options.Threshold is < 0 or > 1 || options.KGram < 2 || options.Window < 1 || options.MinShared < 1)
            {
                throw new SubmissionException("--threshold is a fraction between 0 and 1, e.g. --threshold 0.5.");
            }

            var (classDir, outDir, exclude) = Locate(options);
            var starterDir = options.StarterDir ?? StarterCode.FindCourseStubs()
                ?? throw new SubmissionException(
                    "similarity subtracts the starter code, and no course exercises/ was found above the grader or the current folder. " +
                    "Give it with --starter, e.g. --starter path/to/course/exercises.");
            var starter = StarterCode.Load(starterDir, options.KGram);
            var work = (reader ?? new ClassIntakeReader(starterDir, exclude)).Read(classDir);
            var report = SimilarityAnalysis.Run(work, starter, options);
            SimilarityFiles.Write(report, outDir);
            SimilarityHtml.Write(report, work, outDir);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Students} students, {report.Exercises.Count} exercises: {report.Pairs.Count} pairs at or above {options.Threshold:P0}."));
            foreach (var pair in report.Pairs.Take(10))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {pair.Similarity,4:P0}  {SafeText.Clean(pair.Exercise)}  {SafeText.Clean(pair.StudentA)} ~ {SafeText.Clean(pair.StudentB)}"));
            }

            foreach (var entry in report.Skipped)
            {
                output.WriteLine($"  not compared: {SafeText.Clean(entry.Entry)}: {SafeText.Clean(entry.Reason)}");
            }

            output.WriteLine($"Written: {Path.Combine(outDir, SimilarityHtml.FileName)}, {SimilarityFiles.Csv}, {SimilarityFiles.Json}");
            return 0;
        }
        catch (Exception e) when (e is SubmissionException or IOException or UnauthorizedAccessException or JsonException)
        {
            error.WriteLine($"grader: {SafeText.Clean(e.Message)}");
            return Usage;
        }
    }

    /// <summary>
    /// The class dir to read, where to write, and the folder inside the class dir that is no
    /// student's. A batch out-dir (it holds class.json) holds no code; it is accepted when its
    /// class.json names the class dir (<see cref="ClassManifest.ClassDir"/>), and the results then
    /// go next to the batch's own. An out-dir inside the class dir (the batch's, or --out) is
    /// passed over, as the batch passes over its own.
    /// </summary>
    private static (string ClassDir, string OutDir, string Exclude) Locate(SimilarityOptions options)
    {
        var input = Path.GetFullPath(options.Input);
        if (!File.Exists(Path.Combine(input, ClassManifest.FileName)))
        {
            var outDir = Path.GetFullPath(options.OutDir ?? "similarity");
            return (input, outDir, outDir);
        }

        // Only classDir is needed: a class.json of an older batch, without it, gets the message below.
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(input, ClassManifest.FileName)));
        if (document.RootElement.TryGetProperty("classDir", out var dir) && dir.ValueKind == JsonValueKind.String)
        {
            return (Path.GetFullPath(dir.GetString()!, input), Path.GetFullPath(options.OutDir ?? input), input);
        }

        throw new SubmissionException(
            $"{options.Input} is a batch out-dir, and its class.json does not say where the class is. Give the class dir instead: " +
            $"grader similarity <class-dir> --out {options.Input}");
    }
}
