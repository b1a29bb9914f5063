using Autograder.Reference.TrafficSigns;

namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// Exercise 09, public checks of how the model is trained, each on a few images: Train switches
/// the model to training mode and runs exactly the batches of a set that is a whole number of
/// them, the learning rate starts at the setting and decays to zero (observed on a probe model of
/// the check's own), the losses Train returns are the means of their epochs (recomputed by the
/// check), and Predict classifies any number of images as the model does.
/// </summary>
public sealed class SignTrainingChecks() : CheckSource(TrafficSignChecks.Exercise)
{
    internal const int Batch = 16;

    [Check("train-sets-training-mode", "Train switches the model to train() and runs every batch once", Points = 1, Seed = 911)]
    private static Verdict TrainSetsTrainingMode(CheckContext context)
    {
        const int Images = 32;
        using var scope = NewDisposeScope();
        var (classifier, model) = TrafficSignChecks.SeededModel(context);
        var settings = Settings(context, epochs: 2);
        using var data = TrafficSignGenerator.Generate(Images, context.Seed, context.Device);
        var probe = new ModeProbe(model);
        return TrainingMode.Observe(
            context, model, probe, probe.Passes,
            () => classifier.Train(probe, data.Images, data.Labels, settings, context.Device), ProbeHint,
            settings.Epochs, Images, "images", Batch,
            "dropout keeps every unit and batch normalisation normalises with its running averages instead of the batch's own " +
            "statistics and does not update them, so the averages Predict later relies on are never learned.");
    }

    [Check("learning-rate-decays", "Adam starts at settings.LearningRate and decays to zero", Points = 1, Seed = 912)]
    private static Verdict LearningRateDecays(CheckContext context)
    {
        // 8 epochs of 8 batches: a decay planned for one step too many per epoch (a ceiling rounded up once too often) still
        // ends near zero, at 1/8 of the rate, as does a linear decay per epoch; only a rate that stays up fails.
        const int Images = 128;
        using var scope = NewDisposeScope();
        var classifier = context.Create<ISignClassifier>();
        var schedule = new StepSchedule(context.Device);
        var probe = new SignStepProbe(TrafficSignGenerator.ClassCount, context.Device, schedule);
        var settings = Settings(context, epochs: 8);
        using var data = TrafficSignGenerator.Generate(Images, context.Seed, context.Device);
        // Class 1 for every image: never the class whose logit the probe's parameter is.
        using var labels = ones_like(data.Labels);
        return schedule.Judge(
            context, () => classifier.Train(probe, data.Images, labels, settings, context.Device), ProbeHint, settings.LearningRate, settings.Epochs * Images / Batch);
    }

    [Check("train-returns-epoch-means", "Train returns each epoch's mean loss", Points = 1, Seed = 913)]
    private static Verdict TrainReturnsEpochMeans(CheckContext context)
    {
        // Not a whole number of batches: the last one of each epoch holds 4 images, so a mean that
        // does not weight by batch size is off too.
        const int Images = 100;
        using var scope = NewDisposeScope();
        var (classifier, model) = TrafficSignChecks.SeededModel(context);
        var settings = Settings(context, epochs: 2);
        using var data = TrafficSignGenerator.Generate(Images, context.Seed, context.Device);
        using var index = new ImageIndex(data.Images, context.Seed);
        var recorder = new TrainingRecorder(model, index, data.Labels, new EpochLosses(Images));
        var losses = TorchFailure.Explain(
            context,
            "Train",
            () => Expect.NotNull(classifier.Train(recorder, data.Images, data.Labels, settings, context.Device), "Train"),
            ProbeHint);
        if (losses.Length != settings.Epochs)
        {
            return Verdict.Fail(
                $"Train returned {losses.Length} losses for {settings.Epochs} epochs; it should return the mean training loss of each " +
                "epoch, one value per pass over the data.");
        }

        if (recorder.Losses.Disagreement(losses, settings.Epochs, "cross-entropy",
            "If you do report that, check the loss itself: the mean cross-entropy of the raw logits against the labels (functional.cross_entropy).") is { } untrue)
        {
            return Verdict.Fail(untrue).WithCurve("training loss per epoch", losses);
        }

        return Verdict.Pass($"{Show.Vector(losses)}, the mean loss of each epoch's mini-batches as the check recomputed it")
            .WithCurve("training loss per epoch", losses);
    }

    [Check("predict-any-count", "Predict classifies 1, 7, 130 and 256 images as the model does", Points = 1, Seed = 914)]
    private static Verdict PredictAnyCount(CheckContext context) => PredictAnyCount(context, [1, 7, 130, 256]);

    internal static Verdict PredictAnyCount(CheckContext context, IReadOnlyList<int> counts)
    {
        using var scope = NewDisposeScope();
        var (classifier, model) = TrafficSignChecks.SeededModel(context);
        var classes = TrafficSignGenerator.ClassCount;
        using var all = TrafficSignGenerator.Generate(counts.Max(), context.Seed, context.Device);
        foreach (var count in counts)
        {
            using var countScope = NewDisposeScope();
            var images = all.Images.narrow(0, 0, count);
            // The mode is predict-in-eval-mode's business: here the model already is in eval mode.
            var logits = TrafficSignChecks.EvalLogits(model, images, classes);
            // Inside a probe, which counts passes on no images.
            var probe = new ModeProbe(model);
            var predicted = TrafficSignChecks.Predict(context, classifier, probe, images, count, classes);
            if (probe.Passes.EmptyCalls > 0)
            {
                return Verdict.Fail(EmptyBatches.InPredict(count, probe.Passes.EmptyCalls, "images"));
            }

            // Another batch size may round differently: a class within 1e-4 of the top logit counts as the argmax.
            var off = Enumerable.Range(0, count).Count(i =>
                logits.AsSpan(i * classes, classes).ToArray().Max() - logits[(i * classes) + (int)predicted[i]] > 1e-4);
            if (off > 0)
            {
                return Verdict.Fail(
                    $"Predict on {count} image(s) disagrees with the argmax of the model's logits on {off} of them. Predict must " +
                    "return the class of every image given, however many there are: when you work in chunks, each chunk starts " +
                    "where the last ended, the last one holds the rest (which may be smaller, or the only one), and the chunks are " +
                    "put back together in order.");
            }
        }

        return Verdict.Pass($"agrees with the model's argmax on {string.Join(", ", counts)} images");
    }

    /// <summary>The settings of the check's small runs: only the number of epochs varies.</summary>
    private static SignTrainingSettings Settings(CheckContext context, int epochs) =>
        new() { Epochs = epochs, BatchSize = Batch, LearningRate = 0.01, Seed = context.SeedFor("learner") };

    private const string ProbeHint =
        "Train may be handed a module that wraps yours, or one of the check's own: use only model.train(), model.parameters() and " +
        "model.call(images) on what you are given.";
}
