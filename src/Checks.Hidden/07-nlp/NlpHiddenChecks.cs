using Autograder.Checks.Nlp;
using Autograder.Reference.Nlp;
using TorchSharp;
using Oracle = Exercises.Nlp.SentimentPipeline;

namespace Autograder.Checks.Hidden.Nlp;

/// <summary>
/// Exercise 07, hidden checks: exact agreement with the reference on random texts, vocabularies
/// and paddings; pooling over a batch of mixed lengths; the vocabulary check on other data; and
/// the held-out accuracy compared with the reference trained on the same corpus.
/// </summary>
public sealed class NlpHiddenChecks() : CheckSource(NlpChecks.Exercise)
{
    [Check("tokenizer-matches-reference", "the tokenizer on random strings", Points = 1, Seed = 7001, Visibility = Visibility.Hidden)]
    private static Verdict TokenizerMatchesReference(CheckContext context)
    {
        var learner = context.Create<ISentimentPipeline>();
        var oracle = new Oracle();
        var random = context.Random();
        // Besides ASCII: accented and non-Latin letters, decimal digits of another script, other
        // numbers, combining marks, connector punctuation and the typographic apostrophe.
        const string alphabet = "abcdeXYZéÈß0129''''   \t\n.,!?;:-/\"()__\u0301\u0308\u203FΩжЖ٣²’";
        for (var trial = 0; trial < 300; trial++)
        {
            var text = new string([.. Enumerable.Range(0, random.NextInt(40)).Select(_ => alphabet[random.NextInt(alphabet.Length)])]);
            var theirs = Expect.NotNull(learner.Tokenize(text), "Tokenize");
            var ours = oracle.Tokenize(text);
            if (!theirs.SequenceEqual(ours, StringComparer.Ordinal))
            {
                return Verdict.Fail(
                    $"Tokenize on a random string of {text.Length} characters (letters and digits of several scripts, combining marks, apostrophes, punctuation, white space): " +
                    $"{FirstDifference(theirs, ours)}. Check lower-casing with ToLowerInvariant, apostrophes at the start or end of a word " +
                    "(they are tokens of their own), runs of several apostrophes, tabs or line breaks, '_' (a token of its own), and " +
                    "combining marks (part of the run they follow, a token of their own with no run before them).");
            }
        }

        return Verdict.Pass();
    }

    [Check("vocabulary-matches-reference", "vocabularies of a corpus and of random tokens", Points = 1, Seed = 7002, Visibility = Visibility.Hidden)]
    private static Verdict VocabularyMatchesReference(CheckContext context)
    {
        var learner = context.Create<ISentimentPipeline>();
        var oracle = new Oracle();
        var corpus = SentimentCorpus.Generate(500, context.Seed).Select(text => oracle.Tokenize(text.Text)).ToArray();
        var random = context.Random(1);
        // Few distinct tokens, mixed case: many ties, which only ordinal order breaks the same way everywhere.
        string[] pool = ["a", "A", "b", "B", "ab", "Ab", "aB", "é", "e", "E", "z", "Z", "10", "9", "!"];
        var ties = Enumerable.Range(0, 40)
            .Select(_ => Enumerable.Range(0, random.NextInt(8)).Select(_ => pool[random.NextInt(pool.Length)]).ToArray())
            .ToArray();
        foreach (var (name, texts) in new[] { ("a generated corpus", corpus), ("random tokens with many ties", ties) })
        {
            foreach (var minFrequency in new[] { 1, 3, 7 })
            {
                var theirs = Expect.NotNull(learner.BuildVocabulary([.. texts.Select(t => (string[])t.Clone())], minFrequency), "BuildVocabulary");
                var ours = oracle.BuildVocabulary(texts, minFrequency);
                if (!theirs.Tokens.SequenceEqual(ours.Tokens, StringComparer.Ordinal))
                {
                    return Verdict.Fail(
                        $"BuildVocabulary of {name} with minFrequency {minFrequency}: {FirstDifference(theirs.Tokens, ours.Tokens)}. " +
                        $"{NlpChecks.VocabularyHint(theirs.Tokens)} Ordinal order compares character codes (\"Z\" before \"a\"); " +
                        "culture-aware comparison differs between machines.");
                }
            }
        }

        return Verdict.Pass();
    }

    /// <summary>
    /// Where two token lists first differ and what kind of token the rule has there, without the
    /// hidden input, the rule's tokens on it, or a token of the learner's choosing.
    /// </summary>
    private static string FirstDifference(IReadOnlyList<string> theirs, IReadOnlyList<string> ours)
    {
        var index = theirs.Zip(ours).TakeWhile(pair => pair.First == pair.Second).Count();
        if (index == theirs.Count || index == ours.Count)
        {
            return $"yours has {(theirs.Count < ours.Count ? "fewer" : "more")} tokens than the rule gives, the first {index} the same";
        }

        return $"the first difference is at position {index}, where the rule's token {Kind(ours[index])}";
    }

    private static string Kind(string token) =>
        token.Contains('\'') ? "is or holds an apostrophe"
        : token.Any(char.IsDigit) ? "holds a digit"
        : token.Any(c => c > 127) ? "holds a letter outside ASCII"
        : token.Length > 0 && !token.Any(char.IsLetter) ? "is punctuation"
        : "is a plain word";

    [Check("encode-pad-matches-reference", "Encode and Pad on random data", Points = 1, Seed = 7003, Visibility = Visibility.Hidden)]
    private static Verdict EncodePadMatchesReference(CheckContext context)
    {
        var learner = context.Create<ISentimentPipeline>();
        var oracle = new Oracle();
        var random = context.Random();
        for (var trial = 0; trial < 50; trial++)
        {
            var words = Enumerable.Range(0, 3 + random.NextInt(10)).Select(i => $"w{i}").ToArray();
            var vocabulary = new Vocabulary([Vocabulary.PadToken, Vocabulary.UnknownToken, .. words.Take(words.Length / 2)]);
            var sequences = Enumerable.Range(0, 1 + random.NextInt(6))
                .Select(_ => Enumerable.Range(0, random.NextInt(12)).Select(_ => words[random.NextInt(words.Length)]).ToArray())
                .ToArray();
            var theirs = sequences.Select(tokens => Expect.NotNull(learner.Encode(vocabulary, (string[])tokens.Clone()), "Encode")).ToArray();
            var ours = sequences.Select(tokens => oracle.Encode(vocabulary, tokens)).ToArray();
            if (theirs.Zip(ours).Any(pair => !pair.First.SequenceEqual(pair.Second)))
            {
                return Verdict.Fail(
                    "Encode on random tokens, half of them unknown to the vocabulary, differs from the rule: every token becomes its index, " +
                    "every unknown token 1 (<unk>), nothing is dropped or added.");
            }

            var length = 1 + random.NextInt(10);
            var padded = Expect.NotNull(learner.Pad([.. ours.Select(row => (int[])row.Clone())], length), "Pad");
            var expected = oracle.Pad(ours, length);
            if (padded.Length != expected.Length || padded.Zip(expected).Any(pair => pair.First is null || !pair.First.SequenceEqual(pair.Second)))
            {
                return Verdict.Fail(
                    $"Pad of {ours.Length} random rows (0 to 11 indices) to length {length} differs from the rule: cut longer rows after " +
                    "their first indices, append 0 to shorter ones, one row out per row in.");
            }
        }

        return Verdict.Pass();
    }

    [Check("pooling-masked-in-a-batch", "each row of a mixed batch pools its own real tokens", Points = 2, Seed = 7004, Visibility = Visibility.Hidden)]
    private static Verdict PoolingMaskedInABatch(CheckContext context)
    {
        torch.manual_seed(context.SeedFor("torch"));
        var learner = context.Create<ISentimentPipeline>();
        const int size = 6;
        using var model = Expect.NotNull(learner.CreateModel(30, size, context.Device), "CreateModel");
        var random = context.Random();
        var sentences = Enumerable.Range(0, 7)
            .Select(i => i == 3 ? [] : Enumerable.Range(0, 1 + random.NextInt(10)).Select(_ => (long)(1 + random.NextInt(29))).ToArray())
            .ToArray();
        var batch = sentences.Select(s => s.Concat(Enumerable.Repeat(0L, 10 - s.Length)).ToArray()).ToArray();
        var pooled = NlpChecks.PoolRows(model, batch, size, context.Device);
        for (var i = 0; i < sentences.Length; i++)
        {
            if (sentences[i].Length == 0)
            {
                if (!pooled[i].All(v => v == 0))
                {
                    return Verdict.Fail(
                        $"a row of padding only pooled to {(pooled[i].All(double.IsFinite) ? "non-zero values" : "NaN")}, expected zeros: with no real token there is nothing to " +
                        "average. Divide by max(1, number of real tokens) so that the row gives 0 instead of 0/0 = NaN.");
                }

                continue;
            }

            var alone = NlpChecks.PoolRows(model, [sentences[i]], size, context.Device)[0];
            var off = Numerics.MaxAbsDifference(pooled[i], alone);
            if (!(off <= 1e-5))
            {
                return Verdict.Fail(
                    $"in a batch of {batch.Length} rows padded to 10, the row with {sentences[i].Length} real tokens pooled differently from the " +
                    $"same sentence alone without padding (by up to {Show.Number(off)}). Each row's mean must use its own count of real tokens " +
                    "(a mask per row), not the batch's.");
            }
        }

        return Verdict.Pass();
    }

    [Check("vocabulary-from-training-only-other-data", "the test texts leave the vocabulary alone, other data", Points = 1, Seed = 7005, Visibility = Visibility.Hidden)]
    private static Verdict VocabularyFromTrainingOnlyOtherData(CheckContext context) =>
        NlpChecks.VocabularyFromTrainingOnly(context, new TextSetup(3, 40));

    [Check("held-out-accuracy-vs-reference", "held-out accuracy on plain sentences within 5 points of the reference", Points = 3, Seed = 7006, Visibility = Visibility.Hidden)]
    private static Verdict HeldOutAccuracyVersusReference(CheckContext context)
    {
        var (train, test) = NlpChecks.Corpus(context.Seed);
        torch.manual_seed(context.SeedFor("torch"));
        var reference = NlpChecks.Accuracy(new Oracle(), train, test, context.Device);
        // Plain sentences only: the rest need word order, and how many of them a bag model gets
        // right varies with its training (docs/checks/seed-sweep.md).
        return NlpChecks.HeldOutAccuracy(context, reference.Plain - NlpChecks.AllowedShortfall, "5 points below the reference trained on the same texts");
    }

    /// <summary>
    /// Train runs from the same torch seed on the check's own small random set, then again with
    /// only one part of it changed: the tokens of the first row, of the last row, or the first
    /// token of every row. A Train that learns from that part gives a model with other logits; one
    /// that gives exactly the same logits never looked at it (a copy loop that starts at 1, say).
    /// Nothing the learner reports is used, and accuracy is not judged.
    /// </summary>
    [Check("train-uses-every-row-and-token", "Train learns from the first and last rows and the first token of each", Points = 1, Seed = 7007, Visibility = Visibility.Hidden)]
    private static Verdict TrainUsesEveryRowAndToken(CheckContext context)
    {
        const int Rows = 20, Width = 6, VocabularySize = 12;
        var pipeline = context.Create<ISentimentPipeline>();
        var random = context.Random();
        int Word() => 2 + random.NextInt(VocabularySize - 2);
        var ids = Enumerable.Range(0, Rows).Select(_ =>
        {
            var real = 1 + random.NextInt(Width);
            return Enumerable.Range(0, Width).Select(t => t < real ? Word() : Vocabulary.PadIndex).ToArray();
        }).ToArray();
        var labels = Enumerable.Range(0, Rows).Select(_ => random.NextInt(2)).ToArray();
        // Every word alone, and every training row: the logits the models are compared on.
        var probeRows = Enumerable.Range(2, VocabularySize - 2)
            .Select(w => Enumerable.Range(0, Width).Select(t => t == 0 ? w : Vocabulary.PadIndex).ToArray()).Concat(ids).ToArray();
        static int Other(int word) => word == Vocabulary.PadIndex ? word : 2 + ((word - 2 + 1) % (VocabularySize - 2));

        double[] LogitsAfter(int[][] rows)
        {
            torch.manual_seed(context.SeedFor("torch"));
            using var model = Expect.NotNull(
                pipeline.Train([.. rows.Select(row => (int[])row.Clone())], (int[])labels.Clone(), VocabularySize, context.Device), "Train");
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            var batch = torch.tensor(probeRows.SelectMany(row => row.Select(v => (long)v)).ToArray(), [probeRows.Length, Width], device: context.Device);
            return Expect.NotNull(model.Logits(batch), "Logits").to(torch.ScalarType.Float64).cpu().data<double>().ToArray();
        }

        var baseline = LogitsAfter(ids);
        (string What, int[][] Rows)[] variants =
        [
            ("the tokens of the first row", [.. ids.Select((row, r) => r == 0 ? row.Select(Other).ToArray() : row)]),
            ("the tokens of the last row", [.. ids.Select((row, r) => r == Rows - 1 ? row.Select(Other).ToArray() : row)]),
            ("the first token of every row", [.. ids.Select(row => row.Select((w, t) => t == 0 ? Other(w) : w).ToArray())]),
        ];
        foreach (var (what, rows) in variants)
        {
            if (LogitsAfter(rows).SequenceEqual(baseline))
            {
                return Verdict.Fail(
                    $"trained from the same torch seed on {Rows} random rows of {Width} indices, and again with only {what} changed, " +
                    "your model gave exactly the same logits: Train never used that part of its data. Check how Train turns the " +
                    "index rows into a tensor: every row, from the first, and every position of a row, from the first, must be copied.");
            }
        }

        return Verdict.Pass("the first row, the last row and the first token of every row all change what Train learns");
    }
}
