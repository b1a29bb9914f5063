using Autograder.Reference.Segmentation;

namespace Autograder.Checks.Segmentation;

/// <summary>
/// Exercise 10, public checks of how the model is built and trained, each on a few scenes: the
/// layers' parameters reach <c>parameters()</c>, the learning rate starts at the setting and decays
/// to zero (observed on a probe model of the check's own), Train switches the model to training
/// mode and runs exactly the batches of a set that is a whole number of them, and Predict labels
/// any number of scenes as the model does.
/// </summary>
public sealed class SegNetTrainingChecks() : CheckSource(SegNetChecks.Exercise)
{
    /// <summary>Scenes the small training runs use: a whole number of batches of <see cref="Batch"/>.</summary>
    internal const int Scenes = 16;

    internal const int Batch = 8;

    [Check("parameters-registered", "every layer's weights are in parameters()", Points = 1, Seed = 1011)]
    private static Verdict ParametersRegistered(CheckContext context)
    {
        using var scope = NewDisposeScope();
        var (segmenter, model) = SegNetChecks.SeededModel(context);
        var registered = model.parameters().ToList();
        var handles = registered.Select(p => p.Handle).ToHashSet();
        var total = registered.Sum(p => p.numel());
        var held = ModuleFields.Parameters(model, "model");
        var missing = held.Where(p => !handles.Contains(p.Parameter.Handle)).ToList();
        const string Register =
            "Create every layer in the constructor as a field and call RegisterComponents() at its end (or register_module each " +
            "layer): the optimizer trains what model.parameters() lists, .to(device) moves only that, and the state dictionary " +
            "saves only that, so an unregistered layer keeps its random weights.";
        if (missing.Count > 0)
        {
            var paths = string.Join(", ", missing.Take(4).Select(p => p.Path)) + (missing.Count > 4 ? ", ..." : "");
            return Verdict.Fail(
                $"right after CreateModel, model.parameters() lists {total:N0} numbers, but the model's fields hold {missing.Count} more " +
                $"parameter tensor(s) ({missing.Sum(p => p.Parameter.numel()):N0} numbers) that it does not list: {paths}. {Register}");
        }

        return total == 0
            ? Verdict.Fail($"right after CreateModel, model.parameters() is empty: the model has nothing to train. {Register}")
            : Verdict.Pass($"{registered.Count} parameter tensors ({total:N0} numbers), all of them in parameters()");
    }

    [Check("learning-rate-decays", "Adam starts at settings.LearningRate and decays to zero", Points = 1, Seed = 1012)]
    private static Verdict LearningRateDecays(CheckContext context)
    {
        using var scope = NewDisposeScope();
        var segmenter = context.Create<ISegmenter>();
        var schedule = new StepSchedule(context.Device);
        var probe = new StepProbe(StreetSceneGenerator.ClassCount, context.Device, schedule);
        // 8 epochs of 8 batches: a decay planned for one step too many per epoch (a ceiling rounded up once too often) still
        // ends near zero, at 1/8 of the rate, as does a linear decay per epoch; only a rate that stays up fails.
        const int ProbeScenes = 64;
        var settings = Settings(context, epochs: 8);
        using var scenes = StreetSceneGenerator.Generate(ProbeScenes, context.Seed, device: context.Device);
        // Class 1 everywhere: never the class whose logit the probe's parameter is.
        using var labels = ones_like(scenes.Labels);
        return schedule.Judge(
            context, () => segmenter.Train(probe, scenes.Images, labels, settings, context.Device), ProbeHint, settings.LearningRate, settings.Epochs * ProbeScenes / Batch);
    }

    [Check("train-sets-training-mode", "Train switches the model to train() and runs every batch once", Points = 1, Seed = 1013)]
    private static Verdict TrainSetsTrainingMode(CheckContext context)
    {
        using var scope = NewDisposeScope();
        var (segmenter, model) = SegNetChecks.SeededModel(context);
        var settings = Settings(context, epochs: 2);
        using var scenes = StreetSceneGenerator.Generate(Scenes, context.Seed, device: context.Device);
        var probe = new SegNetProbe(model);
        return TrainingMode.Observe(
            context, model, probe, probe.Passes,
            () => segmenter.Train(probe, scenes.Images, scenes.Labels, settings, context.Device), ProbeHint,
            settings.Epochs, Scenes, "scenes", Batch,
            "batch normalisation normalises with its running averages instead of the batch's own statistics and does not update " +
            "them, so the averages Predict later relies on are never learned.");
    }

    [Check("predict-any-count", "Predict labels 1, 3, 130 and 256 scenes as the model does", Points = 1, Seed = 1014)]
    private static Verdict PredictAnyCount(CheckContext context) => PredictAnyCount(context, [1, 3, 130, 256]);

    internal static Verdict PredictAnyCount(CheckContext context, IReadOnlyList<int> counts)
    {
        using var scope = NewDisposeScope();
        var (segmenter, model) = SegNetChecks.SeededModel(context);
        var classes = StreetSceneGenerator.ClassCount;
        // Small scenes: the count is what this check is about.
        const int Size = 16;
        using var all = StreetSceneGenerator.Generate(counts.Max(), context.Seed, Size, Size, context.Device);
        foreach (var count in counts)
        {
            using var countScope = NewDisposeScope();
            var images = all.Images.narrow(0, 0, count);
            // The mode is segments-held-out-scenes' business: here the model already is in eval mode.
            model.eval();
            Tensor logits;
            using (no_grad())
            {
                logits = cat([.. Enumerable.Range(0, (count + 49) / 50).Select(i =>
                    SegNetChecks.RunModel(context, model, images.narrow(0, i * 50L, Math.Min(50, count - (i * 50L)))).Logits)], 0);
            }

            // Inside a probe, which counts passes on no images.
            var probe = new SegNetProbe(model);
            var predicted = SegNetChecks.Predict(context, segmenter, probe, images, count, Size, Size, classes);
            if (probe.Passes.EmptyCalls > 0)
            {
                return Verdict.Fail(EmptyBatches.InPredict(count, probe.Passes.EmptyCalls, "scenes"));
            }

            // Another batch size may round differently: a class within 1e-4 of the top logit counts as the argmax.
            var chosen = logits.gather(1, tensor(predicted, [count, 1, Size, Size]).to(logits.device));
            var off = logits.max(1, keepdim: true).values.sub(chosen).gt(1e-4).sum().item<long>();
            if (off > 0)
            {
                return Verdict.Fail(
                    $"Predict on {count} scene(s) disagrees with the model's own argmax on {off} of {count * Size * Size} pixels. Predict must " +
                    "return the argmax over the class axis for every pixel of every image given, however many there are: when you " +
                    "work in chunks, each chunk starts where the last ended, the last one holds the rest (which may be smaller, or the " +
                    "only one), and the chunks are put back together in order.");
            }
        }

        return Verdict.Pass($"agrees with the model's argmax on {string.Join(", ", counts)} scenes");
    }

    /// <summary>The settings of the check's small runs: only the number of epochs varies.</summary>
    private static SegmentationTrainingSettings Settings(CheckContext context, int epochs) =>
        new() { Epochs = epochs, BatchSize = Batch, LearningRate = 0.01, Seed = context.SeedFor("learner") };

    private const string ProbeHint =
        "Train may be handed a module that wraps yours, or one of the check's own: use only model.train(), model.parameters() and " +
        "model.call(images) (and Loss) on what you are given.";
}
