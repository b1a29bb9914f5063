using Autograder.Checks.Segmentation;
using Autograder.Reference.Segmentation;
using TorchSharp;
using static TorchSharp.torch;
using Oracle = Exercises.Segmentation.Segmenter;

namespace Autograder.Checks.Hidden.Segmentation;

/// <summary>
/// Exercise 10, hidden checks: scenes from seeds no learner has seen, other image sizes and class
/// counts (which catch sizes written into the network), and the loss against the reference
/// solution's on random logits, value and gradient.
/// </summary>
public sealed class SegNetHiddenChecks() : CheckSource(SegNetChecks.Exercise)
{
    [Check("segments-unseen-scenes", "pixel accuracy 0.95 and mean IoU 0.75 on scenes from seeds never shown", Points = 4, Seed = 10101, Visibility = Visibility.Hidden)]
    private static Verdict SegmentsUnseenScenes(CheckContext context) =>
        SegNetChecks.SegmentsScenes(context, trainSeed: context.Seed + 13, testSeed: context.Seed + 31);

    [Check("unpooled-sparsity-other-size", "unpooling puts one value in each 2x2 block of 48 x 64 scenes", Points = 1, Seed = 10102, Visibility = Visibility.Hidden)]
    private static Verdict UnpooledSparsityOtherSize(CheckContext context) =>
        SegNetChecks.UnpooledSparsity(context, classes: 3, height: 48, width: 64);

    [Check("loss-matches-reference", "the loss and its gradient equal the reference on random logits", Points = 1, Seed = 10103, Visibility = Visibility.Hidden)]
    private static Verdict LossMatchesReference(CheckContext context)
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(context.SeedFor("torch"));
        var learner = context.Create<ISegmenter>();
        var oracle = new Oracle();
        (int N, int C, int H, int W)[] shapes = [(2, 5, 8, 12), (1, 3, 16, 4), (4, 2, 4, 4)];
        foreach (var (n, c, h, w) in shapes)
        {
            using var labels = randint(c, [n, h, w], dtype: ScalarType.Int64).to(context.Device);
            using var theirsLeaf = (randn([n, c, h, w], dtype: ScalarType.Float64) * 3).to(context.Device).requires_grad_();
            using var oursLeaf = theirsLeaf.detach().clone().requires_grad_();
            using var theirs = Expect.NotNull(learner.Loss(theirsLeaf, labels), "Loss");
            using var ours = oracle.Loss(oursLeaf, labels);
            var theirValue = theirs.detach().cpu().to_type(ScalarType.Float64).sum().item<double>();
            var ourValue = ours.detach().cpu().item<double>();
            if (theirs.numel() != 1 || !(Numerics.RelativeError(theirValue, ourValue) <= 1e-6))
            {
                return Verdict.Fail(
                    $"on random logits [{n}, {c}, {h}, {w}] the loss differs from per-pixel cross-entropy over the class axis " +
                    $"(relative error {Show.Number(Numerics.RelativeError(theirValue, ourValue))}). Take the softmax over axis 1 at every " +
                    "pixel and average over all N x H x W pixels.");
            }

            theirs.backward();
            ours.backward();
            using var theirGrad = theirsLeaf.grad;
            using var ourGrad = oursLeaf.grad;
            if (theirGrad is null || !theirGrad.allclose(ourGrad!, rtol: 1e-6, atol: 1e-9))
            {
                return Verdict.Fail(
                    $"on random logits [{n}, {c}, {h}, {w}] the loss has the right value, but its gradient with respect to the logits " +
                    "differs from that of per-pixel cross-entropy: build the loss from the logits with differentiable operations only.");
            }
        }

        return Verdict.Pass();
    }

    [Check("logits-shape-other-sizes", "logits [N, classes, H, W] for other sizes and class counts", Points = 1, Seed = 10104, Visibility = Visibility.Hidden)]
    private static Verdict LogitsShapeOtherSizes(CheckContext context) =>
        SegNetChecks.LogitsShape(context, [(3, 4, 48, 64), (1, 2, 16, 16), (2, 7, 64, 32)]);
}
