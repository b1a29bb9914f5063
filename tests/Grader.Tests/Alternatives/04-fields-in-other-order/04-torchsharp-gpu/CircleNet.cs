using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Exercises.TorchNetworks;

/// <summary>
/// fc1 and fc2 created in that order, but declared the other way round, so that they register as
/// fc2.weight, fc2.bias, fc1.weight, fc1.bias; the layers are moved to the device after creation.
/// </summary>
public sealed class CircleNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc2;
    private readonly Linear fc1;

    public CircleNet(int inputs, int hidden, Device device)
        : base(nameof(CircleNet))
    {
        fc1 = nn.Linear(inputs, hidden);
        fc2 = nn.Linear(hidden, 1);
        RegisterComponents();
        this.to(device);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        return fc2.call(fc1.call(input).sigmoid()).MoveToOuterDisposeScope();
    }
}
