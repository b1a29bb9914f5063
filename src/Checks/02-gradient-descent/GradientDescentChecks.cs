using Autograder.Reference.GradientDescent;

namespace Autograder.Checks.GradientDescent;

/// <summary>
/// Exercise 02, public checks of part 1 (the linear unit and gradient descent). Expected values
/// are literal data worked out by hand (see the comments) or properties that need no solution:
/// central differences, the loss going down, and the least-squares weights, which the check gets
/// from the normal equations, a method the exercise is not about.
/// </summary>
public sealed class GradientDescentChecks() : CheckSource(Exercise)
{
    public static readonly ExerciseSpec Exercise = ExerciseKinds.ByHand("02-gradient-descent", "Gradient descent");

    /// <summary>The course's gradient-check tolerance for float64 central differences.</summary>
    internal const double GradientTolerance = 1e-7;

    /// <summary>How close Train must come to the least-squares weights (largest difference).</summary>
    internal const double LeastSquaresTolerance = 0.05;

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("squared-error-value", "E(w) = 1/2 sum (y - a)^2 on hand-worked cases", Points = 1, Seed = 0)]
    private static Verdict SquaredErrorValue(CheckContext context) =>
        ErrorMistake(context.Create<ILinearRegression>(), context.Random(2)) is { } mistake ? Verdict.Fail(mistake) : Verdict.Pass();

    /// <summary>
    /// The squared error as the README defines it, computed by the check in float64: what the
    /// learner's Error, Gradient and Step are judged against, so that none of them is judged by
    /// another of the learner's answers.
    /// </summary>
    internal static double SquaredError(double[] weights, double[][] inputs, double[] targets)
    {
        var sum = 0.0;
        for (var n = 0; n < inputs.Length; n++)
        {
            var activation = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                activation += weights[i] * inputs[n][i];
            }

            sum += (targets[n] - activation) * (targets[n] - activation);
        }

        return 0.5 * sum;
    }

    /// <summary>The gradient of <see cref="SquaredError"/> by central differences, in float64.</summary>
    internal static double[] NumericGradient(double[] weights, double[][] inputs, double[] targets)
    {
        var point = Copy(weights);
        var numeric = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var index = i;
            numeric[i] = Numerics.CentralDifference(() => SquaredError(point, inputs, targets), () => point[index], value => point[index] = value);
        }

        return numeric;
    }

    /// <summary>
    /// Hand-worked cases of E(w) = 1/2 sum (y - w·x)^2; null when the learner's Error gives all
    /// of them, else the message. The gradient and descent checks use the learner's own Error
    /// once it has passed these, so that they need no error function of ours.
    /// </summary>
    internal static string? ErrorMistake(ILinearRegression learner, SeededRandom? random = null)
    {
        (double[] W, double[][] X, double[] Y, double Expected)[] cases =
        [
            // a = 0, y = 2: 1/2 * 2^2 = 2.
            ([0.0, 0.0], [[1.0, 1.0]], [2.0], 2.0),
            // a = -1.5, 1.5, 0.5; y - a = 2.5, -1.5, 1.5; squares 6.25 + 2.25 + 2.25 = 10.75; half 5.375.
            ([0.5, -1.0], [[1.0, 2.0], [1.0, -1.0], [1.0, 0.0]], [1.0, 0.0, 2.0], 5.375),
            // a = 1, 3, -1 equals y: a perfect fit has error 0.
            ([1.0, 2.0], [[1.0, 0.0], [1.0, 1.0], [1.0, -1.0]], [1.0, 3.0, -1.0], 0.0),
            // a = 1 + 0 - 2 = -1 and 1 + 0 - 1 = 0; y - a = 1, 4; 1/2 (1 + 16) = 8.5.
            ([1.0, 0.0, -2.0], [[1.0, 3.0, 1.0], [1.0, -1.0, 0.5]], [0.0, 4.0], 8.5),
        ];
        foreach (var (w, x, y, expected) in cases)
        {
            var seen = learner.Error(Copy(w), Copy(x), Copy(y));
            if (Agrees(seen, expected, 1e-12))
            {
                continue;
            }

            var hint = Agrees(seen, 2 * expected, 1e-12) && expected != 0
                ? "Yours is twice that: E has a factor 1/2 in front of the sum."
                : Agrees(seen, expected / y.Length, 1e-12) && y.Length > 1 && expected != 0
                    ? $"Yours is that divided by the {y.Length} examples: E is a sum over the examples, not a mean."
                    : "E = 1/2 sum over examples (y - a)^2 with a = sum_i w_i x_i over every input, the leading 1 included.";
            return $"Error with w = {Show.Vector(w)} on {y.Length} example(s) x = {Rows(x)}, y = {Show.Vector(y)}: " +
                $"expected {Show.Number(expected)}, yours {Show.Number(seen)}. {hint}";
        }

        // Generated cases, with E computed by the check: literal cases alone can be answered from a table.
        random ??= new SeededRandom(2002);
        for (var trial = 0; trial < 20; trial++)
        {
            var (data, truth) = Generators.LinearRegression(2 + random.NextInt(30), 1 + random.NextInt(5), random.NextInt(int.MaxValue), random.Uniform(0, 0.5));
            double[] w = [.. truth.Select(t => t + random.Uniform(-1, 1))];
            var expected = SquaredError(w, data.Inputs, data.Targets);
            var seen = learner.Error(Copy(w), Copy(data.Inputs), Copy(data.Targets));
            if (!Agrees(seen, expected, 1e-10))
            {
                var hint = Agrees(seen, 2 * expected, 1e-10) ? "Yours is twice that: E has a factor 1/2 in front of the sum."
                    : Agrees(seen * data.Count, expected, 1e-10) ? $"Yours is that divided by the {data.Count} examples: E is a sum over the examples, not a mean."
                    : "E = 1/2 sum over examples (y - a)^2 with a = sum_i w_i x_i over every input, the leading 1 included.";
                return $"Error on a generated problem with {data.Count} examples and {w.Length} weights: expected {Show.Number(expected)}, " +
                    $"yours {Show.Number(seen)}. {hint}";
            }
        }

        return null;
    }

    [Check("squared-error-gradient", "the gradient of E agrees with central differences", Points = 2, Seed = 2)]
    private static Verdict SquaredErrorGradient(CheckContext context)
    {
        var learner = context.Create<ILinearRegression>();
        var (data, truth) = Generators.LinearRegression(20, 4, context.Seed);
        // Central differences of the check's own E, so that the gradient is judged on its own.
        var weights = GradientCheckPoint(truth, context.Random(1), w => SquaredError(w, data.Inputs, data.Targets));
        var gradient = Expect.Length(learner.Gradient(Copy(weights), Copy(data.Inputs), Copy(data.Targets)), weights.Length, "Gradient");
        return JudgeGradient(gradient, weights, w => SquaredError(w, data.Inputs, data.Targets), data.Count, showValues: true);
    }

    /// <summary>
    /// Weights near the generating ones where every partial derivative of E is at least E / 10.
    /// The rounding error of the central differences grows with E itself (about 1e-10 E / h
    /// relative to E); at such a point it stays below 4e-9 relative, 25 times under the course's
    /// 1e-7 (measured over 14,000 random problems), while a derivative that happens to be near 0
    /// would be all rounding. Which point is checked does not matter for a linear unit.
    /// </summary>
    internal static double[] GradientCheckPoint(double[] truth, SeededRandom random, Func<double[], double> error)
    {
        double[] weights = [];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            weights = [.. truth.Select(t => t + random.Uniform(-0.5, 0.5))];
            var point = Copy(weights);
            var scale = 0.1 * error(point);
            var steep = true;
            for (var i = 0; i < point.Length && steep; i++)
            {
                var index = i;
                steep = Math.Abs(Numerics.CentralDifference(() => error(point), () => point[index], value => point[index] = value)) >= scale;
            }

            if (steep)
            {
                break;
            }
        }

        return weights;
    }

    /// <summary>
    /// Compares an analytic gradient with central differences of <paramref name="error"/> on every
    /// weight. Hidden checks pass the oracle's error and leave out the values.
    /// </summary>
    internal static Verdict JudgeGradient(double[] gradient, double[] weights, Func<double[], double> error, int examples, bool showValues)
    {
        var point = Copy(weights);
        var numeric = new double[point.Length];
        for (var i = 0; i < point.Length; i++)
        {
            var index = i;
            numeric[i] = Numerics.CentralDifference(() => error(point), () => point[index], value => point[index] = value);
        }

        var worst = 0.0;
        for (var i = 0; i < point.Length; i++)
        {
            var relative = Numerics.RelativeError(gradient[i], numeric[i]);
            worst = Math.Max(worst, double.IsNaN(relative) ? double.PositiveInfinity : relative);
            if (!(relative <= GradientTolerance))
            {
                // Hidden checks leave the values out: they would describe hidden data.
                var values = showValues
                    ? $": yours {Show.Number(gradient[i])}, central differences {Show.Number(numeric[i])}"
                    : " disagrees with central differences";
                return Verdict.Fail(
                    $"gradient of E with respect to w[{i}]{values} (relative error {Show.Number(relative)}, allowed {Show.Number(GradientTolerance)}). " +
                    GradientHint(gradient, numeric, examples))
                    .WithMeasurement("relative error of the gradient", relative, GradientTolerance, higherIsBetter: false);
            }
        }

        return Verdict.Pass($"largest relative error {Show.Number(worst)} over {point.Length} weights")
            .WithMeasurement("relative error of the gradient", worst, GradientTolerance, higherIsBetter: false);
    }

    /// <summary>Names the usual mistakes when the whole gradient is off by one factor.</summary>
    private static string GradientHint(double[] yours, double[] numeric, int examples)
    {
        var scale = ScaleBetween(yours, numeric);
        const string formula = "E = 1/2 sum (y - a)^2";
        return scale switch
        {
            double s when Near(s, 2) => $"Yours is twice the true gradient. {formula}: the square brings down a factor 2, and the 1/2 is there to cancel it.",
            double s when Near(s, 0.5) => $"Yours is half the true gradient. {formula}: check the factor the square brings down (it cancels the 1/2).",
            double s when Near(s, -1) => $"Yours points the wrong way. {formula}: the inner derivative d(y - a)/dw_i is -x_i, which brings a minus sign.",
            double s when examples > 1 && Near(s, 1.0 / examples) => $"Yours is the true gradient divided by the {examples} examples: E is a sum over the examples, not a mean, and so is its gradient.",
            _ => $"{formula}: check the factor the square brings down, the sign of the inner derivative d(y - a)/dw_i, and that every example adds its own residual times its own x_i.",
        };
    }

    /// <summary>The factor s with yours = s * numeric in every component, or null when there is none.</summary>
    internal static double? ScaleBetween(IReadOnlyList<double> yours, IReadOnlyList<double> numeric)
    {
        var dot = 0.0;
        var norm = 0.0;
        for (var i = 0; i < numeric.Count; i++)
        {
            dot += yours[i] * numeric[i];
            norm += numeric[i] * numeric[i];
        }

        if (!(norm > 0) || !double.IsFinite(dot))
        {
            return null;
        }

        var scale = dot / norm;
        for (var i = 0; i < numeric.Count; i++)
        {
            if (Math.Abs(yours[i] - (scale * numeric[i])) > 1e-6 * (Math.Abs(yours[i]) + Math.Abs(numeric[i]) + 1e-12))
            {
                return null;
            }
        }

        return scale;
    }

    private static bool Near(double value, double target) => Math.Abs(value - target) <= 1e-4 * Math.Abs(target);

    [Check("step-rule", "one step goes against the gradient", Points = 1, Seed = 3)]
    private static Verdict StepRule(CheckContext context)
    {
        var learner = context.Create<ILinearRegression>();
        var (data, _) = Generators.LinearRegression(10, 2, context.Seed);
        var random = context.Random(1);
        var weights = data.Inputs[0].Select(_ => random.Uniform(-2, 2)).ToArray();
        const double eta = 0.05;
        var given = Copy(weights);
        var next = Expect.Length(learner.Step(given, data.Inputs, data.Targets, eta), weights.Length, "Step");
        if (ReferenceEquals(next, given) || Numerics.MaxAbsDifference(given, weights) != 0)
        {
            return Verdict.Fail(
                "Step changed the weights array it was given. Return a new array w - eta * grad E(w) and leave the old weights " +
                "as they were: the caller may still need them (to compare the loss before and after, for example).");
        }

        // The step is judged against the gradient of the check's own E (central differences), so
        // that a Step built on a Gradient that does no mathematics earns nothing.
        var numeric = NumericGradient(weights, data.Inputs, data.Targets);
        double[] implied = [.. weights.Select((w, i) => (w - next[i]) / eta)];
        var scale = numeric.Max(Math.Abs);
        var worst = 0.0;
        for (var i = 0; i < numeric.Length; i++)
        {
            var difference = Math.Abs(implied[i] - numeric[i]);
            worst = Math.Max(worst, double.IsNaN(difference) ? double.PositiveInfinity : difference / Math.Max(1e-8, Math.Abs(implied[i]) + Math.Abs(numeric[i])));
            if (!(difference <= GradientTolerance * Math.Max(Math.Abs(implied[i]) + Math.Abs(numeric[i]), 1e-2 * scale)))
            {
                var expected = weights.Select((w, k) => w - (eta * numeric[k])).ToArray();
                return Verdict.Fail(
                    $"Step with eta = {Show.Number(eta)} from w = {Show.Vector(weights)}, where the gradient of E (central differences) is " +
                    $"{Show.Vector(numeric)}: expected {Show.Vector(expected)}, yours {Show.Vector(next)}. {StepHint(learner, weights, next, numeric, data, eta)}")
                    .WithMeasurement("relative error of the step's gradient", worst, GradientTolerance, higherIsBetter: false);
            }
        }

        return Verdict.Pass().WithMeasurement("relative error of the step's gradient", worst, GradientTolerance, higherIsBetter: false);
    }

    /// <summary>Names the mistake the evidence shows: direction, missing eta, only the change, or a wrong Gradient underneath.</summary>
    private static string StepHint(ILinearRegression learner, double[] weights, double[] next, double[] numeric, RegressionSet data, double eta)
    {
        bool Is(Func<double, double, double> step) =>
            Numerics.MaxAbsDifference(next, weights.Select((w, i) => step(w, numeric[i])).ToArray()) <= 1e-6 * (1 + numeric.Max(Math.Abs));
        if (Is((w, g) => w + (eta * g)))
        {
            return "Yours went uphill, along the gradient: the gradient points to where E grows, so step against it (w - eta * grad).";
        }

        if (Is((w, g) => w - g))
        {
            return "Yours took the whole gradient: multiply it by the learning rate eta first.";
        }

        if (Is((_, g) => -eta * g))
        {
            return "Yours returned only the change -eta * grad: add it to the weights.";
        }

        var theirs = learner.Gradient(Copy(weights), Copy(data.Inputs), Copy(data.Targets));
        if (theirs is { } g && g.Length == weights.Length
            && Numerics.MaxAbsDifference(next, weights.Select((w, i) => w - (eta * g[i])).ToArray()) <= 1e-9 * (1 + g.Max(Math.Abs)))
        {
            return "Your Step follows your Gradient, but your Gradient is not the gradient of E here: fix squared-error-gradient first.";
        }

        return "The new weights are w_i - eta * dE/dw_i, with the gradient of E at the old weights.";
    }

    [Check("loss-never-rises", "the loss never rises with a small step", Points = 1, Seed = 4)]
    private static Verdict LossNeverRises(CheckContext context) => LossNeverRises(context, count: 200, features: 3, learningRate: 0.001, steps: 100);

    internal static Verdict LossNeverRises(CheckContext context, int count, int features, double learningRate, int steps)
    {
        var learner = context.Create<ILinearRegression>();
        var (data, _) = Generators.LinearRegression(count, features, context.Seed);
        var weights = new double[features + 1];
        // The loss is the check's own E: a learner's Error could report any curve it liked.
        var losses = new List<double> { SquaredError(weights, data.Inputs, data.Targets) };
        for (var step = 1; step <= steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            weights = Expect.Length(learner.Step(Copy(weights), Copy(data.Inputs), Copy(data.Targets), learningRate), features + 1, "Step");
            var loss = SquaredError(weights, data.Inputs, data.Targets);
            var before = losses[^1];
            losses.Add(loss);
            // A rounding error's worth of slack: near the minimum E is flat to the last bits.
            if (!(loss <= before + (1e-12 * Math.Max(1, before))))
            {
                return Verdict.Fail(
                    $"on {count} examples with eta = {Show.Number(learningRate)}, the loss rose at step {step}, from {Show.Number(before)} " +
                    $"to {Show.Number(loss)}. With a step this small every step must go downhill: w - eta * grad E, with the minus, " +
                    "and grad E the gradient of the same E (if your Gradient fails its check, fix that first).")
                    .WithCurve("E per step", losses);
            }
        }

        // How much of the way down to the least-squares minimum E* the steps went. The reference
        // is left with under 1e-4 of the excess E_0 - E* on every seed tried (docs); a Step that
        // barely moves keeps close to all of it.
        var lowest = SquaredError(LeastSquares(data.Inputs, data.Targets), data.Inputs, data.Targets);
        var left = (losses[^1] - lowest) / (losses[0] - lowest);
        return Verdict.PassIf(
            left <= 0.01,
            $"on {count} examples with eta = {Show.Number(learningRate)}, the loss never rose but barely fell: from {Show.Number(losses[0])} " +
            $"to {Show.Number(losses[^1])} in {steps} steps, where the lowest possible is {Show.Number(lowest)}; {Show.Percent(left)} of the way " +
            "down is still left, expected at most 1%. Check that Step moves by eta times the whole gradient and returns the moved weights " +
            "(if your Gradient fails its check, fix that first: a gradient that is too small takes steps that are too short).",
            $"E fell from {Show.Number(losses[0])} to {Show.Number(losses[^1])} in {steps} steps, never rising " +
            $"(lowest possible {Show.Number(lowest)}; {Show.Number(left)} of the excess left)")
            .WithCurve("E per step", losses)
            .WithMeasurement("share of the excess loss left", left, 0.01, higherIsBetter: false);
    }

    [Check("train-least-squares", "Train ends at the least-squares weights", Points = 2, Seed = 5)]
    private static Verdict TrainLeastSquares(CheckContext context) =>
        TrainLeastSquares(context, count: 200, features: 3, learningRate: 0.002, steps: 300);

    internal static Verdict TrainLeastSquares(CheckContext context, int count, int features, double learningRate, int steps, bool showValues = true)
    {
        var learner = context.Create<ILinearRegression>();
        var (data, _) = Generators.LinearRegression(count, features, context.Seed);
        var trained = Expect.Length(learner.Train(data.Inputs, data.Targets, learningRate, steps), features + 1, "Train");
        var best = LeastSquares(data.Inputs, data.Targets);
        var distance = Numerics.MaxAbsDifference(trained, best);
        var start = best.Max(Math.Abs);
        if (distance <= LeastSquaresTolerance)
        {
            return Verdict.Pass($"largest difference from the least-squares weights {Show.Number(distance)} (all-zero weights: {Show.Number(start)})")
                .WithMeasurement("distance from the least-squares weights", distance, LeastSquaresTolerance, higherIsBetter: false);
        }

        var worst = Enumerable.Range(0, best.Length).MaxBy(i => Math.Abs(trained[i] - best[i]));
        var hint = !Numerics.AllFinite(trained) || distance > 10 * start
            ? "The weights grew without bound: each step overshot. This eta is small for E as defined (a sum over the examples); " +
              "a gradient larger than that of E makes it too big."
            : "Gradient descent on E ends where E is smallest, at the least-squares weights: start from all-zero weights, " +
              "take exactly the given number of steps with Step, and return the last weights (if your Gradient fails its check, fix that first).";
        // Hidden checks leave out the weights: they would give away the hidden data's answer.
        var values = showValues ? $"returned w = {Show.Vector(trained)}; the least-squares weights are {Show.Vector(best)}. They differ" : "returned weights that differ from the least-squares weights";
        return Verdict.Fail(
            $"Train on {count} examples ({features} features plus the constant 1) with eta = {Show.Number(learningRate)} and {steps} steps " +
            $"{values} most at w[{worst}], by {Show.Number(Math.Abs(trained[worst] - best[worst]))} (allowed {Show.Number(LeastSquaresTolerance)}). {hint}")
            .WithMeasurement("distance from the least-squares weights", double.IsNaN(distance) ? double.PositiveInfinity : distance, LeastSquaresTolerance, higherIsBetter: false);
    }

    /// <summary>
    /// The weights that minimise the squared error, from the normal equations X^T X w = X^T y
    /// (Gaussian elimination with partial pivoting). Not the exercise: the learner gets there by descent.
    /// </summary>
    internal static double[] LeastSquares(double[][] inputs, double[] targets)
    {
        var width = inputs[0].Length;
        var system = new double[width, width + 1];
        for (var n = 0; n < inputs.Length; n++)
        {
            for (var i = 0; i < width; i++)
            {
                for (var j = 0; j < width; j++)
                {
                    system[i, j] += inputs[n][i] * inputs[n][j];
                }

                system[i, width] += inputs[n][i] * targets[n];
            }
        }

        for (var column = 0; column < width; column++)
        {
            var pivot = Enumerable.Range(column, width - column).MaxBy(row => Math.Abs(system[row, column]));
            for (var j = 0; j <= width; j++)
            {
                (system[column, j], system[pivot, j]) = (system[pivot, j], system[column, j]);
            }

            for (var row = column + 1; row < width; row++)
            {
                var factor = system[row, column] / system[column, column];
                for (var j = column; j <= width; j++)
                {
                    system[row, j] -= factor * system[column, j];
                }
            }
        }

        var solution = new double[width];
        for (var row = width - 1; row >= 0; row--)
        {
            var sum = system[row, width];
            for (var j = row + 1; j < width; j++)
            {
                sum -= system[row, j] * solution[j];
            }

            solution[row] = sum / system[row, row];
        }

        return solution;
    }

    /// <summary>|seen - expected| within <paramref name="tolerance"/> of max(1, |expected|); NaN never agrees.</summary>
    internal static bool Agrees(double seen, double expected, double tolerance) =>
        Math.Abs(seen - expected) <= tolerance * Math.Max(1, Math.Abs(expected));

    internal static bool Agrees(IReadOnlyList<double> seen, IReadOnlyList<double> expected, double tolerance) =>
        seen.Count == expected.Count && Enumerable.Range(0, seen.Count).All(i => Agrees(seen[i], expected[i], tolerance));

    // Learners get copies, so that a method that writes into its arguments cannot spoil the check's data.
    internal static double[] Copy(double[] values) => (double[])values.Clone();

    internal static double[][] Copy(double[][] rows) => [.. rows.Select(Copy)];

    internal static string Rows(IEnumerable<IReadOnlyList<double>> rows) => "[" + string.Join(", ", rows.Select(row => Show.Vector(row))) + "]";
}
