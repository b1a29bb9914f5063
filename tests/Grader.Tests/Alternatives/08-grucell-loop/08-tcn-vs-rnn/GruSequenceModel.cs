using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// The GRU written as a loop over time with a GRUCell, the way the recurrence reads on paper:
/// h_t = cell(x_t, h_{t-1}), and a linear layer on every h_t. The TCN is a 1x1 head on temporal
/// blocks whose residual 1x1 convolution is always present (also when the channels agree).
/// </summary>
public sealed class GruSequenceModel : Module<Tensor, Tensor>
{
    private readonly Linear readout;
    private readonly GRUCell cell;
    private readonly int hidden;

    public GruSequenceModel(int inputChannels, int hiddenSize, int outputChannels)
        : base(nameof(GruSequenceModel))
    {
        readout = Linear(hiddenSize, outputChannels);
        cell = GRUCell(inputChannels, hiddenSize);
        hidden = hiddenSize;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var state = zeros(input.shape[0], hidden, device: input.device, dtype: input.dtype);
        var outputs = new List<Tensor>();
        for (var t = 0; t < input.shape[2]; t++)
        {
            state = cell.forward(input[.., .., t], state);
            outputs.Add(readout.forward(state));
        }

        // L tensors [N, out] -> [N, out, L].
        return stack(outputs, 2).MoveToOuterDisposeScope();
    }
}
