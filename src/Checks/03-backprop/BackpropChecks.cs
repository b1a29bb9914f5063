using System.Globalization;
using Autograder.Reference.Backprop;

namespace Autograder.Checks.Backprop;

/// <summary>
/// Exercise 03, public checks. Expected values are literal data (worked out by hand, or computed
/// once from the formulas in the README with a calculator, as the comments say), properties that
/// need no oracle (central differences of the learner's own loss), or thresholds measured on the
/// reference solution. The student copy carries no solution.
/// </summary>
public sealed class BackpropChecks() : CheckSource(Exercise)
{
    /// <summary>
    /// TorchSharp is banned as a whole, and with it its autograd (<c>backward()</c>,
    /// <c>torch.autograd</c>): the backward pass is the exercise.
    /// </summary>
    public static readonly ExerciseSpec Exercise = ExerciseKinds.ByHand("03-backprop", "Backpropagation") with
    {
        // The training checks take about 2 s of one core for the reference on an idle machine, but
        // a correct alternative timed out at the default 30 s limit on a grading machine with a
        // load of 35 on 2 cores; 60 s leaves room for that (docs/checks/03-backprop.md).
        Budget = TimeSpan.FromSeconds(30),
    };

    /// <summary>The course's bound for the gradient check (docs/checks/03-backprop.md, gradient-check).</summary>
    internal const double GradientTolerance = 1e-6;

    /// <summary>
    /// Differences this small pass whatever their relative error: they are below what central
    /// differences in float64 resolve (rounding noise up to about 5e-9 was measured with a loss
    /// taken as log o), and only matter for entries whose gradient is itself near 0.
    /// </summary>
    internal const double GradientNoiseFloor = 1e-8;

    /// <summary>Held-out accuracy the two-dimensional sets must reach.</summary>
    internal const double HeldOutThreshold = 0.95;

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    /// <summary>
    /// The README's forward pass, computed by the check: trained parameters are judged by what they
    /// compute, not by the learner's Forward, which need not use them.
    /// </summary>
    internal static double[] Outputs(NetworkParameters parameters, double[][] inputs) =>
        [.. inputs.Select(x =>
        {
            var z = parameters.B2;
            for (var j = 0; j < parameters.Hidden; j++)
            {
                var a = parameters.B1[j];
                for (var i = 0; i < parameters.Inputs; i++)
                {
                    a += parameters.W1[j, i] * x[i];
                }

                z += parameters.W2[j] / (1 + Math.Exp(-a));
            }

            return 1 / (1 + Math.Exp(-z));
        })];

    /// <summary>Null when the learner's Forward gives the outputs of the parameters it is given (1e-9), else the message.</summary>
    internal static string? ForwardMismatch(INetwork network, NetworkParameters parameters, double[][] inputs)
    {
        var theirs = Expect.NotNull(network.Forward(parameters.Clone(), [.. inputs.Select(x => (double[])x.Clone())]), "Forward").Output;
        var ours = Outputs(parameters, inputs);
        var off = theirs is null || theirs.Length != ours.Length ? ours.Length
            : Enumerable.Range(0, ours.Length).Count(n => !(Math.Abs(theirs[n] - ours[n]) <= 1e-9));
        return off == 0
            ? null
            : $"with the trained parameters, your Forward's outputs differ from sigmoid(W2 . sigmoid(W1 x + B1) + B2) on {off} of {ours.Length} inputs. " +
              "Forward must compute its outputs from the parameters it is given, and nothing else.";
    }

    /// <summary>
    /// Mini-batch training needs the examples in a fresh random order each epoch. Given the same
    /// points sorted by class, both ways round, a trainer that keeps the given order ends every
    /// epoch on a run of one class and sways towards it: measured over 30 seeds, 46% to 50% held
    /// out (the worse of the two orders) without shuffling, at least 99.6% with it.
    /// </summary>
    internal static Verdict LearnsSortedByClass(CheckContext context, string name, ClassificationSet data, ClassificationSet test, TrainingOptions options)
    {
        var network = context.Create<INetwork>();
        // Evidence first: only when training works on the points in random order can a failure on
        // sorted points be blamed on the order.
        var unsorted = ExpectShape(network.Train(data.Inputs, data.Targets, options), 2, options.Hidden, "Train");
        var baseline = Numerics.Accuracy(Predictions(Outputs(unsorted, test.Inputs)), test.Labels);
        if (!(baseline >= HeldOutThreshold))
        {
            return Verdict.Fail(
                $"{name}: even with the training points in random order, the trained network gets {Show.Percent(baseline)} of the " +
                $"held-out points right, under the {Show.Percent(HeldOutThreshold)} this check needs before it looks at the order of " +
                "examples. Make circles-held-out pass first; the training checks' hints say where to look.")
                .WithMeasurement("held-out accuracy, sorted training data", 0, HeldOutThreshold, higherIsBetter: true);
        }

        var worst = double.PositiveInfinity;
        foreach (var onesFirst in new[] { false, true })
        {
            var order = Enumerable.Range(0, data.Count).OrderBy(n => onesFirst ? -data.Labels[n] : data.Labels[n]).ThenBy(n => n).ToArray();
            var sorted = new ClassificationSet([.. order.Select(n => data.Inputs[n])], [.. order.Select(n => data.Labels[n])]);
            var trained = ExpectShape(network.Train(sorted.Inputs, sorted.Targets, options), 2, options.Hidden, "Train");
            var accuracy = Numerics.Accuracy(Predictions(Outputs(trained, test.Inputs)), test.Labels);
            worst = Math.Min(worst, double.IsNaN(accuracy) ? 0 : accuracy);
            if (!(accuracy >= HeldOutThreshold))
            {
                return Verdict.Fail(
                    $"{name}, {data.Count} training points given sorted by class ({(onesFirst ? "all of class 1 first" : "all of class 0 first")}), " +
                    $"trained with {Describe(options)}: {Show.Percent(accuracy)} of {test.Count} held-out points right, expected at least " +
                    $"{Show.Percent(HeldOutThreshold)}. Visit the examples in a fresh random order in every epoch: in the order given, each " +
                    "epoch ends on a long run of one class, and the network leans towards it. With the same points in random order it got " +
                    $"{Show.Percent(baseline)}.")
                    .WithMeasurement("held-out accuracy, sorted training data", worst, HeldOutThreshold, higherIsBetter: true);
            }
        }

        return Verdict.Pass($"at least {Show.Percent(worst)} held out, with the training points sorted either way")
            .WithMeasurement("held-out accuracy, sorted training data", worst, HeldOutThreshold, higherIsBetter: true);
    }

    /// <summary>Full batch on XOR, so the order of examples cannot matter. Measured on the
    /// reference: 100% on all 2000 seeds 0..1999, every one of them already after 250 epochs.</summary>
    internal static TrainingOptions XorOptions(int seed) => new(Hidden: 8, LearningRate: 1.0, Momentum: 0.9, Epochs: 1000, BatchSize: 4, Seed: seed);

    /// <summary>Measured on the reference over 300 seeds: held-out accuracy at least 99.3%, median 100%.</summary>
    internal static TrainingOptions CirclesOptions(int seed) => new(Hidden: 16, LearningRate: 0.3, Momentum: 0.9, Epochs: 200, BatchSize: 16, Seed: seed);

    // The network of forward-literal and loss-literal: 3 inputs, 2 hidden units, 2 examples.
    private static NetworkParameters SmallNetwork() => Parameters(
        w1: new double[,] { { 0.5, -1.0, 0.25 }, { -0.75, 0.5, 1.0 } },
        b1: [0.1, -0.2],
        w2: [1.5, -2.0],
        b2: 0.25);

    private static double[][] SmallInputs() => [[1.0, 0.5, -1.0], [-0.5, 2.0, 0.0]];

    [Check("forward-literal", "Forward on a small network worked out by hand", Points = 1, Seed = 0)]
    private static Verdict ForwardLiteral(CheckContext context)
    {
        var network = context.Create<INetwork>();
        var parameters = SmallNetwork();
        var inputs = SmallInputs();
        // Computed once from h = sigmoid(W1 x + B1), o = sigmoid(W2 . h + B2) with a calculator:
        // the hidden pre-activations are [-0.15, -1.7] and [-2.15, 1.175], the output logits
        // 0.6349247018 and -1.1215983649.
        double[][] hidden = [[0.46257015465625045, 0.1544652650835347], [0.10433122311900131, 0.7640475997974661]];
        double[] output = [0.6536052831802389, 0.24571492364653133];

        var pass = Expect.NotNull(network.Forward(parameters, inputs), "Forward");
        var seenHidden = Expect.Shape(pass.Hidden, 2, 2, "Forward(...).Hidden");
        var seenOutput = Expect.Length(pass.Output, 2, "Forward(...).Output");
        for (var n = 0; n < 2; n++)
        {
            for (var j = 0; j < 2; j++)
            {
                if (!(Math.Abs(seenHidden[n][j] - hidden[n][j]) <= 1e-9))
                {
                    return Verdict.Fail(
                        $"Forward, example {n} (x = {Show.Vector(inputs[n])}), hidden unit {j}: expected h = {Show.Precise(hidden[n][j])}, " +
                        $"yours {Show.Precise(seenHidden[n][j])}. h_j = sigmoid(sum_i W1[j, i] x_i + B1[j]), with W1[j, i] connecting input i " +
                        $"to hidden unit j (row j of W1 = {Show.Vector(Row(parameters.W1, j))}, B1[j] = {Show.Number(parameters.B1[j])}) " +
                        "and sigmoid(a) = 1 / (1 + e^-a).");
                }
            }
        }

        for (var n = 0; n < 2; n++)
        {
            if (!(Math.Abs(seenOutput[n] - output[n]) <= 1e-9))
            {
                return Verdict.Fail(
                    $"Forward, example {n}: the hidden activations are right, but the output is {Show.Precise(seenOutput[n])}, expected " +
                    $"{Show.Precise(output[n])}. o = sigmoid(sum_j W2[j] h_j + B2), the same sigmoid again, on the hidden activations " +
                    "(not on the inputs).");
            }
        }

        return Verdict.Pass();
    }

    [Check("loss-literal", "Loss is the mean binary cross-entropy", Points = 1, Seed = 0)]
    private static Verdict LossLiteral(CheckContext context)
    {
        var network = context.Create<INetwork>();
        // The outputs of forward-literal are 0.6536 (target 1) and 0.2457 (target 0), so
        // E = (-log 0.6536 - log(1 - 0.2457)) / 2, computed once with a calculator.
        const double expected = 0.3536182746744606;
        const double sum = 2 * expected;
        var seen = network.Loss(SmallNetwork(), SmallInputs(), [1.0, 0.0]);
        if (Math.Abs(seen - expected) <= 1e-9)
        {
            return Verdict.Pass();
        }

        var hint = Math.Abs(seen - sum) <= 1e-9
            ? "Yours is the sum over the 2 examples: E is their mean, so divide by the number of examples."
            : Math.Abs(seen + expected) <= 1e-9
                ? "Yours has the wrong sign: log o is negative, so the loss is minus the log-likelihood, -y log o - (1 - y) log(1 - o)."
                : "Per example, -y log o - (1 - y) log(1 - o) takes log o when the target is 1 and log(1 - o) when it is 0; " +
                  "E is the mean of that over the examples. Check Forward first (forward-literal).";
        return Verdict.Fail(
            $"Loss on the network of forward-literal (outputs 0.654 and 0.246, targets 1 and 0): expected {Show.Precise(expected)}, " +
            $"yours {Show.Precise(seen)}. {hint}");
    }

    [Check("loss-saturated", "Loss stays finite and exact when the output saturates", Points = 1, Seed = 0)]
    private static Verdict LossSaturated(CheckContext context)
    {
        var network = context.Create<INetwork>();
        // W1 = 0 and B1 = 0 make every hidden activation exactly 0.5, so the output logit is
        // z = 0.5 (W2[0] + W2[1]) + B2, exactly. -y log o - (1 - y) log(1 - o) = log(1 + e^z) - y z,
        // worked by hand: z = 1000, y = 0 gives 1000; z = 1000, y = 1 gives log(1 + e^-1000) = 0
        // in float64; likewise for z = -1000 with the targets swapped. Each mean is 500.
        (double Logit, double B2, double[] Targets)[] cases =
        [
            (1000, 0, [0.0, 1.0]),
            (-1000, -2000, [1.0, 0.0]),
        ];
        foreach (var (logit, b2, targets) in cases)
        {
            var parameters = Parameters(new double[2, 2], [0, 0], [1000, 1000], b2);
            var seen = network.Loss(parameters, [[1.0, 0.0], [0.0, 1.0]], targets);
            if (!(Math.Abs(seen - 500) <= 1e-9 * 500))
            {
                var why = double.IsFinite(seen)
                    ? "If loss-literal passes, your loss probably keeps o away from 0 and 1 (a clamp or an epsilon), which caps what a confident mistake costs."
                    : logit > 0
                        ? "In float64, o = sigmoid(1000) rounds to exactly 1.0, so log(1 - o) = log(0) = -infinity."
                        : "In float64, o = sigmoid(-1000) rounds to exactly 0.0, so log o = log(0) = -infinity.";
                return Verdict.Fail(
                    $"Loss where the output logit is z = {Show.Number(logit)} for both examples (targets {Show.Vector(targets)}): " +
                    $"expected 500 (the example on the wrong side costs |z| = 1000, the other about 0), yours {Show.Precise(seen)}. {why} " +
                    "Compute each example's loss from the logit instead of from o: -y log o - (1 - y) log(1 - o) = log(1 + e^z) - y z, " +
                    "with log(1 + e^z) written as max(z, 0) + log(1 + e^-|z|) so that nothing overflows (as in exercise 02).");
            }
        }

        return Verdict.Pass();
    }

    [Check("gradient-check", "Backward agrees with central differences of the loss", Points = 3, Seed = 41)]
    private static Verdict GradientCheck(CheckContext context) =>
        GradientCheck(context, inputs: 3, hidden: 4, examples: 6, samplesPerParameter: null);

    /// <summary>
    /// Backward against central differences of the learner's own Loss, on a random network with
    /// random biases, entry by entry from the output back (B2, W2, B1, W1), so the first failure
    /// is the link of the chain nearest the output. <paramref name="samplesPerParameter"/> null
    /// checks every entry.
    /// </summary>
    internal static Verdict GradientCheck(CheckContext context, int inputs, int hidden, int examples, int? samplesPerParameter)
    {
        var network = context.Create<INetwork>();
        var random = context.Random();
        var parameters = NetworkParameters.Random(inputs, hidden, context.Seed);
        // Random() leaves the biases at 0; other values make every term of the chain rule show.
        for (var j = 0; j < hidden; j++)
        {
            parameters.B1[j] = random.Uniform(-0.5, 0.5);
        }

        parameters.B2 = random.Uniform(-0.5, 0.5);

        // Output weights and inputs kept away from 0, so that no gradient entry is tiny: the
        // central differences carry rounding noise of about 1e-10, which would swamp the
        // relative error of an entry near 0.
        for (var j = 0; j < hidden; j++)
        {
            parameters.W2[j] = SignedUniform(random, 0.5, 2);
        }

        var x = Enumerable.Range(0, examples).Select(_ => Enumerable.Range(0, inputs).Select(_ => SignedUniform(random, 0.5, 1)).ToArray()).ToArray();
        var targets = Enumerable.Range(0, examples).Select(_ => (double)random.NextInt(2)).ToArray();

        var before = parameters.Clone();
        var gradient = ExpectShape(network.Backward(parameters, x, targets), inputs, hidden, "Backward");
        if (FirstDifference(parameters, before, 0) is { } changed)
        {
            return Verdict.Fail(
                $"Backward changed the parameters it was given ({changed.Name} was {Show.Precise(changed.Expected)}, now {Show.Precise(changed.Seen)}). " +
                "It should only read them and return the gradient in a new NetworkParameters (parameters.ZerosLike() makes one).");
        }

        double Loss() => network.Loss(parameters, x, targets);
        var loss = Loss();
        if (!double.IsFinite(loss))
        {
            return Verdict.Fail($"your Loss returned {Show.Number(loss)} on a small random network, so there is nothing to compare Backward with: fix Loss first (loss-literal).");
        }

        var worst = 0.0;
        var count = 0;
        foreach (var entry in Sample(Entries(inputs, hidden), samplesPerParameter, random))
        {
            var numeric = Numerics.CentralDifference(Loss, () => entry.Get(parameters), value => entry.Set(parameters, value));
            var analytic = entry.Get(gradient);
            var error = Numerics.RelativeError(analytic, numeric);
            if (!(error <= GradientTolerance || Math.Abs(analytic - numeric) <= GradientNoiseFloor))
            {
                return Verdict.Fail(
                    $"gradient of E with respect to {entry.Name}: yours {Show.Precise(analytic)}, central differences {Show.Precise(numeric)} " +
                    $"(relative error {Show.Number(error)}, allowed {Show.Number(GradientTolerance)}). {GradientHint(entry, analytic, numeric, examples)}");
            }

            worst = Math.Max(worst, error);
            count++;
        }

        return Verdict.Pass($"{count} entries checked, largest relative error {Show.Number(worst)}");
    }

    private static string GradientHint(Entry entry, double analytic, double numeric, int examples)
    {
        var ratio = analytic / numeric;
        if (analytic == 0)
        {
            return "Yours is exactly 0: Backward never adds anything to this entry.";
        }

        if (Math.Abs(ratio + 1) < 1e-3)
        {
            return "Same size, opposite sign: the output delta is o - y (not y - o), and the gradient points uphill; MomentumStep is where the minus sign goes.";
        }

        if (examples > 1 && Math.Abs(ratio - examples) < 1e-3 * examples)
        {
            return $"Yours is {examples} times too large: E is the mean over the {examples} examples, so each example's contribution is divided by {examples}.";
        }

        if (examples > 1 && Math.Abs((ratio * examples) - 1) < 1e-3)
        {
            return $"Yours is {examples} times too small: Backward divides by the number of examples where your Loss does not (Loss must be the mean; see loss-literal).";
        }

        return entry.Parameter switch
        {
            "B2" => "With a sigmoid output and the cross-entropy together, dE/dz for the output logit is simply o - y, so dE/dB2 is the mean of o - y over the examples.",
            "W2" => "B2 agrees, so the output delta o - y is right; dE/dW2[j] is the mean of (o - y) h_j, the delta times the hidden activation that W2[j] multiplies.",
            "B1" => "The output layer agrees, so a link of the chain back through the hidden layer is likely missing: the delta of hidden unit j is " +
                    "(o - y) W2[j] h_j (1 - h_j), where h_j (1 - h_j) is the sigmoid's derivative at that unit; dE/dB1[j] is its mean.",
            _ => "B1 agrees, so the hidden deltas are right: dE/dW1[j, i] is the mean of delta_j x_i, the delta of hidden unit j times input i " +
                 "(W1[j, i] connects input i to hidden unit j; check the indices).",
        };
    }

    [Check("momentum-step", "two momentum steps on literal values", Points = 2, Seed = 0)]
    private static Verdict MomentumSteps(CheckContext context)
    {
        var network = context.Create<INetwork>();
        const double eta = 0.5;
        const double mu = 0.75;
        var parameters = Parameters(new double[,] { { 0.5, -1, 0.25 }, { 2, 0, -0.5 } }, [0.125, -0.25], [1, -2], 0.5);
        var first = Parameters(new double[,] { { 0.25, 0.5, -1 }, { 0, 1, 2 } }, [-0.5, 0.25], [0.75, -0.125], 1);
        var second = Parameters(new double[,] { { 1, -0.5, 0 }, { 0.5, 0.25, -2 } }, [0.25, 1], [-1, 0.5], -0.25);
        var velocity = parameters.ZerosLike();

        // Worked by hand, in exact binary fractions. Step 1 from v = 0: v1 = -eta g1, p1 = p + v1.
        var v1 = Parameters(new double[,] { { -0.125, -0.25, 0.5 }, { 0, -0.5, -1 } }, [0.25, -0.125], [-0.375, 0.0625], -0.5);
        var p1 = Parameters(new double[,] { { 0.375, -1.25, 0.75 }, { 2, -0.5, -1.5 } }, [0.375, -0.375], [0.625, -1.9375], 0);
        network.MomentumStep(parameters, first, velocity, eta, mu);
        if (FirstDifference(velocity, v1, 1e-12) is { } v1Wrong)
        {
            var hint = v1Wrong.Seen == 0
                ? "Your velocity is still 0 there: MomentumStep must store the new velocity in the velocity object it is given (in place), because the next step starts from it."
                : Math.Abs(v1Wrong.Seen + v1Wrong.Expected) <= 1e-12
                    ? "Yours has the opposite sign. This course's convention is v = mu v - eta g, then p = p + v (the velocity points downhill)."
                    : "From v = 0, the first step gives v = mu 0 - eta g = -eta g.";
            return Verdict.Fail(
                $"first MomentumStep (eta {Show.Number(eta)}, mu {Show.Number(mu)}, velocity 0): velocity {v1Wrong.Name} expected " +
                $"{Show.Number(v1Wrong.Expected)}, yours {Show.Number(v1Wrong.Seen)}. {hint}");
        }

        if (PositionMistake("first", parameters, p1, ". After updating v, every parameter moves by its velocity: p = p + v, in place.") is { } p1Wrong)
        {
            return Verdict.Fail(p1Wrong);
        }

        // Step 2: v2 = mu v1 - eta g2, p2 = p1 + v2.
        var v2 = Parameters(new double[,] { { -0.59375, 0.0625, 0.375 }, { -0.25, -0.5, 0.25 } }, [0.0625, -0.59375], [0.21875, -0.203125], -0.25);
        var p2 = Parameters(new double[,] { { -0.21875, -1.1875, 1.125 }, { 1.75, -1, -1.25 } }, [0.4375, -0.96875], [0.84375, -2.140625], -0.25);
        network.MomentumStep(parameters, second, velocity, eta, mu);
        if (FirstDifference(velocity, v2, 1e-12) is { } v2Wrong)
        {
            return Verdict.Fail(
                $"second MomentumStep (same eta and mu, a new gradient): velocity {v2Wrong.Name} expected {Show.Number(v2Wrong.Expected)}, " +
                $"yours {Show.Number(v2Wrong.Seen)}. The velocity carries over: v = mu v_previous - eta g, where v_previous " +
                $"({Show.Number(v2Wrong.Get(v1))} here) is what the first step left in the velocity object.");
        }

        if (PositionMistake("second", parameters, p2, ": p = p + v with the new velocity.") is { } p2Wrong)
        {
            return Verdict.Fail(p2Wrong);
        }

        return Verdict.Pass();
    }

    /// <summary>
    /// After the <paramref name="step"/> MomentumStep, whose velocity was right: the first parameter
    /// that did not move to <paramref name="expected"/>, with <paramref name="rule"/>, or null.
    /// </summary>
    private static string? PositionMistake(string step, NetworkParameters parameters, NetworkParameters expected, string rule) =>
        FirstDifference(parameters, expected, 1e-12) is { } wrong
            ? $"{step} MomentumStep: the velocity is right, but parameter {wrong.Name} is {Show.Number(wrong.Seen)}, expected " +
              $"{Show.Number(wrong.Expected)}{rule}"
            : null;
    [Check("learns-xor", "learns XOR with a hidden layer", Points = 2, Seed = 51)]
    private static Verdict LearnsXor(CheckContext context) => LearnsXor(context, [context.Seed]);

    /// <summary>XOR from each seed in turn; all must reach 100%.</summary>
    internal static Verdict LearnsXor(CheckContext context, IReadOnlyList<int> seeds)
    {
        var network = context.Create<INetwork>();
        var data = BooleanFunctions.Xor;
        Verdict? last = null;
        foreach (var seed in seeds)
        {
            var options = XorOptions(seed);
            var (trained, curve) = TrainWithCurve(network, data, options);
            var outputs = Outputs(trained, data.Inputs);
            var accuracy = Numerics.Accuracy(Predictions(outputs), data.Labels);
            if (accuracy < 1)
            {
                return Verdict.Fail(
                    $"XOR, trained with {Describe(options)}: the trained parameters give outputs {Show.Vector(outputs)} for (0,0), (0,1), (1,0), (1,1) " +
                    $"(targets 0, 1, 1, 0), so {Show.Percent(accuracy)} are right, expected 100%. {TrainingHint(curve)}")
                    .WithCurve(CurveLabel(options), curve)
                    .WithMeasurement("XOR accuracy", accuracy, 1, higherIsBetter: true);
            }

            if (ForwardMismatch(network, trained, data.Inputs) is { } mismatch)
            {
                return Verdict.Fail($"XOR: {mismatch}").WithCurve(CurveLabel(options), curve);
            }

            last = Verdict.Pass($"outputs {Show.Vector(outputs)}, training loss {Show.Number(curve[^1])}").WithCurve(CurveLabel(options), curve)
                .WithMeasurement("XOR accuracy", accuracy, 1, higherIsBetter: true);
        }

        return last ?? Verdict.Pass();
    }

    /// <summary>Train on one set, judge on another from the same generator.</summary>
    internal static Verdict LearnsHeldOut(
        CheckContext context, string name, ClassificationSet train, ClassificationSet test, TrainingOptions options, double? linearBaseline)
    {
        var network = context.Create<INetwork>();
        var (trained, curve) = TrainWithCurve(network, train, options);
        var outputs = Outputs(trained, test.Inputs);
        var accuracy = Numerics.Accuracy(Predictions(outputs), test.Labels);
        var baselines = $"always answering the majority class scores {Show.Percent(Numerics.MajorityBaseline(test.Labels))}" +
            (linearBaseline is { } linear ? $", a straight line (logistic regression on the same training points) {Show.Percent(linear)}" : "");
        if (!(accuracy >= HeldOutThreshold))
        {
            return Verdict.Fail(
                $"{name}, {train.Count} training points, {test.Count} held out, trained with {Describe(options)}: " +
                $"{Show.Percent(accuracy)} of the held-out points right, expected at least {Show.Percent(HeldOutThreshold)} " +
                $"({baselines}). {TrainingHint(curve)}")
                .WithCurve(CurveLabel(options), curve)
                .WithMeasurement("held-out accuracy", accuracy, HeldOutThreshold, higherIsBetter: true);
        }

        if (ForwardMismatch(network, trained, test.Inputs) is { } mismatch)
        {
            return Verdict.Fail($"{name}: {mismatch}").WithCurve(CurveLabel(options), curve);
        }

        return Verdict.Pass($"{Show.Percent(accuracy)} held out; {baselines}").WithCurve(CurveLabel(options), curve)
            .WithMeasurement("held-out accuracy", accuracy, HeldOutThreshold, higherIsBetter: true);
    }

    /// <summary>
    /// Trains with the given options and returns the result with the learner's training loss after
    /// 1/10, 2/10, ... of the epochs, from separate runs of Train (each starts afresh from the same
    /// seed; the last is the run that is judged). About 5.5 times one run: cheap for these small
    /// sets, and it shows whether the loss falls.
    /// </summary>
    private static (NetworkParameters Trained, double[] Curve) TrainWithCurve(INetwork network, ClassificationSet data, TrainingOptions options)
    {
        const int points = 10;
        var curve = new double[points];
        NetworkParameters? trained = null;
        for (var k = 1; k <= points; k++)
        {
            trained = ExpectShape(
                network.Train(data.Inputs, data.Targets, options with { Epochs = options.Epochs * k / points }), 2, options.Hidden, "Train");
            curve[k - 1] = network.Loss(trained, data.Inputs, data.Targets);
        }

        return (trained!, curve);
    }

    private static string TrainingHint(IReadOnlyList<double> curve)
    {
        const string first = "Training can only work once gradient-check and momentum-step pass: fix those first if they fail.";
        var last = curve[^1];
        if (!double.IsFinite(last))
        {
            return $"The training loss became {Show.Number(last)}: the steps are far too large or go the wrong way. {first}";
        }

        if (Math.Abs(last - Math.Log(2)) < 0.01)
        {
            return "The training loss stayed near log 2 = 0.693, where an untrained network sits: nothing was learned. " + first +
                   " Then: Train must call Backward and MomentumStep on every batch, keep one velocity for the whole run, and return the parameters it trained.";
        }

        if (last > Math.Log(2))
        {
            return $"The training loss ended at {Show.Number(last)}, above the 0.693 an untrained network starts from: the steps go uphill or are far too large. " +
                   first + " Then check that Train passes options.LearningRate and options.Momentum to MomentumStep as they are.";
        }

        return $"The training loss fell to {Show.Number(last)} but not far enough. {first} Then check that Train starts from " +
               "NetworkParameters.Random(inputs, options.Hidden, options.Seed), uses options.LearningRate, options.Momentum and options.Epochs, " +
               "and visits every example once per epoch, each with its own target.";
    }

    internal static string Describe(TrainingOptions options) =>
        $"{options.Hidden} hidden units, eta {Show.Number(options.LearningRate)}, mu {Show.Number(options.Momentum)}, " +
        $"{options.Epochs} epochs, batches of {options.BatchSize}, seed {options.Seed}";

    private static string CurveLabel(TrainingOptions options) =>
        $"training loss after {options.Epochs / 10}, {2 * options.Epochs / 10}, ... {options.Epochs} epochs";

    internal static int[] Predictions(IReadOnlyList<double> outputs) => [.. outputs.Select(o => o >= 0.5 ? 1 : 0)];

    internal static NetworkParameters ExpectShape(NetworkParameters? parameters, int inputs, int hidden, string what)
    {
        Expect.NotNull(parameters, what);
        return parameters!.Inputs == inputs && parameters.Hidden == hidden
            ? parameters
            : throw new CheckFailedException(
                $"{what} returned parameters for {parameters.Inputs} inputs and {parameters.Hidden} hidden units, expected {inputs} and {hidden}.");
    }

    internal static NetworkParameters Parameters(double[,] w1, double[] b1, double[] w2, double b2)
    {
        var parameters = new NetworkParameters(w1.GetLength(1), w1.GetLength(0)) { B2 = b2 };
        Array.Copy(w1, parameters.W1, w1.Length);
        Array.Copy(b1, parameters.B1, b1.Length);
        Array.Copy(w2, parameters.W2, w2.Length);
        return parameters;
    }

    /// <summary>A magnitude uniform in [low, high) with a random sign.</summary>
    internal static double SignedUniform(SeededRandom random, double low, double high) =>
        (random.NextInt(2) == 0 ? -1 : 1) * random.Uniform(low, high);

    internal static double[][] RandomInputs(SeededRandom random, int count, int inputs, double scale) =>
        [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, inputs).Select(_ => random.Uniform(-scale, scale)).ToArray())];

    /// <summary>One scalar of a network, named as learners see it, e.g. <c>W1[2, 0]</c>.</summary>
    internal sealed record Entry(string Parameter, string Name, Func<NetworkParameters, double> Get, Action<NetworkParameters, double> Set);

    /// <summary>A difference between two networks: where, and both values.</summary>
    internal sealed record Difference(string Name, Func<NetworkParameters, double> Get, double Expected, double Seen);

    /// <summary>Every entry, output layer first: B2, W2, B1, W1 (row by row).</summary>
    internal static IEnumerable<Entry> Entries(int inputs, int hidden)
    {
        yield return new("B2", "B2", p => p.B2, (p, v) => p.B2 = v);
        for (var j = 0; j < hidden; j++)
        {
            var jj = j;
            yield return new("W2", $"W2[{j}]", p => p.W2[jj], (p, v) => p.W2[jj] = v);
        }

        for (var j = 0; j < hidden; j++)
        {
            var jj = j;
            yield return new("B1", $"B1[{j}]", p => p.B1[jj], (p, v) => p.B1[jj] = v);
        }

        for (var j = 0; j < hidden; j++)
        {
            for (var i = 0; i < inputs; i++)
            {
                var (jj, ii) = (j, i);
                yield return new("W1", $"W1[{j}, {i}]", p => p.W1[jj, ii], (p, v) => p.W1[jj, ii] = v);
            }
        }
    }

    /// <summary>Up to <paramref name="perParameter"/> random entries of each parameter, order kept.</summary>
    internal static IEnumerable<Entry> Sample(IEnumerable<Entry> entries, int? perParameter, SeededRandom random)
    {
        if (perParameter is not { } keep)
        {
            return entries;
        }

        return entries
            .GroupBy(entry => entry.Parameter)
            .SelectMany(group =>
            {
                var all = group.ToList();
                var chosen = random.Permutation(all.Count).Take(keep).Order();
                return chosen.Select(index => all[index]);
            });
    }

    /// <summary>The first entry where <paramref name="seen"/> is off from <paramref name="expected"/> by more than the tolerance (NaN counts).</summary>
    internal static Difference? FirstDifference(NetworkParameters seen, NetworkParameters expected, double tolerance)
    {
        foreach (var entry in Entries(expected.Inputs, expected.Hidden))
        {
            var (a, b) = (entry.Get(seen), entry.Get(expected));
            if (!(Math.Abs(a - b) <= tolerance))
            {
                return new Difference(entry.Name, entry.Get, b, a);
            }
        }

        return null;
    }

    private static double[] Row(double[,] matrix, int row) =>
        [.. Enumerable.Range(0, matrix.GetLength(1)).Select(column => matrix[row, column])];

    [Check("circles-held-out", "separates a disc from a ring, held out", Points = 2, Seed = 61)]
    private static Verdict CirclesHeldOut(CheckContext context) => LearnsHeldOut(
        context,
        "circles (a disc inside a ring)",
        Generators.Circles(400, context.Seed + 1),
        Generators.Circles(1000, context.Seed + 2),
        CirclesOptions(context.SeedFor("learner")),
        // Recorded once for seed 61: logistic regression (5000 full-batch steps, eta 1) on
        // the 400 training points, scored on the 1000 held-out ones.
        linearBaseline: context.Seed == 61 ? 0.587 : null);

    [Check("circles-sorted-by-class", "learns circles when the examples arrive sorted by class", Points = 1, Seed = 71)]
    private static Verdict CirclesSortedByClass(CheckContext context) =>
        LearnsSortedByClass(context, "circles (a disc inside a ring)", Generators.Circles(400, context.Seed + 1),
            Generators.Circles(1000, context.Seed + 2), CirclesOptions(context.SeedFor("learner")));
}
