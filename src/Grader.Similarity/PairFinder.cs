namespace Autograder.Grader.Similarity;

/// <summary>
/// Counts shared fingerprints for every pair of submissions of one exercise through an inverted
/// index (fingerprint to holders), so the cost follows what is shared, not the square of the class.
/// </summary>
internal static class PairFinder
{
    /// <summary>
    /// A fingerprint held by more submissions than this is code the exercise leads everyone to
    /// (MOSS's -m): it is dropped like the starter code. Never fewer than 10 holders, so small
    /// classes and copy rings of a few students are unaffected.
    /// </summary>
    public static int MaxHolders(int submissions, double commonFraction) =>
        Math.Max(10, (int)Math.Ceiling(submissions * commonFraction));

    public static List<SimilarPair> Find(
        string exercise, IReadOnlyList<string> students, IReadOnlyList<HashSet<ulong>> fingerprints,
        SimilarityOptions options, out HashSet<ulong> common)
    {
        var holders = new Dictionary<ulong, List<int>>();
        for (var s = 0; s < fingerprints.Count; s++)
        {
            foreach (var hash in fingerprints[s])
            {
                if (!holders.TryGetValue(hash, out var list))
                {
                    holders[hash] = list = [];
                }

                list.Add(s);
            }
        }

        var limit = MaxHolders(students.Count, options.CommonFraction);
        common = [.. holders.Where(pair => pair.Value.Count > limit).Select(pair => pair.Key)];
        var n = students.Count;
        var own = new int[n];
        var shared = new int[n * (n - 1) / 2];
        foreach (var (_, list) in holders)
        {
            if (list.Count > limit)
            {
                continue;
            }

            for (var i = 0; i < list.Count; i++)
            {
                own[list[i]]++;
                for (var j = i + 1; j < list.Count; j++)
                {
                    shared[Index(list[i], list[j], n)]++;
                }
            }
        }

        var pairs = new List<SimilarPair>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var count = shared[Index(a, b, n)];
                var smaller = Math.Min(own[a], own[b]);
                if (count < options.MinShared || smaller == 0)
                {
                    continue;
                }

                var similarity = (double)count / smaller;
                if (similarity >= options.Threshold)
                {
                    pairs.Add(new SimilarPair
                    {
                        Exercise = exercise,
                        StudentA = students[a],
                        StudentB = students[b],
                        Similarity = similarity,
                        SharedFingerprints = count,
                        FingerprintsA = own[a],
                        FingerprintsB = own[b],
                    });
                }
            }
        }

        return pairs;
    }

    // Row a of the upper triangle starts after the a rows above it, which hold n-1, n-2, ... cells.
    private static int Index(int a, int b, int n) => (a * ((2 * n) - a - 1) / 2) + (b - a - 1);
}
