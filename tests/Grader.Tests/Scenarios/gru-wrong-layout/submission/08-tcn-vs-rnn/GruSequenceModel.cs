using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// A GRU that reads the sequence in time order and a linear layer that turns its hidden state at
/// every step into the outputs of that step.
/// </summary>
public sealed class GruSequenceModel : Module<Tensor, Tensor>
{
    private readonly GRU gru;
    private readonly Linear head;

    public GruSequenceModel(int inputChannels, int hiddenSize, int outputChannels)
        : base(nameof(GruSequenceModel))
    {
        // Time-major [L, N, C], the GRU's default (batchFirst: false).
        gru = GRU(inputChannels, hiddenSize);
        head = Linear(hiddenSize, outputChannels);
        RegisterComponents();
    }

    /// <summary>[N, C, L] to [N, out, L].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // The mistake: [N, C, L] -> [N, L, C], batch first, for a GRU created time-major. The GRU
        // then steps along the batch and treats the L steps as L independent sequences.
        var (states, _) = gru.forward(input.permute(0, 2, 1));
        // [N, L, H] -> [N, L, out] -> [N, out, L]: the shape comes out right all the same.
        return head.forward(states).permute(0, 2, 1).MoveToOuterDisposeScope();
    }
}
