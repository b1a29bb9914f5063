using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// Two causal dilated convolutions with ReLUs and a residual connection:
/// <c>relu(relu(conv2(relu(conv1(x)))) + residual(x))</c>, where every convolution sees only
/// the present and the past because the sequence is padded with (k - 1) d zeros on the left.
/// </summary>
public sealed class TemporalBlock : Module<Tensor, Tensor>
{
    public TemporalBlock(int inChannels, int outChannels, int kernelSize, int dilation)
        : base(nameof(TemporalBlock))
    {
        // Create the layers here and keep them in fields (see README.md): two Conv1d with this
        // kernel size and dilation, and a 1x1 Conv1d for the residual when the channel counts
        // differ. RegisterComponents() then finds the fields, so that parameters() lists them.
        RegisterComponents();
    }

    /// <summary>[N, in, L] to [N, out, L]; output step t reads input steps t - 2 (k - 1) d .. t.</summary>
    public override Tensor forward(Tensor input)
    {
        throw new NotImplementedException("TemporalBlock.forward is not implemented yet.");
    }
}
