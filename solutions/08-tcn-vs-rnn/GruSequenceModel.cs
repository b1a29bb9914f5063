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
        // [N, C, L] -> [L, N, C]: the GRU steps along the first axis and keeps the batch apart.
        var (states, _) = gru.forward(input.permute(2, 0, 1));
        // [L, N, H] -> [L, N, out] -> [N, out, L], the layout the input came in.
        return head.forward(states).permute(1, 2, 0).MoveToOuterDisposeScope();
    }
}
