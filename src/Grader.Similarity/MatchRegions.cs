namespace Autograder.Grader.Similarity;

/// <summary>
/// The shared runs of two submissions, token for token (greedy, longest first at each place in
/// A), for the side-by-side view. Runs made only of excluded k-grams (starter, common code) are
/// not shown: they are not what the pair is reported for.
/// </summary>
internal static class MatchRegions
{
    // Repetitive code (a hundred identical lines) would make every position a candidate.
    private const int MaxCandidates = 32;

    public sealed record Run(int StartA, int StartB, int Length);

    public static List<Run> Find(NormalizedCode a, NormalizedCode b, int k, Func<ulong, bool> excluded)
    {
        var kgramsA = Fingerprints.KGrams(a.Tokens, k);
        var kgramsB = Fingerprints.KGrams(b.Tokens, k);
        var where = new Dictionary<ulong, List<int>>();
        for (var j = 0; j < kgramsB.Length; j++)
        {
            if (excluded(kgramsB[j]))
            {
                continue;
            }

            if (!where.TryGetValue(kgramsB[j], out var list))
            {
                where[kgramsB[j]] = list = [];
            }

            if (list.Count < MaxCandidates)
            {
                list.Add(j);
            }
        }

        var runs = new List<Run>();
        var usedB = new bool[b.Tokens.Length];
        var i = 0;
        while (i < kgramsA.Length)
        {
            Run? best = null;
            if (!excluded(kgramsA[i]) && where.TryGetValue(kgramsA[i], out var starts))
            {
                foreach (var j in starts.Where(j => !usedB[j]))
                {
                    var length = 0;
                    while (i + length < a.Tokens.Length && j + length < b.Tokens.Length && !usedB[j + length]
                        && a.Tokens[i + length].Hash == b.Tokens[j + length].Hash)
                    {
                        length++;
                    }

                    if (length >= k && (best is null || length > best.Length))
                    {
                        best = new Run(i, j, length);
                    }
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            runs.Add(best);
            Array.Fill(usedB, true, best.StartB, best.Length);
            i += best.Length;
        }

        return runs;
    }

    /// <summary>Where tokens [start, start+length) of the code lie, as line ranges per file.</summary>
    public static List<LineRange> Lines(NormalizedCode code, int start, int length)
    {
        var lineStarts = new Dictionary<int, int[]>();
        var ranges = new List<LineRange>();
        for (var t = start; t < start + length; t++)
        {
            var token = code.Tokens[t];
            var file = code.Files[token.File];
            if (!lineStarts.TryGetValue(token.File, out var starts))
            {
                lineStarts[token.File] = starts = LineStarts(file.Text);
            }

            var first = LineOf(starts, token.Start);
            var last = LineOf(starts, token.End - 1);
            if (ranges.Count > 0 && ranges[^1].File == file.DisplayPath && first >= ranges[^1].FirstLine && first <= ranges[^1].LastLine + 1)
            {
                ranges[^1] = ranges[^1] with { LastLine = Math.Max(ranges[^1].LastLine, last) };
            }
            else
            {
                ranges.Add(new LineRange(file.DisplayPath, first, last));
            }
        }

        return ranges;
    }

    public static int[] LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>The 1-based line holding the offset.</summary>
    public static int LineOf(int[] lineStarts, int offset)
    {
        var index = Array.BinarySearch(lineStarts, offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
