using Autograder.Grader.Checks;
using Autograder.Reference.Data;
using Autograder.Reference.Perceptron;

namespace Autograder.Checks.Perceptron;

/// <summary>
/// Exercise 01, public checks. Expected values are literal data worked out by hand (see the
/// comments), never computed by a perceptron of our own: the student copy carries no solution.
/// </summary>
public sealed class PerceptronChecks : ICheckSource
{
    public static readonly ExerciseSpec Exercise = new()
    {
        Id = "01-perceptron",
        Title = "Perceptron",
        Bans = [CourseBans.NoTorchSharp],
    };

    /// <summary>Epoch cap for the boolean functions: from weights in [-0.5, 0.5] and eta 0.1 they need at most about 10.</summary>
    internal const int BooleanEpochs = 100;

    public IEnumerable<ExerciseSpec> Exercises => [Exercise];

    public IEnumerable<CheckDefinition> Checks() =>
    [
        Exercise.Check("predict-threshold", "Predict fires when w·x + bias >= 0", 1, 0, PredictThreshold),
        Exercise.Check("update-rule", "the training rule on one example", 2, 0, UpdateRule),
        Exercise.Check("learns-and", "learns AND", 1, 11, context => LearnsBoolean(context, "AND", BooleanFunctions.And)),
        Exercise.Check("learns-or", "learns OR", 1, 12, context => LearnsBoolean(context, "OR", BooleanFunctions.Or)),
        Exercise.Check("learns-nand", "learns NAND", 1, 13, context => LearnsBoolean(context, "NAND", BooleanFunctions.Nand)),
        Exercise.Check("learns-separable-set", "separates 100 random points", 2, 21, context => LearnsSeparable(context, 100, 2)),
        Exercise.Check("xor-not-converged", "reports XOR as not converged at the cap", 1, 31, context => XorNotConverged(context, 50)),
    ];

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
                "the bias is the weight of an input that is always 1, so it moves by eta (y - yhat) too"),
        ];
        foreach (var (w, b, x, y, eta, newW, newB, hint) in cases)
        {
            var weights = new PerceptronWeights((double[])w.Clone(), b);
            perceptron.Update(weights, (double[])x.Clone(), y, eta);
            var wrong = Numerics.MaxAbsDifference(weights.Weights, newW) > 1e-12 || Math.Abs(weights.Bias - newB) > 1e-12;
            if (wrong)
            {
                return Verdict.Fail(
                    $"Update from w = {Show.Vector(w)}, bias {Show.Number(b)} on x = {Show.Vector(x)}, target {y}, eta {Show.Number(eta)}: " +
                    $"expected w = {Show.Vector(newW)}, bias {Show.Number(newB)}; yours w = {Show.Vector(weights.Weights)}, bias {Show.Number(weights.Bias)}. " +
                    $"dw_i = eta (y - yhat) x_i: {hint}.");
            }
        }

        return Verdict.Pass();
    }

    internal static Verdict LearnsBoolean(CheckContext context, string name, ClassificationSet data, int maxEpochs = BooleanEpochs)
    {
        var perceptron = context.Create<IPerceptron>();
        var weights = PerceptronWeights.Random(2, context.Seed);
        var training = Expect.NotNull(perceptron.Train(weights, data.Inputs, data.Labels, 0.1, maxEpochs), "Train");
        return JudgeSeparable(perceptron, weights, data, training, name, maxEpochs);
    }

    internal static Verdict LearnsSeparable(CheckContext context, int count, int dimensions, int maxEpochs = 200)
    {
        var perceptron = context.Create<IPerceptron>();
        var data = Generators.LinearlySeparable(count, dimensions, context.Seed);
        var weights = PerceptronWeights.Random(dimensions, context.Seed + 1);
        var training = Expect.NotNull(perceptron.Train(weights, data.Inputs, data.Labels, 0.1, maxEpochs), "Train");
        return JudgeSeparable(perceptron, weights, data, training, $"{count} separable points in {dimensions}D (seed {context.Seed})", maxEpochs);
    }

    private static Verdict JudgeSeparable(
        IPerceptron perceptron, PerceptronWeights weights, ClassificationSet data, PerceptronTraining training, string name, int maxEpochs)
    {
        var predictions = data.Inputs.Select(x => perceptron.Predict(weights, x)).ToArray();
        var accuracy = Numerics.Accuracy(predictions, data.Labels);
        var curve = training.MistakesPerEpoch.Select(m => (double)m);
        if (accuracy < 1)
        {
            return Verdict.Fail(
                $"{name}: after training, {Show.Percent(accuracy)} of the examples are right, expected 100% " +
                $"(Train reported converged = {Show.Bool(training.Converged)} after {training.Epochs} epochs). " +
                "The data is linearly separable, so the training rule must find a separating line: check that Train calls Update on " +
                "every example in every epoch, that it changes the weights passed in, and that Update moves them towards x " +
                "when the target is 1 and away from x when it is 0 (update-rule checks that on its own).")
                .WithCurve("mistakes per epoch", curve);
        }

        if (!training.Converged || training.Epochs > maxEpochs || training.MistakesPerEpoch.Length != training.Epochs
            || training.MistakesPerEpoch[^1] != 0)
        {
            return Verdict.Fail(
                $"{name}: every example is classified right, but Train reported converged = {Show.Bool(training.Converged)}, " +
                $"epochs = {training.Epochs}, mistakes per epoch = {Show.Integers(training.MistakesPerEpoch.TakeLast(5))} (last 5). " +
                "Expected converged = true, one mistake count per epoch, and a last epoch with 0 mistakes: stop right after the first clean epoch.")
                .WithCurve("mistakes per epoch", curve);
        }

        return Verdict.Pass($"converged after {training.Epochs} epochs").WithCurve("mistakes per epoch", curve);
    }

    internal static Verdict XorNotConverged(CheckContext context, int maxEpochs)
    {
        var perceptron = context.Create<IPerceptron>();
        var data = BooleanFunctions.Xor;
        var training = Expect.NotNull(perceptron.Train(PerceptronWeights.Random(2, context.Seed), data.Inputs, data.Labels, 0.1, maxEpochs), "Train");
        var curve = training.MistakesPerEpoch.Select(m => (double)m);
        return Verdict.PassIf(
            !training.Converged && training.Epochs == maxEpochs && training.MistakesPerEpoch.Length == maxEpochs,
            $"XOR with a cap of {maxEpochs} epochs: expected converged = false after exactly {maxEpochs} epochs; " +
            $"yours converged = {Show.Bool(training.Converged)} after {training.Epochs} epochs ({training.MistakesPerEpoch.Length} mistake counts). " +
            "No straight line separates XOR, so some example is always wrong: Train must give up at the cap and say it did not converge.",
            $"stopped at the cap of {maxEpochs} epochs, not converged").WithCurve("mistakes per epoch", curve);
    }
}
