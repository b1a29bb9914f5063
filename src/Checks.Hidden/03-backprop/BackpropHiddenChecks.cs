using Autograder.Checks.Backprop;
using Autograder.Reference.Backprop;
using Oracle = Exercises.Backprop.Network;

namespace Autograder.Checks.Hidden.Backprop;

/// <summary>
/// Exercise 03, hidden checks: agreement with the reference solution (the oracle) on random
/// networks, the gradient check on a larger network, other seeds, and a spiral set. Messages name
/// the idea that failed without handing out data a learner could fit to.
/// </summary>
public sealed class BackpropHiddenChecks() : CheckSource(BackpropChecks.Exercise)
{
    /// <summary>Measured on the reference over 300 seeds: held-out accuracy at least 97.8%, median 100%.</summary>
    internal static TrainingOptions SpiralsOptions(int seed) =>
        new(Hidden: 16, LearningRate: 0.3, Momentum: 0.9, Epochs: 300, BatchSize: 16, Seed: seed);

    /// <summary>A network with every entry uniform in +-scale, of a random size.</summary>
    private static NetworkParameters RandomNetwork(SeededRandom random, int inputs, int hidden, double scale)
    {
        var parameters = new NetworkParameters(inputs, hidden);
        foreach (var entry in BackpropChecks.Entries(inputs, hidden))
        {
            entry.Set(parameters, random.Uniform(-scale, scale));
        }

        return parameters;
    }

    private static double[] RandomTargets(SeededRandom random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (double)random.NextInt(2))];

    private static string Size(NetworkParameters parameters, int examples) =>
        $"a random network with {Count(parameters.Inputs, "input")} and {Count(parameters.Hidden, "hidden unit")}, {Count(examples, "example")}";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>
    /// How far apart, relative to the reference: enough to tell a factor of two from rounding,
    /// without the reference's value on hidden data (or a value of the learner's choosing) in full.
    /// </summary>
    private static string Gap(double seen, double expected) =>
        Show.Number(Math.Abs(seen - expected) / Math.Max(1e-12, Math.Abs(expected)));

    private static bool Close(double seen, double expected, double relative) =>
        Math.Abs(seen - expected) <= 1e-12 + (relative * Math.Abs(expected));

    /// <summary>The first entry of the learner's parameters that is not <see cref="Close"/> to the reference's, or null.</summary>
    private static BackpropChecks.Entry? FirstApart(NetworkParameters seen, NetworkParameters expected, double relative) =>
        BackpropChecks.Entries(expected.Inputs, expected.Hidden).FirstOrDefault(entry => !Close(entry.Get(seen), entry.Get(expected), relative));

    /// <summary>
    /// A random network of 1 to 5 inputs and 1 to 8 hidden units, every entry uniform in
    /// +-scale, and 1 to 10 examples with inputs uniform in +-2.
    /// </summary>
    private static (NetworkParameters Parameters, double[][] X) RandomCase(SeededRandom random, double scale)
    {
        var parameters = RandomNetwork(random, 1 + random.NextInt(5), 1 + random.NextInt(8), scale);
        var x = BackpropChecks.RandomInputs(random, 1 + random.NextInt(10), parameters.Inputs, 2);
        return (parameters, x);
    }

    /// <summary>A <see cref="RandomCase"/> with a random target for each example.</summary>
    private static (NetworkParameters Parameters, double[][] X, double[] Targets) RandomLabelledCase(SeededRandom random)
    {
        // Logits of a few units at most: even a loss taken as log o is accurate here.
        var (parameters, x) = RandomCase(random, scale: 1.5);
        return (parameters, x, RandomTargets(random, x.Length));
    }

    [Check("forward-matches-reference", "Forward on random networks", Points = 1, Seed = 1001, Visibility = Visibility.Hidden)]
    [OracleTrials(20)]
    private static string? ForwardMistake(INetwork learner, Oracle oracle, SeededRandom random)
    {
        var (parameters, x) = RandomCase(random, scale: 2);
        var examples = x.Length;
        var expected = oracle.Forward(parameters, x);
        var seen = Expect.NotNull(learner.Forward(parameters.Clone(), x), "Forward");
        var hidden = Expect.Shape(seen.Hidden, examples, parameters.Hidden, "Forward(...).Hidden");
        var output = Expect.Length(seen.Output, examples, "Forward(...).Output");
        for (var n = 0; n < examples; n++)
        {
            if (!(Numerics.MaxAbsDifference(hidden[n], expected.Hidden[n]) <= 1e-12))
            {
                return $"Forward on {Size(parameters, examples)}: the hidden activations differ from the reference " +
                    $"(by up to {Show.Number(Numerics.MaxAbsDifference(hidden[n], expected.Hidden[n]))}). h_j = sigmoid(sum_i W1[j, i] x_i + B1[j]) " +
                    "for every input i and every hidden unit j, with W1[j, i] connecting input i to hidden unit j.";
            }

            if (!(Math.Abs(output[n] - expected.Output[n]) <= 1e-12))
            {
                return $"Forward on {Size(parameters, examples)}: the hidden activations agree, the output differs from the reference " +
                    $"by {Show.Number(Math.Abs(output[n] - expected.Output[n]))}. o = sigmoid(sum_j W2[j] h_j + B2) over every hidden unit.";
            }
        }

        return null;
    }

    [Check("loss-matches-reference", "Loss on random networks", Points = 1, Seed = 1002, Visibility = Visibility.Hidden)]
    [OracleTrials(20)]
    private static string? LossMistake(INetwork learner, Oracle oracle, SeededRandom random)
    {
        var (parameters, x, targets) = RandomLabelledCase(random);
        var expected = oracle.Loss(parameters, x, targets);
        var seen = learner.Loss(parameters.Clone(), x, targets);
        return Close(seen, expected, 1e-9)
            ? null
            : $"Loss on {Size(parameters, x.Length)} differs from the reference's (relative difference {Gap(seen, expected)}). " +
                "E is the mean over the examples of -y log o - (1 - y) log(1 - o), with o from Forward.";
    }

    [Check("loss-large-logits", "Loss stays exact at large logits", Points = 1, Seed = 1003, Visibility = Visibility.Hidden)]
    [OracleTrials(20)]
    private static string? LargeLogitLossMistake(INetwork learner, Oracle oracle, SeededRandom random)
    {
        // Output weights of tens to hundreds put the logit far beyond where o rounds to 0 or 1.
        var parameters = RandomNetwork(random, 1 + random.NextInt(4), 1 + random.NextInt(6), 1);
        for (var j = 0; j < parameters.Hidden; j++)
        {
            parameters.W2[j] = random.Uniform(-300, 300);
        }

        var examples = 1 + random.NextInt(8);
        var x = BackpropChecks.RandomInputs(random, examples, parameters.Inputs, 2);
        var targets = RandomTargets(random, examples);
        var expected = oracle.Loss(parameters, x, targets);
        var seen = learner.Loss(parameters.Clone(), x, targets);
        return Close(seen, expected, 1e-9)
            ? null
            : $"Loss where the output logits are large (tens to hundreds) differs from the reference's (relative difference " +
                $"{Gap(seen, expected)}{(double.IsFinite(seen) ? "" : $", yours is {Show.Number(seen)}")}). If loss-matches-reference passes, the trouble is the size of z: o rounds to exactly " +
                "0 or 1 there, and log o or log(1 - o) breaks. Compute each example's loss from the logit z as " +
                "max(z, 0) + log(1 + e^-|z|) - y z (see loss-saturated).";
    }

    [Check("backward-matches-reference", "Backward on random networks", Points = 2, Seed = 1004, Visibility = Visibility.Hidden)]
    [OracleTrials(20)]
    private static string? BackwardMistake(INetwork learner, Oracle oracle, SeededRandom random)
    {
        var (parameters, x, targets) = RandomLabelledCase(random);
        var expected = oracle.Backward(parameters, x, targets);
        var given = parameters.Clone();
        var seen = BackpropChecks.ExpectShape(learner.Backward(given, x, targets), parameters.Inputs, parameters.Hidden, "Backward");
        if (BackpropChecks.FirstDifference(given, parameters, 0) is not null)
        {
            return "Backward changed the parameters it was given; it should only read them and return a new NetworkParameters.";
        }

        var wrong = FirstApart(seen, expected, 1e-9);
        return wrong is null
            ? null
            : $"Backward on {Size(parameters, x.Length)}: the gradient entry for {wrong.Parameter} differs from the reference " +
                $"(relative difference {Gap(wrong.Get(seen), wrong.Get(expected))}). " +
                "Follow the chain from the output: delta_o = (o - y) / N, dB2 = sum delta_o, dW2[j] = sum delta_o h_j, " +
                "delta_j = delta_o W2[j] h_j (1 - h_j), dB1[j] = sum delta_j, dW1[j, i] = sum delta_j x_i.";
    }

    [Check("gradient-check-larger", "gradient check on a larger network", Points = 1, Seed = 1005, Visibility = Visibility.Hidden)]
    private static Verdict GradientCheckLarger(CheckContext context) =>
        BackpropChecks.GradientCheck(context, inputs: 5, hidden: 7, examples: 12, samplesPerParameter: 4);

    [Check("momentum-matches-reference", "momentum steps from random velocities", Points = 1, Seed = 1006, Visibility = Visibility.Hidden)]
    [OracleTrials(10)]
    private static string? MomentumMistake(INetwork learner, Oracle oracle, SeededRandom random)
    {
        var (inputs, hidden) = (1 + random.NextInt(5), 1 + random.NextInt(6));
        var start = RandomNetwork(random, inputs, hidden, 2);
        var startVelocity = RandomNetwork(random, inputs, hidden, 0.5);
        var (theirs, theirVelocity) = (start.Clone(), startVelocity.Clone());
        var (ours, ourVelocity) = (start.Clone(), startVelocity.Clone());
        var eta = random.Uniform(0.01, 1);
        var mu = random.Uniform(0, 0.99);
        for (var step = 1; step <= 3; step++)
        {
            var gradient = RandomNetwork(random, inputs, hidden, 1);
            learner.MomentumStep(theirs, gradient.Clone(), theirVelocity, eta, mu);
            oracle.MomentumStep(ours, gradient, ourVelocity, eta, mu);
            if (BackpropChecks.FirstDifference(theirVelocity, ourVelocity, 1e-12) is { } velocity)
            {
                return $"MomentumStep, step {step} from a non-zero velocity: the velocity of {velocity.Name} differs from v = mu v - eta g. " +
                    "Every entry of every parameter (W1, B1, W2 and B2) keeps its own velocity, updated in place.";
            }

            if (BackpropChecks.FirstDifference(theirs, ours, 1e-12) is { } parameter)
            {
                return $"MomentumStep, step {step}: the velocities agree, but {parameter.Name} differs from p = p + v.";
            }
        }

        return null;
    }

    [Check("train-matches-reference", "Train with full batches follows the reference", Points = 1, Seed = 1007, Visibility = Visibility.Hidden)]
    private static Verdict TrainMatchesReference(CheckContext context)
    {
        var learner = context.Create<INetwork>();
        var oracle = new Oracle();
        var data = Generators.Circles(30, context.Seed);
        // One batch of all examples: the order of examples then only changes rounding, so any
        // shuffle gives the same training run.
        var options = new TrainingOptions(Hidden: 5, LearningRate: 0.5, Momentum: 0.9, Epochs: 0, BatchSize: data.Count, Seed: context.Seed);
        var initial = BackpropChecks.ExpectShape(learner.Train(data.Inputs, data.Targets, options), 2, options.Hidden, "Train");
        if (BackpropChecks.FirstDifference(initial, NetworkParameters.Random(2, options.Hidden, options.Seed), 0) is not null)
        {
            return Verdict.Fail(
                "Train with 0 epochs should return its starting point, NetworkParameters.Random(inputs, options.Hidden, options.Seed), " +
                "unchanged; yours returned something else. Start from exactly that network, with that seed.");
        }

        options = options with { Epochs = 25 };
        if (TrainedApart(learner, oracle, data.Inputs, data.Targets, options) is { } apart)
        {
            return Verdict.Fail(
                $"Train with the whole set as one batch for {options.Epochs} epochs ends elsewhere than the reference ({apart.Entry}). " +
                "With one batch the order of examples does not matter, so look at the rest: one Backward on the batch and one " +
                "MomentumStep per batch, a velocity that starts at 0 and is kept for the whole run, options.LearningRate and " +
                "options.Momentum as given, exactly options.Epochs epochs.");
        }

        return Verdict.Pass();
    }

    /// <summary>
    /// Trains the learner's network and the reference's on two inputs with the same options. Where
    /// they end apart: which entry differs (said as "W1[0, 1] differs") and by how much, relative
    /// to the reference (see <see cref="Gap"/>); null when every entry agrees.
    /// </summary>
    private static (string Entry, string Gap)? TrainedApart(INetwork learner, Oracle oracle, double[][] inputs, double[] targets, TrainingOptions options)
    {
        var theirs = BackpropChecks.ExpectShape(learner.Train(inputs, targets, options), 2, options.Hidden, "Train");
        var ours = oracle.Train(inputs, targets, options);
        return FirstApart(theirs, ours, 1e-8) is { } entry ? ($"{entry.Name} differs", Gap(entry.Get(theirs), entry.Get(ours))) : null;
    }

    /// <summary>
    /// 30 examples in batches of 8: three full batches and a last one of 6. Every example is the
    /// same point with the same target, so any order of examples, any shuffle, gives the same
    /// batches, and the run must follow the reference's exactly: four steps per epoch, the last
    /// one a mean over its own 6 examples.
    /// </summary>
    [Check("train-last-batch-smaller", "Train when the set is not a whole number of batches", Points = 1, Seed = 1013, Visibility = Visibility.Hidden)]
    private static Verdict TrainLastBatchSmaller(CheckContext context)
    {
        var learner = context.Create<INetwork>();
        var oracle = new Oracle();
        var random = context.Random();
        var point = new[] { random.Uniform(-1, 1), random.Uniform(-1, 1) };
        var target = (double)random.NextInt(2);
        var inputs = Enumerable.Range(0, 30).Select(_ => (double[])point.Clone()).ToArray();
        var targets = Enumerable.Repeat(target, inputs.Length).ToArray();
        // First the same run as one batch: a difference there is not about batches, and the
        // hint below would blame the wrong thing.
        var whole = new TrainingOptions(Hidden: 4, LearningRate: 0.5, Momentum: 0.9, Epochs: 6, BatchSize: inputs.Length, Seed: context.Seed);
        if (TrainedApart(learner, oracle, inputs, targets, whole) is { } wholeApart)
        {
            return Verdict.Fail(
                $"Train on {inputs.Length} identical examples as one batch for {whole.Epochs} epochs already ends elsewhere than the reference " +
                $"({wholeApart.Entry}, relative difference {wholeApart.Gap}), so the trouble is not how " +
                "the set is cut into batches: train-matches-reference and backward-matches-reference narrow it down.");
        }

        var options = whole with { BatchSize = 8 };
        if (TrainedApart(learner, oracle, inputs, targets, options) is { } batchedApart)
        {
            return Verdict.Fail(
                $"Train on {inputs.Length} examples in batches of {options.BatchSize} for {options.Epochs} epochs ends elsewhere than the reference " +
                $"({batchedApart.Entry}, relative difference {batchedApart.Gap}), while the same run as one batch agrees. " +
                "Every example here is the same, so the order cannot matter: what differs is the batches. Each epoch has 4 of them, three of 8 and a last, smaller one of 6; " +
                "that one also gets its Backward (a mean over its own 6 examples) and its MomentumStep, and no batch reaches past the end.");
        }

        return Verdict.Pass();
    }

    [Check("learns-xor-other-seeds", "learns XOR from five other starts", Points = 1, Seed = 1008, Visibility = Visibility.Hidden)]
    private static Verdict LearnsXorOtherSeeds(CheckContext context) => BackpropChecks.LearnsXor(context, [.. Enumerable.Range(context.Seed, 5)]);

    [Check("circles-other-seed", "circles from another seed, held out", Points = 1, Seed = 1009, Visibility = Visibility.Hidden)]
    private static Verdict CirclesOtherSeed(CheckContext context) =>
        LearnsHeldOut(context, "circles (a disc inside a ring)", (count, seed) => Generators.Circles(count, seed), BackpropChecks.CirclesOptions);

    [Check("spirals-held-out", "separates two spirals, held out", Points = 2, Seed = 1010, Visibility = Visibility.Hidden)]
    private static Verdict SpiralsHeldOut(CheckContext context) =>
        LearnsHeldOut(context, "two interleaved spirals", (count, seed) => Generators.Spirals(count, seed), SpiralsOptions);

    /// <summary>
    /// The public held-out check on other data: 400 training points from the seed after the
    /// check's, 1000 held-out ones from the next, options from the learner's seed, no baseline.
    /// </summary>
    private static Verdict LearnsHeldOut(
        CheckContext context, string name, Func<int, int, ClassificationSet> generate, Func<int, TrainingOptions> options) =>
        BackpropChecks.LearnsHeldOut(
            context, name, generate(400, context.Seed + 1), generate(1000, context.Seed + 2), options(context.SeedFor("learner")), linearBaseline: null);

    [Check("circles-sorted-other-seed", "circles sorted by class, from another seed", Points = 1, Seed = 1011, Visibility = Visibility.Hidden)]
    private static Verdict CirclesSortedOtherSeed(CheckContext context) =>
        BackpropChecks.LearnsSortedByClass(context, "circles (a disc inside a ring)", Generators.Circles(400, context.Seed + 1),
            Generators.Circles(1000, context.Seed + 2), BackpropChecks.CirclesOptions(context.SeedFor("learner")));
}
