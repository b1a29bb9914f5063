namespace Exercises.TorchSharpGpu;

/// <summary>
/// The exercise 03 network as a TorchSharp module: <c>z = fc2(sigmoid(fc1(x)))</c>, one logit per
/// row. Its parameters are created on the device it is given.
/// </summary>
public sealed class CircleNet : nn.Module<Tensor, Tensor>
{
    // Named like PyTorch's attributes: RegisterComponents() turns them into the parameter names
    // fc1.weight, fc1.bias, fc2.weight, fc2.bias.
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates fc1, then fc2, directly on <paramref name="device"/>.</summary>
    public CircleNet(int inputs, int hidden, Device device)
        : base(nameof(CircleNet))
    {
        fc1 = nn.Linear(inputs, hidden, device: device);
        fc2 = nn.Linear(hidden, 1, device: device);
        RegisterComponents();
    }

    /// <summary>The logit of class 1 for each row: <c>[N, inputs]</c> to <c>[N, 1]</c>.</summary>
    public override Tensor forward(Tensor input)
    {
        using var hidden = torch.sigmoid(fc1.forward(input));
        return fc2.forward(hidden);
    }
}
