using Autograder.Checks.TrafficSigns;
using Autograder.Reference.Segmentation;

namespace Autograder.Checks.Segmentation;

/// <summary>
/// Wraps a learner's SegNet to watch what is done with it. Every pass records whether the module
/// was in training mode; while Train runs, every pass in training mode with gradients on is a
/// training step, whose loss the probe recomputes itself (per-pixel cross-entropy of the logits
/// the model gave against the labels of the batch's scenes) so that the check can verify the
/// losses Train reports. <c>parameters()</c>, <c>train()</c>, <c>eval()</c> and <c>to()</c> reach
/// the wrapped model, its only child.
/// </summary>
internal sealed class SegNetProbe : SegNetModule
{
    private readonly SegNetModule inner;
    private readonly ImageIndex? index;
    private readonly Tensor? labels;

    public SegNetProbe(SegNetModule inner, ImageIndex? index = null, Tensor? labels = null, EpochLosses? losses = null)
        : base(nameof(SegNetProbe))
    {
        this.inner = inner;
        this.index = index;
        this.labels = labels;
        Losses = losses;
        register_module("inner", inner);
    }

    public EpochLosses? Losses { get; }

    public PassCounts Passes { get; } = new();

    public override SegNetOutput Run(Tensor images)
    {
        Passes.Count(training, images.shape[0]);
        var output = inner.Run(images);
        if (Losses is not null && training && is_grad_enabled() && output?.Logits is not null)
        {
            Record(images, output.Logits);
        }

        return output!;
    }

    private void Record(Tensor images, Tensor logits)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var rows = index!.Rows(images);
        if (rows is null || logits.dim() != 4 || logits.shape[0] != rows.Length)
        {
            Losses!.AddUnmatched();
            return;
        }

        var batchLabels = labels!.index_select(0, tensor(rows).to(labels.device));
        var loss = nn.functional.cross_entropy(logits.detach().to_type(ScalarType.Float64), batchLabels);
        Losses!.Add(loss.cpu().item<double>(), rows.Length);
    }
}
