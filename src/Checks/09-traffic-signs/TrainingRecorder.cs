namespace Autograder.Checks.TrafficSigns;

/// <summary>
/// Wraps a learner's model while Train runs: every forward pass in training mode with gradients
/// on is a training step, and the recorder works out its loss itself (cross-entropy of the
/// logits the model gave against the labels of the batch's images), for <see cref="EpochLosses"/>.
/// It adds nothing to the model: <c>parameters()</c>, <c>train()</c> and <c>to()</c> reach the
/// wrapped model, which is a registered child.
/// </summary>
internal sealed class TrainingRecorder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> inner;
    private readonly ImageIndex index;
    private readonly Tensor labels;

    public TrainingRecorder(nn.Module<Tensor, Tensor> inner, ImageIndex index, Tensor labels, EpochLosses losses)
        : base(nameof(TrainingRecorder))
    {
        this.inner = inner;
        this.index = index;
        this.labels = labels;
        Losses = losses;
        // Only the model is a child: the labels must not become a buffer the learner's code could move or save.
        register_module("inner", inner);
    }

    public EpochLosses Losses { get; }

    public override Tensor forward(Tensor input)
    {
        var output = inner.call(input);
        if (training && is_grad_enabled() && output is not null)
        {
            Record(input, output);
        }

        return output!;
    }

    private void Record(Tensor input, Tensor output)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var rows = index.Rows(input);
        if (rows is null || output.dim() != 2 || output.shape[0] != rows.Length)
        {
            Losses.AddUnmatched();
            return;
        }

        var batchLabels = labels.index_select(0, tensor(rows).to(labels.device));
        var loss = nn.functional.cross_entropy(output.detach().to_type(ScalarType.Float64), batchLabels);
        Losses.Add(loss.cpu().item<double>(), rows.Length);
    }
}
