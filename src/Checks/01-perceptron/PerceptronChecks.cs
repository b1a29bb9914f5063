using Autograder.Reference.Perceptron;

namespace Autograder.Checks.Perceptron;

/// <summary>
/// Exercise 01, public checks. Expected values are literal data worked out by hand (see the
/// comments), never computed by a trained perceptron of our own: the student copy carries no
/// solution. Learning is judged by the weights Train leaves, classified with the README's
/// threshold (<see cref="Fires"/>), not by the learner's Predict, which need not use them; and a
/// reported Converged or epoch count is checked against what those weights show.
/// </summary>
public sealed class PerceptronChecks() : CheckSource(Exercise)
{
    public static readonly ExerciseSpec Exercise = ExerciseKinds.ByHand("01-perceptron", "Perceptron");

    /// <summary>Epoch cap for the boolean functions: from weights in [-0.5, 0.5] and eta 0.1 they need at most about 10.</summary>
    internal const int BooleanEpochs = 100;

    /// <summary>
    /// Held-out accuracy the separable sets must reach, on new points of the same rule. Measured on
    /// the reference over 2000 seeds: at least 92.8% (100 points in 2D) and 96.1% (300 in 5D);
    /// weights that did not learn score about 50%.
    /// </summary>
    internal const double HeldOutThreshold = 0.85;

    /// <summary>New points of the same separating rule, classified by the trained weights.</summary>
    internal const int HeldOutCount = 1000;

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("predict-threshold", "Predict fires when w·x + bias >= 0", Points = 1, Seed = 0)]
    private static Verdict PredictThreshold(CheckContext context)
    {
        var perceptron = context.Create<IPerceptron>();
        // (weights, bias, input, expected): activation 0.0 must fire, as the rule says ">= 0".
        (double[] W, double B, double[] X, int Expected)[] cases =
        [
            ([1.0, -1.0], 0.0, [2.0, 2.0], 1),   // activation exactly 0
            ([0.5, 0.5], -1.0, [1.0, 0.0], 0),   // -0.5
            ([0.5, 0.5], -1.0, [1.0, 1.0], 1),   // 0.0
            ([-2.0, 1.0], 0.25, [0.5, 0.5], 0),  // -0.25
            ([0.0, 0.0, 3.0], -1.0, [9.0, 9.0, 0.5], 1), // 0.5
        ];
        foreach (var (w, b, x, expected) in cases)
        {
            var weights = new PerceptronWeights(w, b);
            var seen = perceptron.Predict(weights, x);
            if (seen != expected)
            {
                var activation = b + w.Select((wi, i) => wi * x[i]).Sum();
                return Verdict.Fail(
                    $"Predict with w = {Show.Vector(w)}, bias {Show.Number(b)}, x = {Show.Vector(x)}: expected {expected}, yours {seen}. " +
                    $"Here sum w_i x_i + bias = {Show.Number(activation)}; the perceptron answers 1 exactly when that is >= 0 (0 included), else 0.");
            }
        }

        return Verdict.Pass();
    }

    [Check("update-rule", "the training rule on one example", Points = 2, Seed = 0)]
    private static Verdict UpdateRule(CheckContext context)
    {
        var perceptron = context.Create<IPerceptron>();
        // Worked by hand: yhat from the weights before the update, then dw = eta (y - yhat) x.
        (double[] W, double B, double[] X, int Y, double Eta, double[] NewW, double NewB, string Hint)[] cases =
        [
            // activation 0.2 - 0.4 - 0.1 = -0.3 -> yhat 0, y 1: move towards x.
            ([0.2, -0.4], -0.1, [1.0, 1.0], 1, 0.5, [0.7, 0.1], 0.4,
                "the perceptron said 0 but the target is 1, so the weights move towards x: w_i + eta x_i"),
            // activation 0.3 - 0.2 = 0.1 -> yhat 1, y 0: move against x.
            ([0.3, 0.1], 0.0, [1.0, -2.0], 0, 0.5, [-0.2, 1.1], -0.5,
                "the perceptron said 1 but the target is 0, so (y - yhat) = -1 and the weights move against x: w_i - eta x_i"),
            // activation 1.0 -> yhat 1 = y: nothing changes.
            ([1.0, 1.0], 0.0, [0.5, 0.5], 1, 0.5, [1.0, 1.0], 0.0,
                "the perceptron was already right, so (y - yhat) = 0 and nothing changes"),
            // activation -1.5 -> yhat 0, y 1, eta 0.25: bias moves by eta too.
            ([-1.0, 0.5, 0.0], -0.5, [1.0, 0.0, 2.0], 1, 0.25, [-0.75, 0.5, 0.5], -0.25,
                "with eta = 0.25 each w_i moves by 0.25 x_i, so w_1 stays where it is because x_1 = 0"),
        ];
        foreach (var (w, b, x, y, eta, newW, newB, hint) in cases)
        {
            var weights = new PerceptronWeights((double[])w.Clone(), b);
            perceptron.Update(weights, (double[])x.Clone(), y, eta);
            var weightsWrong = !(Numerics.MaxAbsDifference(weights.Weights, newW) <= 1e-12);
            var biasWrong = !(Math.Abs(weights.Bias - newB) <= 1e-12);
            if (weightsWrong || biasWrong)
            {
                return Verdict.Fail(
                    $"Update from w = {Show.Vector(w)}, bias {Show.Number(b)} on x = {Show.Vector(x)}, target {y}, eta {Show.Number(eta)}: " +
                    $"expected w = {Show.Vector(newW)}, bias {Show.Number(newB)}; yours w = {Show.Vector(weights.Weights)}, bias {Show.Number(weights.Bias)}. " +
                    UpdateHint(w, b, newW, newB, weights, eta, weightsWrong, biasWrong, hint));
            }
        }

        return Verdict.Pass();
    }

    /// <summary>
    /// Blames what the evidence shows: the bias alone, the weights alone, or both, and then the
    /// sign, the learning rate or a move where none was due, when the change seen is exactly that.
    /// </summary>
    internal static string UpdateHint(
        double[] w, double b, double[] newW, double newB, PerceptronWeights seen, double eta, bool weightsWrong, bool biasWrong, string caseHint)
    {
        double[] expectedChange = [.. newW.Select((v, i) => v - w[i]), newB - b];
        double[] seenChange = [.. seen.Weights.Select((v, i) => v - w[i]), seen.Bias - b];
        var moved = seenChange.Any(d => d != 0);
        var due = expectedChange.Any(d => d != 0);
        bool Matches(Func<double, double> f) => seenChange.Select((d, i) => Math.Abs(d - f(expectedChange[i])) <= 1e-12).All(ok => ok);
        var part = (weightsWrong, biasWrong) switch
        {
            (false, true) => "The weights are right; only the bias is off. ",
            (true, false) => "The bias is right; only the weights are off. ",
            _ => "",
        };
        if (biasWrong && !weightsWrong)
        {
            var change = seen.Bias - b;
            var biasCause = change == 0 && newB != b ? "yours did not move it"
                : Math.Abs(change + (newB - b)) <= 1e-12 ? "yours moved it the wrong way"
                : "yours moved it by another amount";
            return part + $"The bias is the weight of an input that is always 1, so it moves by eta (y - yhat) = {Show.Number(newB - b)}; {biasCause}.";
        }

        var cause =
            !due && moved ? "The perceptron was already right here, so (y - yhat) = 0 and nothing may move; yours moved the weights."
            : due && !moved ? "The perceptron was wrong here, so the weights must move by eta (y - yhat) x_i; yours left them as they were."
            : Matches(d => -d) ? "Yours moved everything by the right amount in the wrong direction: the factor is (y - yhat), target minus answer, not (yhat - y)."
            : Matches(d => d / eta) ? $"Yours moved by (y - yhat) x_i without the learning rate: multiply by eta = {Show.Number(eta)}."
            : $"dw_i = eta (y - yhat) x_i, with yhat from the weights before the update: {caseHint}.";
        return part + cause;
    }

    [Check("learns-and", "learns AND", Points = 1, Seed = 11)]
    private static Verdict LearnsAnd(CheckContext context) => LearnsBoolean(context, "AND", BooleanFunctions.And);

    [Check("learns-or", "learns OR", Points = 1, Seed = 12)]
    private static Verdict LearnsOr(CheckContext context) => LearnsBoolean(context, "OR", BooleanFunctions.Or);

    [Check("learns-nand", "learns NAND", Points = 1, Seed = 13)]
    private static Verdict LearnsNand(CheckContext context) => LearnsBoolean(context, "NAND", BooleanFunctions.Nand);

    internal static Verdict LearnsBoolean(CheckContext context, string name, ClassificationSet data, int maxEpochs = BooleanEpochs)
    {
        var perceptron = context.Create<IPerceptron>();
        var start = PerceptronWeights.Random(2, context.Seed);
        return JudgeSeparable(perceptron, start, data, heldOut: null, name, maxEpochs);
    }

    [Check("learns-separable-set", "separates 100 random points", Points = 2, Seed = 21)]
    private static Verdict LearnsSeparableSet(CheckContext context) => LearnsSeparable(context, 100, 2);

    internal static Verdict LearnsSeparable(CheckContext context, int count, int dimensions, int maxEpochs = 200)
    {
        var perceptron = context.Create<IPerceptron>();
        // The same seed gives the same rule and the same first points: the rest are held out.
        var all = Generators.LinearlySeparable(count + HeldOutCount, dimensions, context.Seed);
        var data = new ClassificationSet([.. all.Inputs.Take(count)], [.. all.Labels.Take(count)]);
        var heldOut = new ClassificationSet([.. all.Inputs.Skip(count)], [.. all.Labels.Skip(count)]);
        var start = PerceptronWeights.Random(dimensions, context.Seed + 1);
        return JudgeSeparable(perceptron, start, data, heldOut, $"{count} separable points in {dimensions}D", maxEpochs);
    }

    /// <summary>
    /// The README's threshold, used to judge the weights Train leaves: a check that asked the
    /// learner's Predict could be answered from memory without any weights at all.
    /// </summary>
    internal static int Fires(PerceptronWeights weights, double[] input)
    {
        var activation = weights.Bias;
        for (var i = 0; i < input.Length; i++)
        {
            activation += weights.Weights[i] * input[i];
        }

        return activation >= 0 ? 1 : 0;
    }

    /// <summary>Accuracy of the given weights, classified by <see cref="Fires"/>.</summary>
    internal static double WeightsAccuracy(PerceptronWeights weights, ClassificationSet data) =>
        Numerics.Accuracy([.. data.Inputs.Select(x => Fires(weights, x))], data.Labels);

    private static PerceptronTraining RunTrain(IPerceptron perceptron, PerceptronWeights weights, ClassificationSet data, int maxEpochs)
    {
        var training = Expect.NotNull(
            perceptron.Train(weights, [.. data.Inputs.Select(x => (double[])x.Clone())], [.. data.Labels], 0.1, maxEpochs), "Train");
        Expect.NotNull(training.MistakesPerEpoch, "Train(...).MistakesPerEpoch");
        return training;
    }

    /// <summary>
    /// Trains from <paramref name="start"/> and judges what the weights show: every training
    /// example right, new points of the same rule mostly right, Predict agreeing with the weights,
    /// and Converged and the epoch count as the weights prove them, also when the cap is exactly
    /// the epoch that converged.
    /// </summary>
    private static Verdict JudgeSeparable(
        IPerceptron perceptron, PerceptronWeights start, ClassificationSet data, ClassificationSet? heldOut, string name, int maxEpochs)
    {
        var weights = start.Clone();
        var training = RunTrain(perceptron, weights, data, maxEpochs);
        var curve = training.MistakesPerEpoch.Select(m => (double)m).ToArray();
        var accuracy = WeightsAccuracy(weights, data);
        if (accuracy < 1)
        {
            var untouched = Numerics.MaxAbsDifference(weights.Weights, start.Weights) == 0 && weights.Bias == start.Bias;
            var cause = untouched
                ? "The weights passed to Train are exactly as they were before: Train must change them in place, by calling Update on every example of every epoch."
                : "The data is linearly separable, so the training rule must find a separating line: check that Train calls Update on " +
                  "every example in every epoch, on the weights passed in, and that Update moves them towards x when the target is 1 " +
                  "and away from x when it is 0 (update-rule checks that on its own).";
            return Verdict.Fail(
                $"{name}: the weights Train left classify {Show.Percent(accuracy)} of the training examples right (w·x + bias >= 0 means 1), " +
                $"expected 100% (Train reported converged = {Show.Bool(training.Converged)} after {training.Epochs} epochs). {cause}")
                .WithCurve("mistakes per epoch", curve)
                .WithMeasurement("training accuracy of the weights", accuracy, 1, higherIsBetter: true);
        }

        if (PredictMismatch(perceptron, weights, heldOut is null ? data.Inputs : [.. data.Inputs, .. heldOut.Inputs]) is { } mismatch)
        {
            return Verdict.Fail($"{name}: {mismatch}").WithCurve("mistakes per epoch", curve);
        }

        if (!training.Converged || training.Epochs < 1 || training.Epochs > maxEpochs || training.MistakesPerEpoch.Length != training.Epochs
            || training.MistakesPerEpoch[^1] != 0)
        {
            return Verdict.Fail(
                $"{name}: the trained weights classify every example right, but Train reported converged = {Show.Bool(training.Converged)}, " +
                $"epochs = {training.Epochs}, mistakes per epoch = {Show.Integers(training.MistakesPerEpoch.TakeLast(5))} (last 5). " +
                "Expected converged = true, one mistake count per epoch, and a last epoch with 0 mistakes: stop right after the first clean epoch.")
                .WithCurve("mistakes per epoch", curve);
        }

        if (ConvergedAtCapMistake(perceptron, start, data, training.Epochs, weights) is { } capMistake)
        {
            return Verdict.Fail($"{name}: {capMistake}").WithCurve("mistakes per epoch", curve);
        }

        var verdict = Verdict.Pass($"converged after {training.Epochs} epochs");
        if (heldOut is not null)
        {
            var heldOutAccuracy = WeightsAccuracy(weights, heldOut);
            verdict = Verdict.PassIf(
                heldOutAccuracy >= HeldOutThreshold,
                $"{name}: the trained weights classify every training example right but only {Show.Percent(heldOutAccuracy)} of " +
                $"{heldOut.Count} new points of the same rule, expected at least {Show.Percent(HeldOutThreshold)}. The perceptron's line " +
                "comes from the training rule alone; weights set any other way need not separate new points.",
                $"converged after {training.Epochs} epochs; {Show.Percent(heldOutAccuracy)} of {heldOut.Count} new points right")
                .WithMeasurement("held-out accuracy of the weights", heldOutAccuracy, HeldOutThreshold, higherIsBetter: true);
        }

        return verdict.WithCurve("mistakes per epoch", curve);
    }

    /// <summary>Predict must answer from the weights it is given; null when it does on every input.</summary>
    internal static string? PredictMismatch(IPerceptron perceptron, PerceptronWeights weights, IReadOnlyList<double[]> inputs)
    {
        var disagree = inputs.Count(x => perceptron.Predict(weights.Clone(), (double[])x.Clone()) != Fires(weights, x));
        return disagree == 0
            ? null
            : $"with the weights Train left, your Predict disagrees with w·x + bias >= 0 on {disagree} of {inputs.Count} inputs. " +
              "Predict must compute its answer from the weights it is given, and nothing else.";
    }

    /// <summary>
    /// Trains again from the same start with the cap at the epoch that converged, and one below.
    /// At the cap, the last epoch run made no mistake, so Converged is true; one below, that epoch
    /// still made one (else training would have stopped there), so Converged is false, and the
    /// weights are already the final ones, since the clean epoch changed nothing.
    /// </summary>
    private static string? ConvergedAtCapMistake(IPerceptron perceptron, PerceptronWeights start, ClassificationSet data, int epochs, PerceptronWeights final)
    {
        var atCap = start.Clone();
        var run = RunTrain(perceptron, atCap, data, epochs);
        if (!run.Converged || run.Epochs != epochs)
        {
            return $"with the cap set to {epochs}, the epoch in which your Train converged, it reported converged = {Show.Bool(run.Converged)} " +
                "after " + run.Epochs + " epochs; expected converged = true after " + epochs + ". Converged says whether the last epoch run made " +
                "no mistake, also when that epoch is the cap: decide it from the mistakes, not from the epoch count.";
        }

        if (epochs < 2)
        {
            return null;
        }

        var belowCap = start.Clone();
        run = RunTrain(perceptron, belowCap, data, epochs - 1);
        var sameWeights = Numerics.MaxAbsDifference(belowCap.Weights, final.Weights) <= 1e-12 && Math.Abs(belowCap.Bias - final.Bias) <= 1e-12;
        if (run.Converged || run.Epochs != epochs - 1 || !sameWeights)
        {
            return $"with the cap set to {epochs - 1}, one below the epoch in which your Train converged, it reported converged = " +
                $"{Show.Bool(run.Converged)} after {run.Epochs} epochs{(sameWeights ? "" : ", with other weights than the full run after its last update")}; " +
                $"expected converged = false after {epochs - 1} epochs (that epoch still made a mistake) and the same weights. " +
                "Train from the same start must take the same steps whatever the cap, and stop only at a clean epoch or at the cap.";
        }

        return null;
    }

    [Check("xor-not-converged", "reports XOR as not converged at the cap", Points = 1, Seed = 31)]
    private static Verdict XorNotConverged(CheckContext context) => XorNotConverged(context, 50);

    internal static Verdict XorNotConverged(CheckContext context, int maxEpochs)
    {
        var perceptron = context.Create<IPerceptron>();
        var data = BooleanFunctions.Xor;
        var weights = PerceptronWeights.Random(2, context.Seed);
        var training = RunTrain(perceptron, weights, data, maxEpochs);
        var curve = training.MistakesPerEpoch.Select(m => (double)m).ToArray();
        if (training.Converged || training.Epochs != maxEpochs || training.MistakesPerEpoch.Length != maxEpochs)
        {
            return Verdict.Fail(
                $"XOR with a cap of {maxEpochs} epochs: expected converged = false after exactly {maxEpochs} epochs; " +
                $"yours converged = {Show.Bool(training.Converged)} after {training.Epochs} epochs ({training.MistakesPerEpoch.Length} mistake counts). " +
                "No straight line separates XOR, so some example is always wrong: Train must give up at the cap and say it did not converge.")
                .WithCurve("mistakes per epoch", curve);
        }

        // An epoch without a mistake changes nothing and would prove the weights separate XOR,
        // which no weights do; and an epoch has only 4 examples to get wrong.
        var impossible = Array.FindIndex(training.MistakesPerEpoch, m => m < 1 || m > data.Count);
        if (impossible >= 0)
        {
            return Verdict.Fail(
                $"XOR with a cap of {maxEpochs} epochs: Train reported {training.MistakesPerEpoch[impossible]} mistakes in epoch {impossible + 1}. " +
                $"No straight line separates XOR, so every epoch gets at least 1 of the {data.Count} examples wrong, and at most all {data.Count}: " +
                "count a mistake whenever Predict is wrong before the update, and report the counts of the epochs that really ran.")
                .WithCurve("mistakes per epoch", curve);
        }

        if (PredictMismatch(perceptron, weights, data.Inputs) is { } mismatch)
        {
            return Verdict.Fail($"XOR: {mismatch}").WithCurve("mistakes per epoch", curve);
        }

        return Verdict.Pass($"stopped at the cap of {maxEpochs} epochs, not converged").WithCurve("mistakes per epoch", curve);
    }
}
