namespace Autograder.Grader.Similarity;

/// <summary>
/// One pass over a class: per exercise, normalise every submission (in parallel; parsing is the
/// cost), winnow its fingerprints, subtract the starter, count shared fingerprints per pair and
/// find the shared regions of the pairs worth reporting.
/// </summary>
public static class SimilarityAnalysis
{
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
            Parallel.For(0, students.Count, s =>
            {
                try
                {
                    codes[s] = CodeNormalizer.Normalize(students[s].Exercises[exercise]);
                    prints[s] = Fingerprints.Winnow(Fingerprints.KGrams(codes[s]!.Tokens, options.KGram), options.Window);
                    prints[s].ExceptWith(stub);
                }
                catch (Exception e) when (e is InsufficientExecutionStackException or InvalidOperationException)
                {
                    // Code nested past what the parser takes: not comparable, and said so.
                    codes[s] = null;
                    prints[s] = [];
                }
            });
            for (var s = 0; s < students.Count; s++)
            {
                if (codes[s] is null)
                {
                    skipped.Add(new SkippedEntry($"{students[s].Student}/{exercise}", "the code could not be parsed for comparison (nested too deeply)"));
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
