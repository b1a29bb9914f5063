using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// Two causal dilated convolutions with ReLUs and a residual connection:
/// <c>relu(relu(conv2(relu(conv1(x)))) + residual(x))</c>, where every convolution sees only
/// the present and the past because the sequence is padded with (k - 1) d zeros on the left.
/// </summary>
public sealed class TemporalBlock : Module<Tensor, Tensor>
{
    private readonly Conv1d conv1;
    private readonly Conv1d conv2;
    private readonly Conv1d? downsample;
    private readonly long leftPadding;

    public TemporalBlock(int inChannels, int outChannels, int kernelSize, int dilation)
        : base(nameof(TemporalBlock))
    {
        leftPadding = (kernelSize - 1) * (long)dilation;
        conv1 = Conv1d(inChannels, outChannels, kernelSize, dilation: dilation);
        conv2 = Conv1d(outChannels, outChannels, kernelSize, dilation: dilation);
        // The residual must have as many channels as the convolutions' output.
        downsample = inChannels == outChannels ? null : Conv1d(inChannels, outChannels, 1);
        RegisterComponents();
    }

    /// <summary>[N, in, L] to [N, out, L]; output step t reads input steps t - 2 (k - 1) d .. t.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var hidden = functional.relu(conv1.forward(functional.pad(input, (leftPadding, 0L))));
        hidden = functional.relu(conv2.forward(functional.pad(hidden, (leftPadding, 0L))));
        var residual = downsample is null ? input : downsample.forward(input);
        return functional.relu(hidden + residual).MoveToOuterDisposeScope();
    }
}
