using Autograder.Checks.TrafficSigns;
using Autograder.Grader.Policy;
using Autograder.Reference.Segmentation;

namespace Autograder.Checks.Segmentation;

/// <summary>
/// Exercise 10, public checks. The structure checks (shapes, the sparsity of unpooled maps) and
/// the loss properties need no reference network; the loss values are worked out by hand; the
/// trained model is measured against the generator's labels on scenes training never saw.
/// </summary>
public sealed class SegNetChecks() : CheckSource(Exercise)
{
    private const string UnpoolOnly =
        "a SegNet's decoder upsamples by unpooling: every value goes back to the position its encoder's max-pooling " +
        "took it from (MaxPool2d.forward_with_indices, then MaxUnpool2d or functional.max_unpool2d with those indices). " +
        "Transposed convolutions, Upsample, interpolate and pixel shuffles upsample without the indices.";

    /// <summary>Every API that upsamples without the pooling indices.</summary>
    private static readonly string[] UpsamplingApis =
    [
        "TorchSharp.Modules.ConvTranspose1d",
        "TorchSharp.Modules.ConvTranspose2d",
        "TorchSharp.Modules.ConvTranspose3d",
        "TorchSharp.torch.nn.ConvTranspose1d",
        "TorchSharp.torch.nn.ConvTranspose2d",
        "TorchSharp.torch.nn.ConvTranspose3d",
        "TorchSharp.torch.nn.functional.conv_transpose1d",
        "TorchSharp.torch.nn.functional.conv_transpose2d",
        "TorchSharp.torch.nn.functional.conv_transpose3d",
        "TorchSharp.Modules.Upsample",
        "TorchSharp.torch.nn.Upsample",
        "TorchSharp.torch.nn.functional.interpolate",
        "TorchSharp.torch.nn.functional.upsample",
        "TorchSharp.torch.nn.functional.upsample_bilinear",
        "TorchSharp.torch.nn.functional.upsample_nearest",
        "TorchSharp.torch.nn.functional.upsample_nearest1d",
        "TorchSharp.torch.nn.functional.upsample_nearest2d",
        "TorchSharp.torch.nn.functional.upsample_nearest3d",
        "TorchSharp.torch.nn.functional.upsample_nearest1d_backward",
        "TorchSharp.torch.nn.functional.upsample_nearest2d_backward",
        "TorchSharp.torch.nn.functional.upsample_nearest3d_backward",
        "TorchSharp.Modules.PixelShuffle",
        "TorchSharp.torch.nn.PixelShuffle",
        "TorchSharp.torch.nn.functional.pixel_shuffle",
    ];

    // After UnpoolOnly and UpsamplingApis: static fields are initialised in the order they are written.
    public static readonly ExerciseSpec Exercise = ExerciseKinds.OnDevice(
        "10-segnet", "SegNet", exerciseBans: UpsamplingApis.Select(api => new BannedApi(api, UnpoolOnly)));

    internal const double PixelAccuracyThreshold = 0.95;

    internal const double MeanIouThreshold = 0.75;

    internal const int TrainingScenes = 500;

    internal const int TestScenes = 200;

    /// <summary>
    /// What the checks train with. The reference (about 12k parameters) takes about 2 s of one
    /// core for the 500 scenes; see docs/checks/10-segnet.md.
    /// </summary>
    internal static SegmentationTrainingSettings Settings(int seed) => new()
    {
        Epochs = 4,
        BatchSize = 8,
        LearningRate = 0.01,
        Seed = seed,
    };

    public override IEnumerable<ExerciseSpec> Exercises => [Exercise];

    [Check("logits-shape", "logits [N, classes, H, W]", Points = 1, Seed = 1001)]
    private static Verdict LogitsShape(CheckContext context) => LogitsShape(context, [(2, 5, 32, 32), (1, 3, 32, 48)]);

    internal static Verdict LogitsShape(CheckContext context, IReadOnlyList<(int Batch, int Classes, int Height, int Width)> cases)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(context.SeedFor("torch"));
        var segmenter = context.Create<ISegmenter>();
        foreach (var (batch, classes, height, width) in cases)
        {
            var model = CreateModel(segmenter, classes, context.Device);
            model.eval();
            using var scenes = StreetSceneGenerator.Generate(batch, context.Seed, height, width, context.Device);
            using var noGrad = no_grad();
            var output = RunModel(context, model, scenes.Images);
            ExpectLogits(output, batch, classes, height, width, context.Device);
        }

        return Verdict.Pass();
    }

    [Check("unpooled-sparsity", "unpooling puts one value in each 2x2 block", Points = 2, Seed = 1002)]
    private static Verdict UnpooledSparsity(CheckContext context) => UnpooledSparsity(context, StreetSceneGenerator.ClassCount, 32, 32);

    internal static Verdict UnpooledSparsity(CheckContext context, int classes, int height, int width)
    {
        using var scope = NewDisposeScope();
        var (segmenter, model) = SeededModel(context, classes);
        model.eval();
        const int Batch = 4;
        using var scenes = StreetSceneGenerator.Generate(Batch, context.Seed, height, width, context.Device);
        using var noGrad = no_grad();
        var output = RunModel(context, model, scenes.Images);
        ExpectLogits(output, Batch, classes, height, width, context.Device);
        if (output.Unpooled is null || output.Unpooled.Count == 0)
        {
            return Verdict.Fail(
                "Run returned no unpooled maps. Put the output of every unpooling step of the decoder (what MaxUnpool2d returns, " +
                "before any convolution) in SegNetOutput.Unpooled, the deepest first, so the check can look at them.");
        }

        var shares = new List<string>();
        for (var k = 0; k < output.Unpooled.Count; k++)
        {
            var map = ExpectAlive(Expect.NotNull(output.Unpooled[k], $"Unpooled[{k}]"), $"Unpooled[{k}]");
            var what = $"Unpooled[{k}] ({ShapeOf(map)})";
            if (map.dim() != 4 || map.shape[0] != Batch || map.shape[2] % 2 != 0 || map.shape[3] % 2 != 0)
            {
                return Verdict.Fail(
                    $"{what} should be a map [N, channels, h, w] for the {Batch} images, with h and w even: it is twice the size " +
                    "of the pooled map it came from.");
            }

            var (occupied, crowded, most, corners, share) = Blocks(map);
            if (occupied == 0)
            {
                return Verdict.Fail(
                    $"{what} is all zeros. Unpooling puts every pooled value back at the position of its maximum, so the map " +
                    "holds the pooled values; check that it is the output of the unpooling, not of something computed before it.");
            }

            if (crowded > 0)
            {
                return Verdict.Fail(
                    $"{what}: {Show.Percent(share)} of its values are non-zero, and {crowded} of its {occupied} occupied 2x2 " +
                    $"blocks hold more than one non-zero value (up to {most}). Max-unpooling puts each pooled value back at the " +
                    "one position its maximum came from and zeros in the other three, so at most one in four positions (25%) can be " +
                    "non-zero. Repeating values (nearest-neighbour upsampling, repeat_interleave, expand) fills all four: unpool " +
                    "with the indices that max-pooling returned (MaxPool2d.forward_with_indices, then MaxUnpool2d).");
            }

            if (corners == 1 && occupied >= 16)
            {
                return Verdict.Fail(
                    $"{what}: every non-zero value sits at the same corner of its 2x2 block. Max-unpooling puts each value where its " +
                    "maximum was, which varies from block to block: pass the indices from the matching max-pooling to the unpooling " +
                    "instead of placing the values at a fixed position.");
            }

            shares.Add(Show.Percent(share));
        }

        return Verdict.Pass(
            $"{output.Unpooled.Count} unpooled map(s), each with at most one non-zero value per 2x2 block " +
            $"(non-zero: {string.Join(", ", shares)}; at most 25%, less where ReLU left a whole block at zero)");
    }

    [Check("loss-over-class-axis", "per-pixel cross-entropy over the class axis", Points = 2, Seed = 1003)]
    private static Verdict LossOverClassAxis(CheckContext context)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(context.SeedFor("torch"));
        var segmenter = context.Create<ISegmenter>();
        const string Axis =
            "Cross-entropy takes the softmax over the class axis, axis 1 of logits [N, C, H, W], separately at every pixel, " +
            "against the label of that pixel in [N, H, W]. functional.cross_entropy accepts these shapes as they are; " +
            "reshaping the logits straight to [-1, C] (without moving the class axis last with permute(0, 2, 3, 1) first) " +
            "mixes classes and pixels.";

        var random = context.Random();
        const int N = 2, C = 5, H = 6, W = 8;
        var labelValues = Enumerable.Range(0, N * H * W).Select(_ => (long)random.NextInt(C)).ToArray();
        using var labels = torch.tensor(labelValues, [N, H, W]).to(context.Device);

        // All logits equal: every pixel costs ln C whatever its label, and so does their mean.
        using var flat = zeros([N, C, H, W], device: context.Device);
        var seen = LossValue(segmenter, flat, labels);
        if (!(Math.Abs(seen - Math.Log(C)) <= 1e-5))
        {
            var pixels = N * H * W;
            var hint = Math.Abs(seen - (pixels * Math.Log(C))) < 1e-3
                ? $"That is the sum over the {pixels} pixels: average instead (reduction mean), so the loss does not grow with the image size."
                : $"A pixel whose {C} class scores are equal gives its label probability 1/{C}, so it costs -ln(1/{C}) = ln {C}; the loss is the mean of that over all pixels.";
            return Verdict.Fail(
                $"Loss on logits that are all 0: expected ln {C} = {Show.Number(Math.Log(C))} (every class equally likely at every pixel), " +
                $"yours {Show.Number(seen)}. {hint}");
        }

        // Confident and right: the true class scores 10 more than every other class at every pixel, so the loss
        // of each pixel is ln(1 + 4 e^-10) = 1.816e-4 (5 classes). H differs from W to catch swapped axes.
        using var confident = nn.functional.one_hot(labels, C).permute(0, 3, 1, 2).to_type(ScalarType.Float32).mul(10).contiguous();
        var expected = Math.Log(1 + (4 * Math.Exp(-10)));
        seen = LossValue(segmenter, confident, labels);
        if (!(Math.Abs(seen - expected) <= 1e-5))
        {
            return Verdict.Fail(
                $"Loss on logits [{N}, {C}, {H}, {W}] that score the right class 10 higher than every other class at every pixel: " +
                $"expected {Show.Number(expected)} (ln(1 + 4 e^-10) at each pixel), yours {Show.Number(seen)}. {Axis}");
        }

        // Worked by hand: 1 image, 3 classes, 1 x 2 pixels. Pixel 0 scores (ln 2, 0, 0) with label 0,
        // pixel 1 scores (0, ln 2, 0) with label 1; each has probability 2 / 4 for its label: loss ln 2.
        using var small = torch.tensor(new float[] { (float)Math.Log(2), 0, 0, (float)Math.Log(2), 0, 0 }, [1, 3, 1, 2]).to(context.Device);
        using var smallLabels = torch.tensor(new long[] { 0, 1 }, [1, 1, 2]).to(context.Device);
        seen = LossValue(segmenter, small, smallLabels);
        if (!(Math.Abs(seen - Math.Log(2)) <= 1e-5))
        {
            return Verdict.Fail(
                "Loss on 1 image with 3 classes and 1 x 2 pixels, pixel 0 scoring (ln 2, 0, 0) with label 0 and pixel 1 scoring " +
                $"(0, ln 2, 0) with label 1: expected ln 2 = {Show.Number(Math.Log(2))} (each pixel gives its label probability 2/4), " +
                $"yours {Show.Number(seen)}. {Axis}");
        }

        // Gradients must flow back to the logits, or training has nothing to follow.
        using var leaf = randn([N, C, H, W], device: context.Device).requires_grad_();
        using var loss = CallLoss(segmenter, leaf, labels);
        if (!loss.requires_grad)
        {
            return Verdict.Fail(
                "the loss does not depend on the logits through autograd (requires_grad is false): compute it with tensor " +
                "operations on the logits you are given, without detach(), item() or copies through arrays.");
        }

        loss.backward();
        using var grad = leaf.grad;
        return Verdict.PassIf(
            grad is not null && Numerics.AllFinite(grad.cpu().to_type(ScalarType.Float64).data<double>().ToArray()),
            "after backward() the logits got no finite gradient: the loss must be built from the logits with differentiable tensor operations.");
    }

    [Check("segments-held-out-scenes", "pixel accuracy 0.95 and mean IoU 0.75 on new scenes", Points = 4, Seed = 1004)]
    private static Verdict SegmentsHeldOutScenes(CheckContext context) =>
        SegmentsScenes(context, trainSeed: context.Seed, testSeed: context.Seed + 1);

    internal static Verdict SegmentsScenes(CheckContext context, int trainSeed, int testSeed)
    {
        using var scope = NewDisposeScope();
        var (segmenter, model) = SeededModel(context);
        var classes = StreetSceneGenerator.ClassCount;
        var settings = Settings(context.SeedFor("learner"));
        double[] losses;
        EpochLosses recomputed;
        using (var training = StreetSceneGenerator.Generate(TrainingScenes, trainSeed, device: context.Device))
        using (var index = new ImageIndex(training.Images, context.Seed))
        {
            // Train gets the model inside a probe, which recomputes the loss of every step itself.
            var probe = new SegNetProbe(model, index, training.Labels, new EpochLosses(TrainingScenes));
            losses = TorchFailure.Explain(
                context,
                "Train",
                () => Expect.NotNull(segmenter.Train(probe, training.Images, training.Labels, settings, context.Device), "Train"),
                UnpoolHint);
            recomputed = probe.Losses!;
        }

        if (losses.Length != settings.Epochs)
        {
            return Verdict.Fail(
                $"Train returned {losses.Length} losses for {settings.Epochs} epochs; it should return the mean training loss of each epoch.");
        }

        if (!Numerics.AllFinite(losses))
        {
            return Verdict.Fail(
                $"the training loss became {Show.Number(losses.First(loss => !double.IsFinite(loss)))}: give functional.cross_entropy " +
                "the raw logits, it takes log-softmax in a stable way.").WithCurve("training loss per epoch", losses);
        }

        if (recomputed.Disagreement(losses, settings.Epochs, "per-pixel cross-entropy",
            "If you do report that, check Loss itself: loss-over-class-axis tests it on worked cases.") is { } untrue)
        {
            return Verdict.Fail(untrue).WithCurve("training loss per epoch", losses);
        }

        // The check measures with its own eval-mode forward pass through the trained model, on scenes
        // shuffled and with faint noise of its own, so nothing can be looked up.
        using var test = HeldOut(TestScenes, testSeed, context.Seed, context.Device);
        var own = EvalArgmax(context, model, test.Images, classes);
        using var labelsCpu = test.Labels.cpu();
        var labels = labelsCpu.data<long>().ToArray();
        var confusion = new long[classes, classes];
        for (var i = 0; i < labels.Length; i++)
        {
            confusion[labels[i], own[i]]++;
        }

        var accuracy = (double)Enumerable.Range(0, classes).Sum(c => confusion[c, c]) / labels.Length;
        var ious = Enumerable.Range(0, classes).Select(c => Iou(confusion, classes, c)).ToArray();
        var meanIou = ious.Where(iou => !double.IsNaN(iou)).Average();
        var perClass = string.Join(", ", ious.Select((iou, c) => $"{StreetSceneGenerator.ClassNames[c]} {Show.Number(iou)}"));
        var summary =
            $"pixel accuracy {Show.Percent(accuracy)}, mean IoU {Show.Number(meanIou)} on {TestScenes} scenes training never saw (IoU: {perClass})";
        Verdict Measured(Verdict verdict) => verdict
            .WithMeasurement("pixel accuracy", accuracy, PixelAccuracyThreshold, higherIsBetter: true)
            .WithMeasurement("mean IoU", meanIou, MeanIouThreshold, higherIsBetter: true)
            .WithCurve("training loss per epoch", losses);

        // Predict gets the model as training leaves it, in training mode, inside a probe that sees the mode.
        model.train();
        var modeProbe = new SegNetProbe(model);
        var predicted = Predict(context, segmenter, modeProbe, test.Images, TestScenes, 32, 32, classes);
        if (modeProbe.Passes.TrainingCalls > 0)
        {
            return Measured(Verdict.Fail(
                $"{summary} (the check's own eval-mode forward pass), but Predict ran the model in training mode ({modeProbe.Passes.TrainingCalls} " +
                $"of {modeProbe.Passes.Calls} calls): call model.eval() before evaluating. In training mode batch normalisation uses the " +
                "statistics of the batch at hand and updates its running averages, so predictions depend on the other images."));
        }

        var disagree = predicted.Zip(own, (a, b) => a != b ? 1 : 0).Sum();
        if (disagree > labels.Length / 1000)
        {
            return Measured(Verdict.Fail(
                $"{summary} (the check's own eval-mode forward pass), but Predict disagrees with that model's argmax on {disagree} of " +
                $"{labels.Length} pixels. Predict must return what the model says: the argmax of the logits over the class axis " +
                "(argmax(1)) for every pixel, in eval() mode, for the images in the order given."));
        }

        if (accuracy >= PixelAccuracyThreshold && meanIou >= MeanIouThreshold)
        {
            return Measured(Verdict.Pass(summary));
        }

        var majority = (double)Enumerable.Range(0, classes).Max(c => Enumerable.Range(0, classes).Sum(p => confusion[c, p])) / labels.Length;
        // The losses were verified above, so they are evidence; nothing else here is.
        var hint = losses[^1] > 0.5
            ? $"The training loss ended at {Show.Number(losses[^1])} (guessing gives ln {classes} = {Show.Number(Math.Log(classes))}), so the " +
              "network did not learn the training scenes either: check Loss (loss-over-class-axis tests it on its own), and that Train " +
              "calls zero_grad, backward and step for every mini-batch with settings.LearningRate."
            : $"The training loss ended at {Show.Number(losses[^1])}, so the network fits its training scenes but not well enough on new " +
              "ones; small and thin things (cars, poles) are the hard part. Compare your network and training with the README: the " +
              "blocks and channels it describes, and the learning rate decayed to zero over the run.";
        return Measured(Verdict.Fail(
            $"{summary}. Needed: pixel accuracy {Show.Percent(PixelAccuracyThreshold)} and mean IoU {Show.Number(MeanIouThreshold)} " +
            $"(labelling every pixel with the most common class gets {Show.Percent(majority)}). {hint}"));
    }

    /// <summary>Held-out scenes from <paramref name="seed"/>, disguised by <see cref="HeldOutImages"/>.</summary>
    internal static LabelledImages HeldOut(int count, int seed, int checkSeed, Device device)
    {
        using var generated = StreetSceneGenerator.Generate(count, seed, device: device);
        return HeldOutImages.Disguise(generated, seed, checkSeed, device);
    }

    /// <summary>The class of every pixel by the check's own forward pass in eval mode, in chunks of 50 scenes.</summary>
    private static long[] EvalArgmax(CheckContext context, SegNetModule model, Tensor images, int classes)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var count = images.shape[0];
        var parts = new List<Tensor>();
        for (long start = 0; start < count; start += 50)
        {
            var chunk = images.narrow(0, start, Math.Min(50, count - start));
            var logits = ExpectAlive(Expect.NotNull(RunModel(context, model, chunk).Logits, "Run's Logits"), "Logits");
            if (logits.dim() != 4 || logits.shape[1] != classes)
            {
                throw new CheckFailedException($"the trained model gave logits {ShapeOf(logits)}; expected [N, {classes}, H, W].");
            }

            parts.Add(logits.argmax(1));
        }

        return cat(parts, 0).cpu().data<long>().ToArray();
    }

    internal static SegNetModule CreateModel(ISegmenter segmenter, int classes, Device device) =>
        Expect.NotNull(segmenter.CreateModel(classes, device), "CreateModel");

    /// <summary>
    /// The learner's segmenter and its model for <paramref name="classes"/> classes on the check's
    /// device, made right after torch is seeded from the check, so that the same seed gives the
    /// same weights.
    /// </summary>
    internal static (ISegmenter Segmenter, SegNetModule Model) SeededModel(CheckContext context, int classes = StreetSceneGenerator.ClassCount)
    {
        torch.manual_seed(context.SeedFor("torch"));
        var segmenter = context.Create<ISegmenter>();
        return (segmenter, CreateModel(segmenter, classes, context.Device));
    }

    private const string UnpoolHint =
        "Every unpooling needs the indices of the max-pooling at the same depth (the deepest pooling's indices for the " +
        "first unpooling) and, as its output size, the full shape of the map that pooling was given (e.g. e2.shape), " +
        "never fixed numbers: the checks use several image sizes.";

    /// <summary>Calls Run; a libtorch error inside it gets the unpooling hint.</summary>
    internal static SegNetOutput RunModel(CheckContext context, SegNetModule model, Tensor images) =>
        TorchFailure.Explain(context, $"Run on images {ShapeOf(images)}", () => Expect.NotNull(model.Run(images), "Run"), UnpoolHint);

    internal static string ShapeOf(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";

    /// <summary>The learner's loss as a number; an exception from inside it gets the class-axis hint.</summary>
    internal static double LossValue(ISegmenter segmenter, Tensor logits, Tensor labels)
    {
        using var loss = CallLoss(segmenter, logits, labels);
        if (loss.numel() != 1)
        {
            throw new CheckFailedException(
                $"Loss returned a tensor of shape {ShapeOf(loss)}; it should be a single number, the mean over all pixels.");
        }

        return loss.detach().cpu().to_type(ScalarType.Float64).item<double>();
    }

    private static Tensor CallLoss(ISegmenter segmenter, Tensor logits, Tensor labels)
    {
        try
        {
            return Expect.NotNull(segmenter.Loss(logits, labels), "Loss");
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            var message = e.Message.Split('\n')[0];
            throw new CheckFailedException(
                $"Loss on logits {ShapeOf(logits)} and labels {ShapeOf(labels)} failed inside TorchSharp: {message}. " +
                "functional.cross_entropy wants the classes on axis 1: logits [N, C, H, W] and labels [N, H, W] as they are.");
        }
    }

    private static void ExpectLogits(SegNetOutput output, int batch, int classes, int height, int width, Device device)
    {
        var logits = ExpectAlive(Expect.NotNull(output.Logits, "Run's Logits"), "Logits");
        long[] expected = [batch, classes, height, width];
        if (!logits.shape.SequenceEqual(expected))
        {
            throw new CheckFailedException(
                $"on images [{batch}, 3, {height}, {width}] a model for {classes} classes gave logits {ShapeOf(logits)}; expected " +
                $"[{batch}, {classes}, {height}, {width}]: one score per class (axis 1) for every pixel. Each unpooling must restore " +
                "the exact size of the map before its pooling (pass that map's shape as the output size), and the last layer " +
                "must have `classes` output channels.");
        }

        if (logits.device_type != device.type)
        {
            throw new CheckFailedException(
                $"the logits are on {logits.device}, but the check asked for {device}: create the model with the device you are given.");
        }
    }

    /// <summary>A tensor Run returned must still be usable: `using` on it would have disposed it on the way out.</summary>
    private static Tensor ExpectAlive(Tensor tensor, string what) =>
        tensor.IsInvalid
            ? throw new CheckFailedException(
                $"the {what} tensor that Run returned was already disposed. Do not declare the tensors you return with `using`: " +
                "they must outlive Run (SegNetModule.forward releases the unpooled maps after use).")
            : tensor;

    /// <summary>Calls Predict and checks what it returns: a class for every pixel.</summary>
    internal static long[] Predict(
        CheckContext context, ISegmenter segmenter, SegNetModule model, Tensor images, int count, int height, int width, int classes)
    {
        var predicted = TorchFailure.Explain(context, "Predict", () => Expect.NotNull(segmenter.Predict(model, images), "Predict"), UnpoolHint);
        long[] expected = [count, height, width];
        if (!predicted.shape.SequenceEqual(expected))
        {
            throw new CheckFailedException(
                $"Predict on {count} images of {height} x {width} returned {ShapeOf(predicted)}; expected [{count}, {height}, {width}]: " +
                "one class per pixel, the argmax of the logits over the class axis (argmax(1)).");
        }

        return PredictedClasses.Read(predicted, classes);
    }

    /// <summary>Intersection over union of class c over all test pixels; NaN when c occurs in neither labels nor predictions.</summary>
    private static double Iou(long[,] confusion, int classes, int c)
    {
        var truth = Enumerable.Range(0, classes).Sum(p => confusion[c, p]);
        var said = Enumerable.Range(0, classes).Sum(t => confusion[t, c]);
        var union = truth + said - confusion[c, c];
        return union == 0 ? double.NaN : (double)confusion[c, c] / union;
    }

    /// <summary>
    /// Looks at the 2x2 blocks of an unpooled map: how many hold a non-zero value, how many more
    /// than one (and the most), how many distinct positions within a block the non-zero values
    /// take, and the share of non-zero values.
    /// </summary>
    private static (long Occupied, long Crowded, long Most, int Corners, double Share) Blocks(Tensor map)
    {
        using var scope = NewDisposeScope();
        var (n, c, h, w) = (map.shape[0], map.shape[1], map.shape[2], map.shape[3]);
        var nonzero = map.detach().ne(0).to_type(ScalarType.Int64).reshape(n, c, h / 2, 2, w / 2, 2);
        var counts = nonzero.sum([3, 5]);
        var occupied = counts.gt(0).sum().item<long>();
        var crowded = counts.gt(1).sum().item<long>();
        var most = counts.max().item<long>();
        // Position within the block (0 to 3) of each block's non-zero values, for blocks with exactly one.
        var offsets = torch.tensor(new long[] { 0, 1, 2, 3 }, [1, 1, 1, 2, 1, 2], device: map.device);
        var corner = nonzero.mul(offsets).sum([3, 5]);
        var single = counts.eq(1);
        var corners = 0;
        for (var k = 0; k < 4; k++)
        {
            corners += corner.eq(k).logical_and(single).any().item<bool>() ? 1 : 0;
        }

        var share = nonzero.to_type(ScalarType.Float64).mean().item<double>();
        return (occupied, crowded, most, corners, share);
    }
}
