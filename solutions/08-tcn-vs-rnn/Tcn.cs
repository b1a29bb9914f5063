using Autograder.Reference.TcnVsRnn;
using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// A temporal convolutional network: temporal blocks with the dilations of the shape, then a 1x1
/// convolution that maps the hidden channels to the outputs at every step.
/// </summary>
public sealed class Tcn : Module<Tensor, Tensor>
{
    private readonly ModuleList<Module<Tensor, Tensor>> blocks = new();
    private readonly Conv1d head;

    public Tcn(TcnShape shape)
        : base(nameof(Tcn))
    {
        var channels = shape.InputChannels;
        foreach (var dilation in shape.Dilations)
        {
            blocks.Add(new TemporalBlock(channels, shape.HiddenChannels, shape.KernelSize, dilation));
            channels = shape.HiddenChannels;
        }

        head = Conv1d(shape.HiddenChannels, shape.OutputChannels, 1);
        RegisterComponents();
    }

    /// <summary>[N, in, L] to [N, out, L].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var hidden = input;
        foreach (var block in blocks)
        {
            hidden = block.forward(hidden);
        }

        return head.forward(hidden).MoveToOuterDisposeScope();
    }
}
