using Autograder.Checks.Perceptron;
using Autograder.Reference.Perceptron;
using Oracle = Exercises.Perceptron.Perceptron;

namespace Autograder.Checks.Hidden.Perceptron;

/// <summary>
/// Exercise 01, hidden checks: other seeds, other sizes, and exact agreement with the reference
/// solution (the oracle) on random cases. Messages say what went wrong without giving away data
/// a learner could fit to.
/// </summary>
public sealed class PerceptronHiddenChecks() : CheckSource(PerceptronChecks.Exercise)
{
    [Check("update-rule-random", "the training rule on 200 random examples", Points = 2, Seed = 1001, Visibility = Visibility.Hidden)]
    [OracleTrials(200)]
    private static string? UpdateMistake(IPerceptron learner, Oracle oracle, SeededRandom random)
    {
        var dimensions = 1 + random.NextInt(6);
        var start = PerceptronWeights.Random(dimensions, random.NextInt(int.MaxValue));
        var input = Enumerable.Range(0, dimensions).Select(_ => random.Uniform(-3, 3)).ToArray();
        var target = random.NextInt(2);
        var eta = random.Uniform(0.01, 1);
        var theirs = start.Clone();
        var ours = start.Clone();
        learner.Update(theirs, (double[])input.Clone(), target, eta);
        oracle.Update(ours, input, target, eta);
        if (Numerics.MaxAbsDifference(theirs.Weights, ours.Weights) > 1e-12 || Math.Abs(theirs.Bias - ours.Bias) > 1e-12)
        {
            var said = oracle.Predict(start, input);
            return $"on a random example where the perceptron answered {said} and the target was {target}, Update moved the weights " +
                $"differently from the rule dw_i = eta (y - yhat) x_i, bias += eta (y - yhat). " +
                "Check the sign of (y - yhat), that yhat is computed before any weight changes, and that the bias moves too.";
        }

        return null;
    }

    /// <summary>
    /// Replays Train with the reference: five separable sets with small caps, one with the cap at
    /// exactly the epoch that converges (Converged must then be true), and XOR at a cap (every
    /// reported count must be the real one). The learner's numbers are compared, never trusted.
    /// </summary>
    [Check("train-matches-reference", "Train takes the same steps as the reference", Points = 2, Seed = 1002, Visibility = Visibility.Hidden)]
    private static Verdict TrainMatchesReference(CheckContext context)
    {
        var learner = context.Create<IPerceptron>();
        var oracle = new Oracle();
        var trials = new List<(ClassificationSet Data, PerceptronWeights Start, int Cap, string What)>();
        for (var trial = 0; trial < 5; trial++)
        {
            trials.Add((Generators.LinearlySeparable(60, 3, context.Seed + trial, margin: 0.02),
                PerceptronWeights.Random(3, context.Seed + 100 + trial), 3 + trial, $"a cap of {3 + trial} epochs"));
        }

        var exact = Generators.LinearlySeparable(40, 2, context.Seed + 7);
        var exactStart = PerceptronWeights.Random(2, context.Seed + 107);
        var converges = oracle.Train(exactStart.Clone(), exact.Inputs, exact.Labels, 0.05, 1000).Epochs;
        trials.Add((exact, exactStart, converges, "the cap equal to the epoch that converges"));
        trials.Add((BooleanFunctions.Xor, PerceptronWeights.Random(2, context.Seed + 200), 9, "XOR and a cap of 9 epochs"));

        foreach (var (data, start, cap, what) in trials)
        {
            var theirs = start.Clone();
            var ours = start.Clone();
            var theirRun = Expect.NotNull(learner.Train(theirs, [.. data.Inputs.Select(x => (double[])x.Clone())], [.. data.Labels], 0.05, cap), "Train");
            var ourRun = oracle.Train(ours, data.Inputs, data.Labels, 0.05, cap);
            var sameWeights = Numerics.MaxAbsDifference(theirs.Weights, ours.Weights) <= 1e-9 && Math.Abs(theirs.Bias - ours.Bias) <= 1e-9;
            var sameCounts = theirRun.MistakesPerEpoch is { } counts && counts.SequenceEqual(ourRun.MistakesPerEpoch);
            if (sameWeights && sameCounts && theirRun.Epochs == ourRun.Epochs && theirRun.Converged != ourRun.Converged)
            {
                return Verdict.Fail(
                    $"with {what}, Train took the right steps but reported converged = {Show.Bool(theirRun.Converged)}, " +
                    "which disagrees with the mistakes it counted in its last epoch. Converged says whether the last epoch run made no mistake, also when that " +
                    "epoch is the cap: decide it from the mistakes of that epoch, not from the epoch count.");
            }

            if (!(sameWeights && sameCounts && theirRun.Epochs == ourRun.Epochs && theirRun.Converged == ourRun.Converged))
            {
                return Verdict.Fail(
                    $"with {what}, Train's run differs from what the training rule gives: {Difference(theirRun, ourRun)}. " +
                    "Visit the examples in the order given, count a mistake when Predict is wrong before updating, update after every example, " +
                    "report the count of every epoch run, and stop after the first epoch without mistakes or at the cap.");
            }
        }

        return Verdict.Pass();
    }

    /// <summary>Which part of two runs differs first, without the reference's numbers on the hidden data.</summary>
    private static string Difference(PerceptronTraining theirs, PerceptronTraining ours)
    {
        if (theirs.MistakesPerEpoch is null)
        {
            return "it reported no mistake counts (MistakesPerEpoch is null)";
        }

        var epoch = theirs.MistakesPerEpoch.Zip(ours.MistakesPerEpoch).TakeWhile(pair => pair.First == pair.Second).Count();
        return epoch < Math.Min(theirs.MistakesPerEpoch.Length, ours.MistakesPerEpoch.Length)
            ? $"the mistakes counted in epoch {epoch + 1} differ"
            : theirs.MistakesPerEpoch.Length != ours.MistakesPerEpoch.Length
                ? $"the mistakes agree for {epoch} epoch(s), then {(theirs.MistakesPerEpoch.Length < ours.MistakesPerEpoch.Length ? "yours stops early" : "yours goes on too long")}"
                : theirs.Epochs != ours.Epochs
                    ? $"the mistakes agree, but yours reports Epochs = {theirs.Epochs} for a run of {theirs.MistakesPerEpoch.Length} epoch(s)"
                    : theirs.Converged != ours.Converged
                        ? $"the mistakes agree, but yours reports Converged = {Show.Bool(theirs.Converged)}"
                        : "the mistakes agree, but the final weights differ";
    }

    [Check("learns-separable-5d", "separates 300 random points in 5D", Points = 1, Seed = 1003, Visibility = Visibility.Hidden)]
    private static Verdict LearnsSeparable5D(CheckContext context) => PerceptronChecks.LearnsSeparable(context, 300, 5, maxEpochs: 500);

    [Check("learns-and-other-start", "learns AND from another start", Points = 1, Seed = 1004, Visibility = Visibility.Hidden)]
    private static Verdict LearnsAndOtherStart(CheckContext context) => PerceptronChecks.LearnsBoolean(context, "AND", BooleanFunctions.And);

    [Check("xor-other-cap", "respects another epoch cap on XOR", Points = 1, Seed = 1005, Visibility = Visibility.Hidden)]
    private static Verdict XorOtherCap(CheckContext context) => PerceptronChecks.XorNotConverged(context, 7);
}
