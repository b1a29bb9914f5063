using Autograder.Checks.TrafficSigns;
using Autograder.Reference.TrafficSigns;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Checks.Hidden.TrafficSigns;

/// <summary>
/// Exercise 09, hidden checks: accuracy on generator seeds no learner has seen, other class
/// counts and batch sizes, and a model that Predict must leave exactly as it found it.
/// </summary>
public sealed class TrafficSignHiddenChecks() : CheckSource(TrafficSignChecks.Exercise)
{
    [Check("held-out-accuracy-unseen-seeds", "recognises 95% of signs from seeds never shown", Points = 3, Seed = 9101, Visibility = Visibility.Hidden)]
    private static Verdict HeldOutAccuracyUnseenSeeds(CheckContext context) =>
        TrafficSignChecks.LearnsSigns(context, trainSeed: context.Seed + 17, testSeeds: [context.Seed + 29]);

    /// <summary>
    /// Predict on a model in training mode, twice: every parameter and buffer (batch
    /// normalisation's running mean, variance and batch count) must be unchanged, and both calls
    /// must give the same classes. Training mode breaks both when the model has batch
    /// normalisation or dropout.
    /// </summary>
    [Check("predict-leaves-model-unchanged", "Predict changes no parameter or running statistic", Points = 2, Seed = 9102, Visibility = Visibility.Hidden)]
    private static Verdict PredictLeavesModelUnchanged(CheckContext context)
    {
        using var scope = NewDisposeScope();
        var (classifier, model) = TrafficSignChecks.SeededModel(context);
        using var data = TrafficSignGenerator.Generate(64, context.Seed, context.Device);
        var before = Snapshot(model);

        model.train();
        var first = TrafficSignChecks.Predict(context, classifier, model, data.Images, 64, TrafficSignGenerator.ClassCount);
        model.train();
        var second = TrafficSignChecks.Predict(context, classifier, model, data.Images, 64, TrafficSignGenerator.ClassCount);

        foreach (var (name, value) in Snapshot(model))
        {
            using var old = before[name];
            using var same = old.shape.SequenceEqual(value.shape) ? old.eq(value).all() : tensor(false);
            if (!same.item<bool>())
            {
                return Verdict.Fail(
                    $"Predict changed the model: {name} is different afterwards. Evaluation must leave a model as it is. In training " +
                    "mode batch normalisation updates its running mean and variance with every batch it sees, so call model.eval() " +
                    "before the forward pass (and never step an optimizer in Predict).");
            }
        }

        var differ = first.Zip(second, (a, b) => a != b ? 1 : 0).Sum();
        return Verdict.PassIf(
            differ == 0,
            $"two calls of Predict on the same 64 images disagree on {differ} of them. Predictions must be deterministic: in " +
            "training mode dropout switches off random units on every call. Call model.eval() before evaluating.");
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module<Tensor, Tensor> model)
    {
        var copy = new Dictionary<string, Tensor>();
        foreach (var (name, value) in model.state_dict())
        {
            copy[name] = value.detach().cpu().clone();
        }

        return copy;
    }

    [Check("logits-shape-other-sizes", "one logit per class for other class counts and batch sizes", Points = 1, Seed = 9103, Visibility = Visibility.Hidden)]
    private static Verdict LogitsShapeOtherSizes(CheckContext context) => TrafficSignChecks.LogitsShape(context, [(1, 12), (7, 43), (2, 2)]);

    [Check("predict-in-eval-mode-any-batch", "Predict evaluates in eval() mode on one image and on many", Points = 1, Seed = 9104, Visibility = Visibility.Hidden)]
    private static Verdict PredictInEvalModeAnyBatch(CheckContext context)
    {
        var one = TrafficSignChecks.PredictInEvalMode(context, 1);
        return one.Kind == VerdictKind.Passed ? TrafficSignChecks.PredictInEvalMode(context, 300) : one;
    }
}
