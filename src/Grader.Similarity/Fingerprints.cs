namespace Autograder.Grader.Similarity;

/// <summary>
/// k-gram hashes and winnowing (Schleimer, Wilkerson and Aiken 2003, the algorithm behind MOSS):
/// of every window of <c>w</c> consecutive k-gram hashes the smallest is kept, so any run of at
/// least k + w - 1 shared tokens shares a fingerprint, while a submission keeps only about 2/(w+1)
/// of its k-grams.
/// </summary>
public static class Fingerprints
{
    private const ulong Base = 1099511628211UL;

    /// <summary>The hash of every k-token run, in order; empty when there are fewer than k tokens.</summary>
    public static ulong[] KGrams(CodeToken[] tokens, int k)
    {
        if (tokens.Length < k)
        {
            return [];
        }

        var hashes = new ulong[tokens.Length - k + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = 0UL;
            for (var j = 0; j < k; j++)
            {
                hash = (hash * Base) + tokens[i + j].Hash;
            }

            hashes[i] = hash;
        }

        return hashes;
    }

    /// <summary>The winnowed fingerprints of the k-gram hashes (the rightmost minimum of each window).</summary>
    public static HashSet<ulong> Winnow(ulong[] kgrams, int window)
    {
        var selected = new HashSet<ulong>();
        if (kgrams.Length == 0)
        {
            return selected;
        }

        if (kgrams.Length <= window)
        {
            selected.Add(kgrams.Min());
            return selected;
        }

        var previous = -1;
        for (var start = 0; start + window <= kgrams.Length; start++)
        {
            var best = start;
            for (var i = start + 1; i < start + window; i++)
            {
                if (kgrams[i] <= kgrams[best])
                {
                    best = i;
                }
            }

            if (best != previous)
            {
                selected.Add(kgrams[best]);
                previous = best;
            }
        }

        return selected;
    }
}
