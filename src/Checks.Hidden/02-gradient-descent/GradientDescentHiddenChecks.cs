using Autograder.Checks.GradientDescent;
using Autograder.Reference.GradientDescent;
using static Autograder.Checks.GradientDescent.GradientDescentChecks;
using OracleLosses = Exercises.GradientDescent.Losses;
using OracleRegression = Exercises.GradientDescent.LinearRegression;

namespace Autograder.Checks.Hidden.GradientDescent;

/// <summary>
/// Exercise 02, hidden checks: other seeds and sizes, and agreement with the reference solution
/// (the oracle) on random inputs. Messages name the idea that failed, not the data.
/// </summary>
public sealed class GradientDescentHiddenChecks() : CheckSource(Exercise)
{
    private static readonly ExerciseSpec Exercise = GradientDescentChecks.Exercise;

    /// <summary>
    /// A random regression problem: 5 to 60 examples, 1 to 8 features, and weights where a
    /// gradient check is well conditioned (see GradientCheckPoint), found with the oracle's E.
    /// </summary>
    private static (RegressionSet Data, double[] Weights) RandomProblem(SeededRandom random, OracleRegression oracle)
    {
        var (data, truth) = Generators.LinearRegression(5 + random.NextInt(56), 1 + random.NextInt(8), random.NextInt(int.MaxValue), random.Uniform(0, 0.5));
        var weights = GradientCheckPoint(truth, random, w => oracle.Error(w, data.Inputs, data.Targets));
        return (data, weights);
    }

    [Check("squared-error-random", "E(w) on random problems", Points = 1, Seed = 2001, Visibility = Visibility.Hidden)]
    [OracleTrials(30)]
    private static string? SquaredErrorMistake(ILinearRegression learner, OracleRegression oracle, SeededRandom random)
    {
        var (data, weights) = RandomProblem(random, oracle);
        var seen = learner.Error(Copy(weights), Copy(data.Inputs), Copy(data.Targets));
        var expected = oracle.Error(weights, data.Inputs, data.Targets);
        if (!Agrees(seen, expected, 1e-10))
        {
            var ratio = seen / expected;
            var hint = Math.Abs(ratio - 2) < 1e-6 ? " Yours is twice the true value: keep the 1/2 in front of the sum."
                : Math.Abs((ratio * data.Count) - 1) < 1e-6 ? " Yours is the mean: E is a sum over the examples."
                : "";
            return $"on a random problem with {data.Count} examples and {weights.Length} weights, Error differs from 1/2 sum (y - a)^2 " +
                $"(relative difference {Show.Number(Math.Abs(seen - expected) / Math.Max(1, Math.Abs(expected)))}).{hint} " +
                "a = sum_i w_i x_i runs over every input, the leading 1 included, and the sum over every example.";
        }

        return null;
    }

    [Check("squared-error-gradient-random", "the gradient of E on random problems", Points = 2, Seed = 2002, Visibility = Visibility.Hidden)]
    private static Verdict SquaredErrorGradientRandom(CheckContext context)
    {
        var learner = context.Create<ILinearRegression>();
        var oracle = new OracleRegression();
        var random = context.Random();
        var worst = 0.0;
        for (var trial = 0; trial < 12; trial++)
        {
            var (data, weights) = RandomProblem(random, oracle);
            var gradient = Expect.Length(learner.Gradient(Copy(weights), Copy(data.Inputs), Copy(data.Targets)), weights.Length, "Gradient");
            // Differences of the true E (the oracle's), so that this judges the gradient alone.
            var verdict = GradientDescentChecks.JudgeGradient(
                gradient, weights, w => oracle.Error(w, data.Inputs, data.Targets), data.Count, showValues: false);
            if (verdict.Kind != VerdictKind.Passed)
            {
                return Verdict.Fail($"on a random problem with {data.Count} examples and {weights.Length} weights, the {verdict.Message}");
            }

            worst = Math.Max(worst, MaxRelativeError(gradient, weights, oracle, data));
        }

        return Verdict.Pass($"largest relative error {Show.Number(worst)}");
    }

    private static double MaxRelativeError(double[] gradient, double[] weights, OracleRegression oracle, RegressionSet data)
    {
        var point = Copy(weights);
        var worst = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            var index = i;
            var numeric = Numerics.CentralDifference(() => oracle.Error(point, data.Inputs, data.Targets), () => point[index], v => point[index] = v);
            worst = Math.Max(worst, Numerics.RelativeError(gradient[i], numeric));
        }

        return worst;
    }

    [Check("train-least-squares-other", "Train ends at the least-squares weights on other data", Points = 2, Seed = 2003, Visibility = Visibility.Hidden)]
    private static Verdict TrainLeastSquaresOther(CheckContext context)
    {
        // A larger problem, then a small one with a single feature. eta = 0.5 / N keeps
        // eta * (largest eigenvalue of X^T X) near 0.5 for inputs uniform in [-1, 1].
        var large = GradientDescentChecks.TrainLeastSquares(context, count: 500, features: 6, learningRate: 0.001, steps: 300, showValues: false);
        if (large.Kind != VerdictKind.Passed)
        {
            return large;
        }

        var small = new CheckContext(context.Submission, Exercise.Id, context.Seed + 1, context.Cancellation);
        return GradientDescentChecks.TrainLeastSquares(small, count: 30, features: 1, learningRate: 0.015, steps: 300, showValues: false);
    }

    /// <summary>
    /// Counts the steps: Train's result must be exactly N steps of batch gradient descent from
    /// zeros, replayed by the check with the reference's step (not the learner's), for several N.
    /// One step fewer or more, or weights from the normal equations, land elsewhere.
    /// </summary>
    [Check("train-takes-steps", "Train starts at zero and takes exactly the given steps", Points = 1, Seed = 2004, Visibility = Visibility.Hidden)]
    private static Verdict TrainTakesSteps(CheckContext context)
    {
        var learner = context.Create<ILinearRegression>();
        var oracle = new OracleRegression();
        var (data, _) = Generators.LinearRegression(40, 3, context.Seed);
        const double eta = 0.005;
        foreach (var steps in new[] { 0, 1, 2, 5, 17 })
        {
            var trained = Expect.Length(learner.Train(Copy(data.Inputs), Copy(data.Targets), eta, steps), 4, "Train");
            var replay = new List<double[]> { new double[4] };
            for (var k = 0; k < steps + 1; k++)
            {
                replay.Add(oracle.Step(replay[^1], data.Inputs, data.Targets, eta));
            }

            if (Agrees(trained, replay[steps], 1e-10))
            {
                continue;
            }

            var took = Enumerable.Range(0, replay.Count).Where(k => Agrees(trained, replay[k], 1e-10)).Select(k => (int?)k).FirstOrDefault();
            var ownSteps = new double[4];
            for (var k = 0; k < steps; k++)
            {
                ownSteps = Expect.Length(learner.Step(Copy(ownSteps), Copy(data.Inputs), Copy(data.Targets), eta), 4, "Step");
            }

            var hint = took is { } k2
                ? $" Yours returned the weights after {k2} step(s): count the steps so that the loop body runs exactly {steps} time(s)."
                : Agrees(trained, ownSteps, 1e-10)
                    ? " Yours takes that many of your own Steps from zero, but your Step is not a step of gradient descent on E: fix step-rule and the gradient checks first."
                    : " Yours is not the result of any number of batch steps from zero: start from all-zero weights and use Step (w - eta * grad E) each time.";
            return Verdict.Fail(
                $"Train with {steps} step(s) did not return what {steps} step(s) of batch gradient descent from all-zero weights give.{hint} " +
                "Start from zeros (one weight per input column), take exactly the given number of steps, and return the last weights.");
        }

        return Verdict.Pass();
    }

    [Check("loss-never-rises-other", "the loss never rises on other data", Points = 1, Seed = 2005, Visibility = Visibility.Hidden)]
    private static Verdict LossNeverRisesOther(CheckContext context) =>
        GradientDescentChecks.LossNeverRises(context, count: 500, features: 6, learningRate: 0.0005, steps: 100);

    [Check("sigmoid-random", "sigmoid on random values, large ones included", Points = 1, Seed = 2006, Visibility = Visibility.Hidden)]
    [OracleTrials(400)]
    private static string? SigmoidMistake(ILosses learner, OracleLosses oracle, SeededRandom random)
    {
        var a = RandomLogit(random);
        var seen = learner.Sigmoid(a);
        var expected = oracle.Sigmoid(a);
        if (!(Math.Abs(seen - expected) <= 1e-15 + (1e-12 * expected)))
        {
            return $"Sigmoid differs from 1 / (1 + e^-a) at a random {(Math.Abs(a) > 700 ? "very large" : "moderate")} {(a < 0 ? "negative" : "positive")} " +
                $"value (yours {(double.IsFinite(seen) ? "finite" : Show.Number(seen))}). Keep every power of e at or below 0 so that nothing overflows.";
        }

        return null;
    }

    /// <summary>Logits of every size: mostly moderate, some past where e^z overflows (about 709).</summary>
    private static double RandomLogit(SeededRandom random) => random.NextInt(4) switch
    {
        0 => random.Gaussian(0, 3),
        1 => random.Uniform(-60, 60),
        2 => random.Uniform(-800, 800),
        _ => random.Uniform(-1e4, 1e4),
    };

    [Check("bce-random", "binary cross-entropy and its gradient on random logits", Points = 2, Seed = 2007, Visibility = Visibility.Hidden)]
    [OracleTrials(400)]
    private static string? BceMistake(ILosses learner, OracleLosses oracle, SeededRandom random)
    {
        var z = RandomLogit(random);
        var t = random.NextInt(3) switch { 0 => 0.0, 1 => 1.0, _ => random.NextDouble() };
        var loss = learner.BinaryCrossEntropy(z, t);
        var gradient = learner.BinaryCrossEntropyGradient(z, t);
        var where = $"at a random {(Math.Abs(z) > 40 ? "large" : "moderate")} logit with target {(t is 0 or 1 ? Show.Number(t) : "between 0 and 1")}";
        // 1e-10 relative: the forms of the stable loss differ only in rounding.
        if (!Agrees(loss, oracle.BinaryCrossEntropy(z, t), 1e-10))
        {
            return $"BinaryCrossEntropy {where} is {(double.IsFinite(loss) ? "off" : Show.Number(loss))}. " +
                "Write it in the logit so that there is no log of 0 and no e to a large positive power, and use the formula as it " +
                "stands for any target in [0, 1].";
        }

        if (!Agrees(gradient, oracle.BinaryCrossEntropyGradient(z, t), 1e-10))
        {
            var sigmoidBroken = !double.IsFinite(gradient) && !double.IsFinite(learner.Sigmoid(z));
            return $"BinaryCrossEntropyGradient {where} is {(double.IsFinite(gradient) ? "off" : Show.Number(gradient))}. " +
                (sigmoidBroken
                    ? "Your Sigmoid is not finite there either: make it safe for large logits first."
                    : "The derivative with respect to the logit simplifies to sigmoid(z) - t, which is finite everywhere.");
        }

        return null;
    }

    /// <summary>A row of 1 to 10 logits at a random scale, shifted by a random amount up to 1000.</summary>
    private static double[] RandomRow(SeededRandom random, int width)
    {
        var scale = random.NextInt(3) switch { 0 => 1.0, 1 => 10.0, _ => 100.0 };
        var shift = random.NextInt(3) switch { 0 => 0.0, 1 => random.Uniform(-1000, 1000), _ => 1000 * (random.NextInt(2) == 0 ? -1 : 1) };
        return [.. Enumerable.Range(0, width).Select(_ => shift + random.Gaussian(0, scale))];
    }

    [Check("softmax-random", "softmax on random rows, large logits included", Points = 1, Seed = 2008, Visibility = Visibility.Hidden)]
    [OracleTrials(300)]
    private static string? SoftmaxMistake(ILosses learner, OracleLosses oracle, SeededRandom random)
    {
        var z = RandomRow(random, 1 + random.NextInt(10));
        var seen = Expect.Length(learner.Softmax(Copy(z)), z.Length, "Softmax");
        if (!Agrees(seen, oracle.Softmax(z), 1e-12))
        {
            var large = z.Max(Math.Abs) > 700;
            return $"Softmax of a random row of {z.Length} logit{(z.Length == 1 ? "" : "s")} {(large ? "of large magnitude" : "of moderate size")} differs from " +
                $"e^(z_i) / sum_j e^(z_j){(Numerics.AllFinite(seen) ? "" : " (yours is not finite)")}. " +
                (large
                    ? "Subtract the row's largest logit before taking e^, so that nothing overflows or underflows to 0 / 0."
                    : "Divide each e^(z_i) by the sum over the whole row.");
        }

        return null;
    }

    [Check("cross-entropy-random", "cross-entropy and its gradient on random batches", Points = 2, Seed = 2009, Visibility = Visibility.Hidden)]
    [OracleTrials(60)]
    private static string? CrossEntropyMistake(ILosses learner, OracleLosses oracle, SeededRandom random)
    {
        var count = 1 + random.NextInt(20);
        var width = 2 + random.NextInt(7);
        var logits = Enumerable.Range(0, count).Select(_ => RandomRow(random, width)).ToArray();
        var labels = Enumerable.Range(0, count).Select(_ => random.NextInt(width)).ToArray();
        var large = logits.Any(row => row.Max(Math.Abs) > 700);
        var what = $"a random batch of {count} row(s) of {width} logits{(large ? " of large magnitude" : "")}";
        var loss = learner.CrossEntropy(Copy(logits), (int[])labels.Clone());
        var expectedLoss = oracle.CrossEntropy(logits, labels);
        if (!Agrees(loss, expectedLoss, 1e-10))
        {
            var summed = count > 1 && Agrees(loss, count * expectedLoss, 1e-9) ? " (it is the sum over the rows, not their mean)" : "";
            return $"CrossEntropy on {what} is {(double.IsFinite(loss) ? "off" : Show.Number(loss))}{summed}. " +
                "It is the mean over the rows of -log p[n, label], with log p_k = z_k - m - log sum_j e^(z_j - m) and m the row's " +
                "largest logit: no overflow, and no log of a probability that underflowed to 0.";
        }

        var gradient = Expect.Shape(learner.CrossEntropyGradient(Copy(logits), (int[])labels.Clone()), count, width, "CrossEntropyGradient");
        var expected = oracle.CrossEntropyGradient(logits, labels);
        if (!Agrees(gradient.SelectMany(row => row).ToArray(), expected.SelectMany(row => row).ToArray(), 1e-12))
        {
            return $"CrossEntropyGradient on {what} differs from (p - onehot) / N" +
                $"{(gradient.All(Numerics.AllFinite) ? "" : " (yours has entries that are not finite)")}: the softmax of each row " +
                "(largest logit subtracted first), minus 1 at the row's label, divided by the number of rows.";
        }

        return null;
    }
}
