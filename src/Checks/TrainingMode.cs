namespace Autograder.Checks;

/// <summary>
/// The verdict of 09's and 10's train-sets-training-mode: the check hands Train a model in eval()
/// mode, as Predict leaves it, on a set that is a whole number of batches, and judges from the
/// probe's counts, never from what Train returns alone.
/// </summary>
internal static class TrainingMode
{
    /// <summary>
    /// Hands Train (<paramref name="train"/>) the <paramref name="probe"/> that wraps <paramref name="model"/> and counts
    /// <paramref name="passes"/>, in eval() mode, for <paramref name="epochs"/> epochs on <paramref name="count"/>
    /// <paramref name="examples"/> in batches of <paramref name="batch"/>, and judges the run; <paramref name="probeHint"/>
    /// explains a libtorch failure inside Train, and <paramref name="evalModeCost"/> says what eval mode does to this
    /// exercise's layers.
    /// </summary>
    public static Verdict Observe(
        CheckContext context, nn.Module model, nn.Module probe, PassCounts passes, Func<double[]> train, string probeHint,
        int epochs, int count, string examples, int batch, string evalModeCost)
    {
        var runningStatisticsBefore = ModuleFields.RunningStatistics(model);

        // As Predict leaves it: Train must switch the mode itself.
        probe.eval();
        var losses = TorchFailure.Explain(context, "Train", () => Expect.NotNull(train(), "Train"), probeHint);

        if (passes.EmptyCalls > 0)
        {
            return Verdict.Fail(EmptyBatches.InTrain(passes.EmptyCalls));
        }

        if (passes.GradientCalls == 0)
        {
            return Verdict.Fail(
                $"Train never ran the model with gradients on ({epochs * count / batch} training steps were expected): call " +
                "model.call(images) on the model you are given, for every mini-batch, outside no_grad().");
        }

        if (passes.TrainingGradientCalls < passes.GradientCalls)
        {
            var unchanged = runningStatisticsBefore is not null && ModuleFields.RunningStatistics(model) is { } after &&
                runningStatisticsBefore.SequenceEqual(after);
            return Verdict.Fail(
                $"the check handed Train a model in eval() mode, as Predict leaves it, and {passes.GradientCalls - passes.TrainingGradientCalls} " +
                $"of its {passes.GradientCalls} training passes (forward passes with gradients) ran in eval mode" +
                (unchanged ? ", so batch normalisation's running statistics never changed" : "") + ". Call model.train() at the start " +
                $"of Train: in eval mode {evalModeCost}");
        }

        return Verdict.PassIf(
            losses.Length == epochs && Numerics.AllFinite(losses),
            $"Train returned {Show.Vector(losses)} for {epochs} epochs on {count} {examples} in batches of {batch}; expected " +
            $"{epochs} finite mean losses, one per epoch.",
            $"{passes.GradientCalls} training passes, all in training mode, none on an empty batch");
    }
}
