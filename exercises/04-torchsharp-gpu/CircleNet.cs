namespace Exercises.TorchSharpGpu;

/// <summary>
/// The exercise 03 network as a TorchSharp module: <c>z = fc2(sigmoid(fc1(x)))</c>, one logit per
/// row. Its parameters are created on the device it is given.
/// </summary>
public sealed class CircleNet : nn.Module<Tensor, Tensor>
{
    /// <summary>
    /// Creates fc1 = nn.Linear(inputs, hidden), then fc2 = nn.Linear(hidden, 1), on
    /// <paramref name="device"/>, keeps them in fields named fc1 and fc2, and calls
    /// RegisterComponents() so that they become the parameters fc1.weight, fc1.bias, fc2.weight
    /// and fc2.bias.
    /// </summary>
    public CircleNet(int inputs, int hidden, Device device)
        : base(nameof(CircleNet))
    {
        throw new NotImplementedException("CircleNet's constructor is not implemented yet.");
    }

    /// <summary>The logit of class 1 for each row: <c>[N, inputs]</c> to <c>[N, 1]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        throw new NotImplementedException("CircleNet.forward is not implemented yet.");
    }
}
