using Autograder.Reference.TcnVsRnn;
using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// A temporal convolutional network: temporal blocks with the dilations of the shape, then a 1x1
/// convolution that maps the hidden channels to the outputs at every step.
/// </summary>
public sealed class Tcn : Module<Tensor, Tensor>
{
    public Tcn(TcnShape shape)
        : base(nameof(Tcn))
    {
        // Create one TemporalBlock per entry of shape.Dilations (a ModuleList keeps them) and the
        // 1x1 output convolution, keep them in fields, then register them.
        RegisterComponents();
    }

    /// <summary>[N, in, L] to [N, out, L].</summary>
    public override Tensor forward(Tensor input)
    {
        throw new NotImplementedException("Tcn.forward is not implemented yet.");
    }
}
