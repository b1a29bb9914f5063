using Autograder.Grader.Compile;

namespace Autograder.Grader.Similarity;

/// <summary>
/// One pass over a class: per exercise, normalise every submission (in parallel; parsing is the
/// cost), winnow its fingerprints, subtract the starter, count shared fingerprints per pair and
/// find the shared regions of the pairs worth reporting.
/// </summary>
public static class SimilarityAnalysis
{
    private const string NestedTooDeeply = "the code could not be parsed for comparison (nested too deeply)";

    public static SimilarityReport Run(ClassWork work, StarterCode starter, SimilarityOptions options)
    {
        var skipped = new List<SkippedEntry>(work.Skipped);
        var exercises = work.Students.SelectMany(s => s.Exercises.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var pairs = new List<SimilarPair>();
        foreach (var exercise in exercises)
        {
            var students = work.Students.Where(s => s.Exercises.TryGetValue(exercise, out var files) && files.Count > 0).ToList();
            var codes = new NormalizedCode?[students.Count];
            var prints = new HashSet<ulong>[students.Count];
            var stub = starter.KGramsOf(exercise);
            var unreadable = new string?[students.Count];
            Parallel.For(0, students.Count, s =>
            {
                prints[s] = [];
                var files = students[s].Exercises[exercise];
                // Learner text, parsed as the compile parses it: the bracket scan first (the parser
                // recurses on brackets without a stack guard, and a stack overflow cannot be
                // caught: it ended the whole batch), then on a large stack within a time limit.
                if (files.Any(file => NestingDepth.FirstBeyond(file.Text, CompileLimits.Default.MaxDepth) is not null))
                {
                    unreadable[s] = NestedTooDeeply;
                    return;
                }

                try
                {
                    if (!RoslynThread.TryRun($"normalise {students[s].Student}", CompileLimits.Default.TimeLimit,
                        cancellation => CodeNormalizer.Normalize(files, cancellation), out var code))
                    {
                        unreadable[s] = "the code could not be parsed for comparison (it took too long)";
                        return;
                    }

                    codes[s] = code;
                    prints[s] = Fingerprints.Winnow(Fingerprints.KGrams(code.Tokens, options.KGram), options.Window);
                    prints[s].ExceptWith(stub);
                }
                catch (Exception e) when (e is InsufficientExecutionStackException or InvalidOperationException)
                {
                    // Code nested past what the parser takes: not comparable, and said so.
                    codes[s] = null;
                    prints[s] = [];
                    unreadable[s] = NestedTooDeeply;
                }
            });
            for (var s = 0; s < students.Count; s++)
            {
                if (unreadable[s] is { } reason)
                {
                    skipped.Add(new SkippedEntry($"{students[s].Student}/{exercise}", reason));
                }
            }

            var found = PairFinder.Find(exercise, [.. students.Select(s => s.Student)], prints, options, out var common);
            var index = students.Select((s, i) => (s.Student, i)).ToDictionary(p => p.Student, p => p.i, StringComparer.Ordinal);
            foreach (var pair in found)
            {
                var a = codes[index[pair.StudentA]]!;
                var b = codes[index[pair.StudentB]]!;
                var runs = MatchRegions.Find(a, b, options.KGram, hash => stub.Contains(hash) || common.Contains(hash));
                pairs.Add(pair with
                {
                    Regions = [.. runs.OrderByDescending(run => run.Length).Select(run => new MatchRegion(
                        run.Length, MatchRegions.Lines(a, run.StartA, run.Length), MatchRegions.Lines(b, run.StartB, run.Length)))],
                });
            }
        }

        return new SimilarityReport
        {
            Threshold = options.Threshold,
            KGram = options.KGram,
            Window = options.Window,
            MinShared = options.MinShared,
            Students = work.Students.Count,
            Exercises = exercises,
            Pairs = [.. pairs
                .OrderByDescending(p => p.Similarity)
                .ThenByDescending(p => p.SharedFingerprints)
                .ThenBy(p => p.Exercise, StringComparer.Ordinal)
                .ThenBy(p => p.StudentA, StringComparer.Ordinal)
                .ThenBy(p => p.StudentB, StringComparer.Ordinal)],
            Skipped = skipped,
        };
    }
}
