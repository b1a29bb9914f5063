using Autograder.Reference.TrafficSigns;

namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// Exercise 09, public checks. No check holds a network of its own: shapes, the parameter count
/// and the evaluation mode are properties of the learner's model, and accuracy is measured
/// against the generator's labels on images training never saw.
/// </summary>
public sealed class TrafficSignChecks() : CheckSource(Exercise)
{
    public static readonly ExerciseSpec Exercise = ExerciseKinds.OnDevice("09-traffic-signs", "Traffic signs");

    /// <summary>The most parameters a model for the 12 classes may have.</summary>
    internal const int ParameterBudget = 100_000;

    /// <summary>Held-out accuracy a trained classifier must reach (the reference reaches 98% to 99.9%).</summary>
    internal const double AccuracyThreshold = 0.95;

    internal const int TrainingImages = 1600;

    internal const int TestImages = 800;

    /// <summary>
    /// What the checks train with. The reference (about 12k parameters) takes about 2 s of one
    /// core for the 1600 images; see docs/checks/09-traffic-signs.md.
    /// </summary>
    internal static SignTrainingSettings Settings(int seed) => new()
    {
        Epochs = 2,
        BatchSize = 16,
        LearningRate = 0.01,
        Seed = seed,
    };

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("logits-shape", "the model gives one logit per class", Points = 1, Seed = 901)]
    private static Verdict LogitsShape(CheckContext context) => LogitsShape(context, [(4, 12), (3, 5)]);

    internal static Verdict LogitsShape(CheckContext context, IReadOnlyList<(int Batch, int Classes)> cases)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(context.SeedFor("torch"));
        var classifier = context.Create<ISignClassifier>();
        foreach (var (batch, classes) in cases)
        {
            var model = CreateModel(classifier, classes, context.Device);
            using var data = TrafficSignGenerator.Generate(batch, context.Seed, context.Device);
            model.eval();
            using var noGrad = no_grad();
            var logits = TorchFailure.Explain(
                context,
                $"your model on images [{batch}, 3, 32, 32]",
                () => Expect.NotNull(model.call(data.Images), "your model's forward"),
                "Check that the channels of each layer match the one before, and that the first Linear layer's input size is " +
                "channels x height x width of the map you flatten (32 x 4 x 4 = 512 for 32 channels after three 2x2 poolings).");
            long[] expected = [batch, classes];
            if (!logits.shape.SequenceEqual(expected))
            {
                return Verdict.Fail(
                    $"CreateModel({classes}, device) gave a model that maps images [{batch}, 3, 32, 32] to {ShapeOf(logits)}; " +
                    $"expected [{batch}, {classes}]: one logit per image and class. The last layer's output size must be the " +
                    "`classes` argument, and the features must be flattened per image (flatten(1), not flatten()).");
            }

            if (logits.device_type != context.Device.type)
            {
                return Verdict.Fail(
                    $"the logits are on {logits.device}, but the check asked for {context.Device}: create the model with " +
                    "the device you are given (`.to(device)`), so its parameters and outputs live there.");
            }

            using var cpu = logits.detach().cpu().to_type(ScalarType.Float64);
            var values = cpu.data<double>().ToArray();
            if (!Numerics.AllFinite(values))
            {
                return Verdict.Fail($"the logits of an untrained model on {batch} images contain NaN or infinity; a fresh model should give finite scores.");
            }

            if (LooksLikeProbabilities(values, classes))
            {
                return Verdict.Fail(
                    "every row of the model's output is non-negative and sums to 1: it looks like softmax probabilities. " +
                    "Return the raw logits: cross_entropy applies log-softmax itself, and a softmax before it flattens the gradients.");
            }
        }

        return Verdict.Pass();
    }

    // The name spells out ParameterBudget: an attribute takes constants only.
    [Check("parameter-budget", "the model has at most 100,000 parameters", Points = 1, Seed = 902)]
    private static Verdict ParameterCount(CheckContext context)
    {
        using var scope = NewDisposeScope();
        var (classifier, model) = SeededModel(context);
        var parameters = model.named_parameters().Select(p => (p.name, Count: p.parameter.numel())).ToList();
        var total = parameters.Sum(p => p.Count);
        if (total == 0)
        {
            return Verdict.Fail(
                "the model has no parameters: its layers must be fields of the module, registered with RegisterComponents() " +
                "in the constructor, so that the optimizer can find and train them.");
        }

        var largest = string.Join(", ", parameters.OrderByDescending(p => p.Count).Take(3).Select(p => $"{p.name} {p.Count:N0}"));
        return Verdict.PassIf(
            total <= ParameterBudget,
            $"the model for {TrafficSignGenerator.ClassCount} classes has {total:N0} parameters; the budget is {ParameterBudget:N0}. " +
            $"Largest: {largest}. A linear layer on a large feature map is the usual cause: pool (or stride) until the map is " +
            "small, say 4x4, before flattening. Convolutions share their weights over the image, so they need few parameters.",
            $"{total:N0} parameters");
    }

    [Check("predict-in-eval-mode", "Predict evaluates in eval() mode", Points = 2, Seed = 903)]
    private static Verdict PredictInEvalMode(CheckContext context) => PredictInEvalMode(context, 96);

    internal static Verdict PredictInEvalMode(CheckContext context, int count)
    {
        using var scope = NewDisposeScope();
        var (classifier, model) = SeededModel(context);
        using var data = TrafficSignGenerator.Generate(count, context.Seed, context.Device);

        // Training leaves a model in training mode; evaluation must switch it.
        var probe = new ModeProbe(model);
        probe.train();
        var predicted = Predict(context, classifier, probe, data.Images, count, TrafficSignGenerator.ClassCount);
        if (probe.Passes.Calls == 0)
        {
            return Verdict.Fail(
                "Predict never called the model it was given. Compute the logits with model.call(images) (or model.forward) " +
                "on the module passed in, and take the argmax over the class axis.");
        }

        if (probe.Passes.TrainingCalls > 0)
        {
            return Verdict.Fail(
                $"Predict ran the model in training mode ({probe.Passes.TrainingCalls} of {probe.Passes.Calls} forward calls). " +
                "Call model.eval() before evaluating: in training mode dropout switches off random units and batch " +
                "normalisation uses the statistics of the batch at hand (and updates its running averages), so a prediction " +
                "would depend on chance and on the other images in the batch.");
        }

        // Predictions must be what the model says in evaluation mode: the argmax of its logits.
        probe.eval();
        float[] logits;
        using (no_grad())
        {
            using var output = model.call(data.Images);
            using var cpu = output.detach().cpu().to_type(ScalarType.Float32);
            logits = cpu.data<float>().ToArray();
        }

        // Batches of another size may round differently: a class within 1e-4 of the top logit counts as the argmax.
        var classes = TrafficSignGenerator.ClassCount;
        var agree = Enumerable.Range(0, count).Count(i =>
            logits.AsSpan(i * classes, classes).ToArray().Max() - logits[(i * classes) + (int)predicted[i]] <= 1e-4);
        if (agree < count)
        {
            return Verdict.Fail(
                $"Predict agrees with the argmax of the model's eval-mode logits on {agree} of {count} images. It should return, " +
                "for each image, the index of its largest logit: logits.argmax(1), the class axis of [N, classes].");
        }

        return Verdict.Pass(probe.Passes.GradientCalls > 0
            ? "evaluates in eval() mode. Tip: wrap the forward pass in torch.no_grad() too, so no autograd graph is built for predictions."
            : "evaluates in eval() mode without recording gradients");
    }

    [Check("learns-signs", "recognises 95% of signs it never saw", Points = 3, Seed = 904)]
    private static Verdict LearnsSigns(CheckContext context) => LearnsSigns(context, trainSeed: context.Seed, testSeeds: [context.Seed + 1]);

    internal static Verdict LearnsSigns(CheckContext context, int trainSeed, IReadOnlyList<int> testSeeds)
    {
        using var scope = NewDisposeScope();
        var (classifier, model) = SeededModel(context);
        var classes = TrafficSignGenerator.ClassCount;
        var settings = Settings(context.SeedFor("learner"));
        double[] losses;
        EpochLosses recomputed;
        using (var training = TrafficSignGenerator.Generate(TrainingImages, trainSeed, context.Device))
        using (var index = new ImageIndex(training.Images, context.Seed))
        {
            // Train gets the model inside a recorder, which recomputes the loss of every step itself.
            var recorder = new TrainingRecorder(model, index, training.Labels, new EpochLosses(TrainingImages));
            losses = TorchFailure.Explain(
                context,
                "Train",
                () => Expect.NotNull(classifier.Train(recorder, training.Images, training.Labels, settings, context.Device), "Train"),
                ShapeHint);
            recomputed = recorder.Losses;
        }

        if (losses.Length != settings.Epochs)
        {
            return Verdict.Fail(
                $"Train returned {losses.Length} losses for {settings.Epochs} epochs; it should return the mean training loss of each epoch, " +
                "one value per pass over the data.");
        }

        if (!Numerics.AllFinite(losses))
        {
            return Verdict.Fail(
                $"the training loss became {Show.Number(losses.First(loss => !double.IsFinite(loss)))}. Feed the raw logits to " +
                "functional.cross_entropy (it takes log-softmax in a stable way) instead of taking a softmax and a log yourself.")
                .WithCurve("training loss per epoch", losses);
        }

        if (recomputed.Disagreement(losses, settings.Epochs, "cross-entropy",
            "If you do report that, check the loss itself: the mean cross-entropy of the raw logits against the labels (functional.cross_entropy).") is { } untrue)
        {
            return Verdict.Fail(untrue).WithCurve("training loss per epoch", losses);
        }

        // Accuracy is the check's own forward pass through the trained model in eval mode (the mode is
        // predict-in-eval-mode's business); Predict must then agree with that model.
        var confusion = new int[classes, classes];
        var total = 0;
        var disagree = 0;
        foreach (var seed in testSeeds)
        {
            using var test = HeldOut(TestImages, seed, context.Seed, context.Device);
            var logits = EvalLogits(model, test.Images, classes);
            var predicted = Predict(context, classifier, model, test.Images, TestImages, classes);
            using var labelsCpu = test.Labels.cpu();
            var labels = labelsCpu.data<long>().ToArray();
            for (var i = 0; i < labels.Length; i++)
            {
                var row = logits.AsSpan(i * classes, classes);
                var argmax = ArgMax(row);
                confusion[labels[i], argmax]++;
                disagree += row[argmax] - row[(int)predicted[i]] <= 1e-4 ? 0 : 1;
            }

            total += labels.Length;
        }

        var correct = Enumerable.Range(0, classes).Sum(c => confusion[c, c]);
        var accuracy = (double)correct / total;
        var summary = $"held-out accuracy {Show.Percent(accuracy)} on {total} signs from {(testSeeds.Count == 1 ? "a seed" : "seeds")} training never saw";
        if (disagree > 0)
        {
            return Verdict.Fail(
                $"{summary} (the check's own eval-mode forward pass through your trained model), but Predict disagrees with that " +
                $"model's argmax on {disagree} of {total} images. Predict must return what the model says: the argmax of " +
                "model.call(images) over the class axis, in eval() mode, for the images in the order given.")
                .WithMeasurement("held-out accuracy", accuracy, AccuracyThreshold, higherIsBetter: true)
                .WithCurve("training loss per epoch", losses);
        }

        if (accuracy >= AccuracyThreshold)
        {
            return Verdict.Pass(summary)
                .WithMeasurement("held-out accuracy", accuracy, AccuracyThreshold, higherIsBetter: true)
                .WithCurve("training loss per epoch", losses);
        }

        // The losses were verified above, so they are evidence; nothing else here is.
        var hint = losses[^1] > 1.0
            ? $"The training loss ended at {Show.Number(losses[^1])} (guessing gives ln {classes} = {Show.Number(Math.Log(classes))}), so the " +
              "network did not learn the training images either: check that Train calls zero_grad, backward and step for every " +
              "mini-batch, gives cross_entropy the raw logits and the labels as class indices, and uses settings.LearningRate."
            : $"The training loss ended at {Show.Number(losses[^1])}, so the network fits its training images but does not carry that " +
              "over to new ones. Compare your network and training with the README: the three blocks it describes, and the learning " +
              "rate decayed to zero over the run, which lets the last steps settle.";
        return Verdict.Fail(
            $"{summary}: {Show.Percent(accuracy)}, at least {Show.Percent(AccuracyThreshold)} needed (always answering one class gets " +
            $"{Show.Percent(1.0 / classes)}). Weakest classes: {DescribeWeakest(confusion, classes)}. {hint}")
            .WithMeasurement("held-out accuracy", accuracy, AccuracyThreshold, higherIsBetter: true)
            .WithCurve("training loss per epoch", losses);
    }

    /// <summary>Held-out images from <paramref name="seed"/>, disguised by <see cref="HeldOutImages"/>.</summary>
    internal static LabelledImages HeldOut(int count, int seed, int checkSeed, Device device)
    {
        using var generated = TrafficSignGenerator.Generate(count, seed, device);
        return HeldOutImages.Disguise(generated, seed, checkSeed, device);
    }

    /// <summary>The model's logits in eval mode, computed by the check in chunks of 100 images, as float32 [N * classes].</summary>
    internal static float[] EvalLogits(nn.Module<Tensor, Tensor> model, Tensor images, int classes)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var count = images.shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += 100)
        {
            parts.Add(Expect.NotNull(model.call(images.narrow(0, start, Math.Min(100, count - start))), "your model's forward"));
        }

        var logits = cat(parts, 0);
        if (logits.shape.Length != 2 || logits.shape[1] != classes)
        {
            throw new CheckFailedException($"the trained model gave logits {ShapeOf(logits)} for {count} images; expected [{count}, {classes}].");
        }

        return logits.detach().cpu().to_type(ScalarType.Float32).data<float>().ToArray();
    }

    private static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            best = row[c] > row[best] ? c : best;
        }

        return best;
    }

    private const string ShapeHint =
        "Check the shapes on the way: images [N, 3, 32, 32], logits [N, classes], labels [N] as int64 class indices for " +
        "cross_entropy; logits-shape tests a fresh model on its own.";

    internal static nn.Module<Tensor, Tensor> CreateModel(ISignClassifier classifier, int classes, Device device) =>
        Expect.NotNull(classifier.CreateModel(classes, device), "CreateModel");

    /// <summary>
    /// The learner's classifier and its model for the 12 classes on the check's device, made right
    /// after torch is seeded from the check, so that the same seed gives the same weights.
    /// </summary>
    internal static (ISignClassifier Classifier, nn.Module<Tensor, Tensor> Model) SeededModel(CheckContext context)
    {
        torch.manual_seed(context.SeedFor("torch"));
        var classifier = context.Create<ISignClassifier>();
        return (classifier, CreateModel(classifier, TrafficSignGenerator.ClassCount, context.Device));
    }

    /// <summary>Calls the learner's Predict and checks what it returns: one class index per image.</summary>
    internal static long[] Predict(
        CheckContext context, ISignClassifier classifier, nn.Module<Tensor, Tensor> model, Tensor images, int count, int classes)
    {
        Tensor predicted;
        try
        {
            predicted = TorchFailure.Explain(context, "Predict", () => Expect.NotNull(classifier.Predict(model, images), "Predict"), ShapeHint);
        }
        catch (InvalidCastException e)
        {
            throw new CheckFailedException(
                $"Predict threw InvalidCastException ({e.Message}). It must work with any module that maps images to logits, " +
                "because the checks may hand it a module that wraps yours: call model.eval() and model.call(images) on the " +
                "Module<Tensor, Tensor> you are given instead of casting it to your own class.");
        }

        if (predicted.shape.Length != 1 || predicted.shape[0] != count)
        {
            throw new CheckFailedException(
                $"Predict on {count} images returned a tensor of shape {ShapeOf(predicted)}; expected [{count}]: one class index per " +
                "image (logits.argmax(1), the argmax over the class axis).");
        }

        return PredictedClasses.Read(predicted, classes);
    }

    internal static string ShapeOf(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    private static bool LooksLikeProbabilities(double[] values, int classes)
    {
        for (var row = 0; row < values.Length / classes; row++)
        {
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                var value = values[(row * classes) + c];
                if (value < 0)
                {
                    return false;
                }

                sum += value;
            }

            if (Math.Abs(sum - 1) > 1e-4)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<int> Weakest(int[,] confusion, int classes, int count) =>
        Enumerable.Range(0, classes).OrderBy(c => Recall(confusion, classes, c)).Take(count);

    private static double Recall(int[,] confusion, int classes, int c)
    {
        var row = Enumerable.Range(0, classes).Sum(p => confusion[c, p]);
        return row == 0 ? 1 : (double)confusion[c, c] / row;
    }

    private static string DescribeWeakest(int[,] confusion, int classes)
    {
        var names = TrafficSignGenerator.ClassNames;
        return string.Join("; ", Weakest(confusion, classes, 3).Select(c =>
        {
            var mistaken = Enumerable.Range(0, classes).Where(p => p != c).MaxBy(p => confusion[c, p]);
            var recall = Recall(confusion, classes, c);
            return recall < 1 && confusion[c, mistaken] > 0
                ? $"\"{names[c]}\" {Show.Percent(recall)} right, most often taken for \"{names[mistaken]}\""
                : $"\"{names[c]}\" {Show.Percent(recall)} right";
        }));
    }
}
