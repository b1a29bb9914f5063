using Autograder.Reference.GradientDescent;
using static Autograder.Checks.GradientDescent.GradientDescentChecks;

namespace Autograder.Checks.GradientDescent;

/// <summary>
/// Exercise 02, public checks of part 2 (sigmoid, cross-entropies, softmax). Expected values are
/// literal data worked out by hand or, where a hand calculation gives too few digits, recorded
/// once with Python's math module in float64 (marked "recorded"); the rest are properties
/// (rows sum to 1, a shift changes nothing) that need no solution.
/// </summary>
public sealed class LossesChecks() : CheckSource(GradientDescentChecks.Exercise)
{
    private const string Overflow =
        "e^1000 overflows to infinity (doubles end near e^709), and infinity / infinity is NaN";

    [Check("sigmoid-values", "sigmoid on hand-worked values, 1000 and -1000 included", Points = 1, Seed = 0)]
    private static Verdict SigmoidValues(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        // 0.5 at 0 by hand; the others recorded: 1 / (1 + e^-a) in float64. At +-1000 (and 40)
        // the true value is 1 or 0 to the last bit of a double.
        (double A, double Expected)[] cases =
        [
            (0, 0.5), (2, 0.8807970779778823), (-2, 0.11920292202211755), (1, 0.7310585786300049),
            (-3, 0.04742587317756678), (40, 1), (1000, 1), (-1000, 0),
        ];
        foreach (var (a, expected) in cases)
        {
            var seen = losses.Sigmoid(a);
            if (Agrees(seen, expected, 1e-12))
            {
                continue;
            }

            var hint = !double.IsFinite(seen)
                ? $"{Overflow}. Keep the power of e at or below 0: 1 / (1 + e^-a) when a >= 0, and e^a / (1 + e^a) (the same value) when a < 0."
                : "sigmoid(a) = 1 / (1 + e^-a): 0.5 at 0, close to 1 for large a and close to 0 for very negative a.";
            return Verdict.Fail($"Sigmoid({Show.Number(a)}): expected {Show.Number(expected)}, yours {Show.Number(seen)}. {hint}");
        }

        return Verdict.Pass();
    }

    // ln 2 by hand; the rest recorded in float64 from -t log o - (1 - t) log(1 - o), o = sigmoid(z).
    private static readonly (double Z, double T, double Loss, double Gradient)[] ModerateBce =
    [
        (0, 1, 0.6931471805599453, -0.5),
        (0, 0, 0.6931471805599453, 0.5),
        (2, 1, 0.1269280110429725, -0.11920292202211769),
        (2, 0, 2.1269280110429727, 0.8807970779778823),
        (-3, 1, 3.048587351573742, -0.9525741268224333),
        (1, 0.25, 1.0632616875182228, 0.4810585786300049),
    ];

    [Check("bce-values", "binary cross-entropy at moderate logits", Points = 1, Seed = 0)]
    private static Verdict BceValues(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        return Mistakes.FirstIn(ModerateBce, c => BceMistake("BinaryCrossEntropy", losses.BinaryCrossEntropy, c.Z, c.T, c.Loss, _ =>
            c.T is not (0 or 1)
                ? "The target need not be 0 or 1: use -t log o - (1 - t) log(1 - o) as it stands, without choosing a branch by t."
                : "E = -t log o - (1 - t) log(1 - o), with o = sigmoid(z) and the natural log."));
    }

    [Check("bce-gradient", "the gradient of binary cross-entropy at moderate logits", Points = 1, Seed = 0)]
    private static Verdict BceGradient(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        return Mistakes.FirstIn(ModerateBce, c => BceMistake("BinaryCrossEntropyGradient", losses.BinaryCrossEntropyGradient, c.Z, c.T, c.Gradient, seen =>
            Agrees(seen, -c.Gradient, 1e-9)
                ? "Yours has the opposite sign: the loss falls as the logit moves towards the target."
                : "The derivative is taken with respect to the logit z, not o: through o = sigmoid(z), with sigmoid' = o (1 - o), " +
                  "the chain rule simplifies to o - t."));
    }

    [Check("bce-large-logits", "binary cross-entropy and its gradient stay right at logits of +-1000", Points = 2, Seed = 0)]
    private static Verdict BceLargeLogits(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        // By hand from the loss in the logit, max(z, 0) - z t + log(1 + e^-|z|), where the last
        // term is 0 to double precision for |z| >= 40; the gradient is sigmoid(z) - t.
        (double Z, double T, double Loss, double Gradient)[] cases =
        [
            (1000, 0, 1000, 1), (1000, 1, 0, 0), (-1000, 1, 1000, -1), (-1000, 0, 0, 0),
            (40, 0, 40, 1), (-40, 1, 40, -1), (-1000, 0.5, 500, -0.5),
        ];

        // Every loss first, then every gradient.
        var checks = cases.Select(c => (Case: c, Gradient: false)).Concat(cases.Select(c => (Case: c, Gradient: true)));
        return Mistakes.FirstIn(checks, check => check.Gradient
            ? LargeLogitGradientMistake(losses, check.Case.Z, check.Case.T, check.Case.Gradient)
            : LargeLogitLossMistake(losses, check.Case.Z, check.Case.T, check.Case.Loss));
    }

    private static string? LargeLogitLossMistake(ILosses losses, double z, double t, double expected) =>
        BceMistake("BinaryCrossEntropy", losses.BinaryCrossEntropy, z, t, expected, seen =>
            !double.IsFinite(seen)
                ? $"Here o = sigmoid({Show.Number(z)}) is exactly {(z > 0 ? "1" : "0")} in doubles, so log({(z > 0 ? "1 - o" : "o")}) is log 0. " +
                  "Write the loss in the logit instead of in o (the README shows how): then no log of 0 and no overflow can occur."
                : "Far from 0 the loss grows like |z| on the wrong side and vanishes on the right side; " +
                  "clamping o or capping the loss changes its value. Write it in the logit (see the README).");

    private static string? LargeLogitGradientMistake(ILosses losses, double z, double t, double expected) =>
        BceMistake("BinaryCrossEntropyGradient", losses.BinaryCrossEntropyGradient, z, t, expected, seen =>
        {
            var sigmoid = losses.Sigmoid(z);
            return !double.IsFinite(seen) && !double.IsFinite(sigmoid)
                ? $"Your Sigmoid({Show.Number(z)}) is {Show.Number(sigmoid)} too: make Sigmoid safe first (see sigmoid-values)."
                : !double.IsFinite(seen)
                ? "Through the chain rule the factors are 1/o or 1/(1 - o), which are infinite here, times o (1 - o) = 0. " +
                  "Simplify on paper first: the product is o - t, finite for every z."
                : "The gradient with respect to the logit is o - t, with o = sigmoid(z): between -1 and 1 for targets in [0, 1].";
        });

    /// <summary>
    /// What is wrong with the learner's <paramref name="name"/> (<paramref name="learner"/>) at logit <paramref name="z"/>
    /// and target <paramref name="t"/>, or null when it gives <paramref name="expected"/>; <paramref name="hint"/> explains
    /// the value it gave.
    /// </summary>
    private static string? BceMistake(
        string name, Func<double, double, double> learner, double z, double t, double expected, Func<double, string> hint)
    {
        var seen = learner(z, t);
        return Agrees(seen, expected, 1e-12)
            ? null
            : $"{name}(logit {Show.Number(z)}, target {Show.Number(t)}): expected {Show.Number(expected)}, yours {Show.Number(seen)}. {hint(seen)}";
    }

    [Check("softmax-values", "softmax on hand-worked rows; rows sum to 1", Points = 1, Seed = 41)]
    private static Verdict SoftmaxValues(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        // By hand: e^(ln k) = k, so the logits ln 1..ln 4 give 1..4 over 10; equal logits share
        // evenly; one logit gets everything. [1, 2, 3] recorded in float64.
        (double[] Z, double[] P)[] cases =
        [
            ([Math.Log(1), Math.Log(2), Math.Log(3), Math.Log(4)], [0.1, 0.2, 0.3, 0.4]),
            ([0.0, 0.0], [0.5, 0.5]),
            ([7.0], [1.0]),
            ([1.0, 2.0, 3.0], [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]),
            ([0.0, Math.Log(3)], [0.25, 0.75]),
        ];
        foreach (var (z, expected) in cases)
        {
            var given = Copy(z);
            var seen = Expect.Length(losses.Softmax(given), z.Length, "Softmax");
            if (Numerics.MaxAbsDifference(given, z) != 0)
            {
                return Verdict.Fail(
                    $"Softmax changed the logits it was given (from {Show.Vector(z)} to {Show.Vector(given)}). Work on a new array: " +
                    "the caller still needs the logits, for the cross-entropy for example.");
            }

            if (!Agrees(seen, expected, 1e-12))
            {
                var sum = seen.Sum();
                var hint = !Agrees(sum, 1, 1e-12)
                    ? $"Your row sums to {Show.Number(sum)}: divide each e^(z_i) by the sum over the whole row."
                    : "p_i = e^(z_i) / sum_j e^(z_j), with the natural exponential.";
                return Verdict.Fail($"Softmax({Show.Vector(z)}): expected {Show.Vector(expected)}, yours {Show.Vector(seen)}. {hint}");
            }
        }

        // Random moderate rows: probabilities in [0, 1] that sum to 1.
        var random = context.Random();
        for (var trial = 0; trial < 50; trial++)
        {
            var z = Enumerable.Range(0, 2 + random.NextInt(7)).Select(_ => random.Gaussian(0, 3)).ToArray();
            var seen = Expect.Length(losses.Softmax(Copy(z)), z.Length, "Softmax");
            var sum = seen.Sum();
            if (!Agrees(sum, 1, 1e-12) || seen.Any(p => !(p is >= 0 and <= 1)))
            {
                return Verdict.Fail(
                    $"Softmax({Show.Vector(z)}) gave {Show.Vector(seen)}, which sums to {Show.Number(sum)}. " +
                    "Probabilities lie in [0, 1] and every row sums to 1: divide each e^(z_i) by the sum over the whole row.");
            }
        }

        return Verdict.Pass();
    }

    [Check("softmax-shift-invariance", "softmax ignores a constant added to every logit", Points = 1, Seed = 42)]
    private static Verdict SoftmaxShiftInvariance(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        var random = context.Random();
        double[] shifts = [1000, -1000, 50];
        for (var trial = 0; trial < 20; trial++)
        {
            var z = Enumerable.Range(0, 2 + random.NextInt(5)).Select(_ => random.Gaussian(0, 2)).ToArray();
            var plain = Expect.Length(losses.Softmax(Copy(z)), z.Length, "Softmax");
            // The unshifted row must be softmax itself, or a constant row would pass: p_i / p_j = e^(z_i - z_j) and sum 1.
            var ratioOff = Enumerable.Range(1, z.Length - 1).Any(i => !(Math.Abs(Math.Log(plain[i] / plain[0]) - (z[i] - z[0])) <= 1e-9));
            if (ratioOff || !(Math.Abs(plain.Sum() - 1) <= 1e-12))
            {
                return Verdict.Fail(
                    $"Softmax of z = {Show.Vector(z)} gave {Show.Vector(plain)}, which is not e^(z_i) / sum_j e^(z_j): the probabilities must " +
                    "sum to 1 and any two must stand in the ratio p_i / p_j = e^(z_i - z_j). Shifting the logits is only checked on a row that is right.");
            }

            foreach (var shift in shifts)
            {
                var shifted = Expect.Length(losses.Softmax([.. z.Select(v => v + shift)]), z.Length, "Softmax");
                // 1e-10: z + 1000 keeps about 13 digits of z, so the two rows agree to about 1e-13.
                if (Numerics.AllFinite(plain) && Agrees(shifted, plain, 1e-10))
                {
                    continue;
                }

                var hint = !Numerics.AllFinite(shifted) || !Numerics.AllFinite(plain)
                    ? $"{Overflow} (or e^-1000 underflows to 0, and 0 / 0 is NaN). Because a shift changes nothing, you may subtract the " +
                      "row's largest logit from every logit before taking e^: the largest power is then e^0 = 1 and nothing overflows."
                    : "e^(z_i + c) / sum_j e^(z_j + c) = e^(z_i) / sum_j e^(z_j): the factor e^c cancels, so the result must not change.";
                return Verdict.Fail(
                    $"Softmax of z = {Show.Vector(z)} gave {Show.Vector(plain)}; with {Show.Number(shift)} added to every logit it gave " +
                    $"{Show.Vector(shifted)}. {hint}");
            }
        }

        return Verdict.Pass();
    }

    [Check("softmax-large-logits", "softmax stays finite and right at logits of 1000", Points = 1, Seed = 0)]
    private static Verdict SoftmaxLargeLogits(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        // By hand: e^-1000 and e^-2000 are 0 in doubles; equal logits share evenly; a gap of 1
        // gives 1 / (1 + e^-1) (recorded in float64); a gap of ln 3 gives 1/4 and 3/4.
        (double[] Z, double[] P)[] cases =
        [
            ([1000.0, 0.0, -1000.0], [1.0, 0.0, 0.0]),
            ([-1000.0, -1000.0], [0.5, 0.5]),
            ([1000.0, 999.0], [0.7310585786300049, 0.2689414213699951]),
            ([1000.0, 1000.0 + Math.Log(3)], [0.25, 0.75]),
        ];
        foreach (var (z, expected) in cases)
        {
            var seen = Expect.Length(losses.Softmax(Copy(z)), z.Length, "Softmax");
            if (!Agrees(seen, expected, 1e-12))
            {
                var hint = !Numerics.AllFinite(seen)
                    ? $"{Overflow} (and e^-1000 is 0, so equal logits of -1000 give 0 / 0). Subtract the row's largest logit from every " +
                      "logit before taking e^: softmax ignores a constant shift, and the largest power becomes e^0 = 1."
                    : "p_i = e^(z_i) / sum_j e^(z_j), with the row's largest logit subtracted first so that nothing overflows.";
                return Verdict.Fail($"Softmax({Show.Vector(z)}): expected {Show.Vector(expected)}, yours {Show.Vector(seen)}. {hint}");
            }
        }

        return Verdict.Pass();
    }

    /// <summary>A batch of logits with labels and, worked by hand, its mean cross-entropy and gradient (p - onehot)/N.</summary>
    private sealed record Batch(double[][] Logits, int[] Labels, double Loss, double[][] Gradient, string Why);

    private static readonly double[] Quarters = [Math.Log(1), Math.Log(2), Math.Log(3), Math.Log(4)];

    private static readonly Batch[] ModerateBatches =
    [
        // p = [0.1, 0.2, 0.3, 0.4] and [0.25] * 4; -log 0.4 = 0.9163, -log 0.25 = 1.3863; mean
        // recorded in float64. Gradient: subtract 1 at the label, divide by N = 2.
        new([Quarters, [0.0, 0.0, 0.0, 0.0]], [3, 1], 1.1512925464970227,
            [[0.05, 0.1, 0.15, -0.3], [0.125, -0.375, 0.125, 0.125]], "two rows of four classes"),
        // One row: p from [1, 2, 3] as in softmax-values, -log p_0 and p - [1, 0, 0] recorded in float64.
        new([[1.0, 2.0, 3.0]], [0], 2.40760596444438,
            [[-0.9099694268296196, 0.24472847105479767, 0.6652409557748219]], "one row"),
        // p = [1/4, 3/4], [3/4, 1/4], [1/2, 1/2]; labels pick 3/4, 1/4, 1/2; mean of -log recorded.
        // Gradient: [1/4, -1/4], [3/4, -3/4], [-1/2, 1/2], each divided by N = 3.
        new([[0.0, Math.Log(3)], [Math.Log(3), 0.0], [0.0, 0.0]], [1, 1, 0], 0.7890412047105389,
            [[0.25 / 3, -0.25 / 3], [0.25, -0.25], [-0.5 / 3, 0.5 / 3]], "three rows of two classes"),
    ];

    private static readonly Batch[] LargeBatches =
    [
        // Row 1: p = [1, 0, 0], label 2: -log p_2 = log(e^1000 + ...) - (-1000) = 2000. Row 2:
        // even, -log(1/3) = ln 3. Mean (2000 + ln 3) / 2 recorded in float64.
        new([[1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1000.0]], [2, 1], 1000.5493061443341,
            [[0.5, 0.0, -0.5], [1.0 / 6, -1.0 / 3, 1.0 / 6]], "two rows with logits of +-1000"),
        // The same p as softmax([1, 2, 3]): -log p_0 as in cross-entropy-values.
        new([[1000.0, 999.0, 998.0]], [2], 2.40760596444438,
            [[0.6652409557748219, 0.24472847105479767, -0.9099694268296196]], "one row with logits near 1000"),
        // p = [0, 1] in doubles; the true class is 1000 behind: -log p_0 = 1000.
        new([[0.0, 1000.0]], [0], 1000, [[-1.0, 1.0]], "one row whose true class is 1000 behind"),
    ];

    [Check("cross-entropy-values", "cross-entropy on hand-worked batches", Points = 1, Seed = 0)]
    private static Verdict CrossEntropyValues(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        return Mistakes.FirstIn(ModerateBatches, batch => LossMistake(losses, batch));
    }

    private static string? LossMistake(ILosses losses, Batch batch)
    {
        var seen = losses.CrossEntropy(Copy(batch.Logits), (int[])batch.Labels.Clone());
        if (Agrees(seen, batch.Loss, 1e-12))
        {
            return null;
        }

        var count = batch.Labels.Length;
        var hint = double.IsNaN(seen)
            ? $"{Overflow}. Subtract the row's largest logit m before taking e^."
            : double.IsPositiveInfinity(seen)
                ? "A label's probability is below the smallest double, so -log p is -log 0 = infinity. Compute log p without " +
                  "forming p: log p_k = z_k - m - log sum_j e^(z_j - m), with m the row's largest logit."
            : count > 1 && Agrees(seen, count * batch.Loss, 1e-9)
                ? $"Yours is the sum over the {count} rows: the loss is their mean, so divide by N."
            : Agrees(seen, -batch.Loss, 1e-9)
                ? "Yours has the opposite sign: log p is negative, so the loss -log p is positive."
                : "For each row take -log of the softmax probability of its label (natural log), computed as " +
                  "z_k - m - log sum_j e^(z_j - m) with m the row's largest logit, then average over the rows; clamping p changes the value.";
        return $"CrossEntropy on {batch.Why}, logits {Rows(batch.Logits)}, labels {Show.Integers(batch.Labels)}: " +
            $"expected {Show.Number(batch.Loss)}, yours {Show.Number(seen)}. {hint}";
    }

    [Check("cross-entropy-gradient", "the cross-entropy gradient is (p - onehot)/N", Points = 2, Seed = 0)]
    private static Verdict CrossEntropyGradient(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        return Mistakes.FirstIn(ModerateBatches, batch => GradientMistake(losses, batch));
    }

    private static string? GradientMistake(ILosses losses, Batch batch)
    {
        var count = batch.Labels.Length;
        var width = batch.Logits[0].Length;
        var seen = Expect.Shape(losses.CrossEntropyGradient(Copy(batch.Logits), (int[])batch.Labels.Clone()), count, width, "CrossEntropyGradient");
        var flatSeen = seen.SelectMany(row => row).ToArray();
        var flatExpected = batch.Gradient.SelectMany(row => row).ToArray();
        if (Agrees(flatSeen, flatExpected, 1e-12))
        {
            return null;
        }

        var scale = ScaleBetween(flatSeen, flatExpected);
        var withoutLabel = batch.Gradient.Select((row, n) => row.Select((g, k) => g + (k == batch.Labels[n] ? 1.0 / count : 0)).ToArray());
        var hint = !Numerics.AllFinite(flatSeen)
            ? $"Some entries are not finite: {Overflow}. Use the softmax that subtracts the row's largest logit."
            : scale is { } s && count > 1 && Math.Abs(s - count) <= 1e-6 * count
                ? $"Yours is N = {count} times too large: the loss is a mean over the rows, so each row's gradient is divided by N."
            : scale is { } t && Math.Abs(t + 1) <= 1e-6
                ? "Yours has the opposite sign: the gradient is p - onehot, positive on the wrong classes."
            : Agrees(flatSeen, [.. withoutLabel.SelectMany(row => row)], 1e-9)
                ? "Yours is p / N: subtract 1 at each row's label (the one-hot target) before dividing by N."
                : "dE/dz[n, k] = (p[n, k] - onehot[n, k]) / N, with p the softmax of row n and onehot 1 at its label.";
        return $"CrossEntropyGradient on {batch.Why}, logits {Rows(batch.Logits)}, labels {Show.Integers(batch.Labels)}: " +
            $"expected {Rows(batch.Gradient)}, yours {Rows(seen)}. {hint}";
    }

    [Check("cross-entropy-large-logits", "cross-entropy and its gradient stay right at logits of 1000", Points = 2, Seed = 0)]
    private static Verdict CrossEntropyLargeLogits(CheckContext context)
    {
        var losses = context.Create<ILosses>();
        return Mistakes.FirstIn(LargeBatches, batch => LossMistake(losses, batch) ?? GradientMistake(losses, batch));
    }
}
