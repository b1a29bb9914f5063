using static TorchSharp.torch.nn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// A GRU that reads the sequence in time order and a linear layer that turns its hidden state at
/// every step into the outputs of that step.
/// </summary>
public sealed class GruSequenceModel : Module<Tensor, Tensor>
{
    public GruSequenceModel(int inputChannels, int hiddenSize, int outputChannels)
        : base(nameof(GruSequenceModel))
    {
        // Create a GRU (or an LSTM) with inputChannels inputs and hiddenSize units, and a Linear
        // layer from hiddenSize to outputChannels; keep them in fields, then register them.
        RegisterComponents();
    }

    /// <summary>[N, C, L] to [N, out, L].</summary>
    public override Tensor forward(Tensor input)
    {
        throw new NotImplementedException("GruSequenceModel.forward is not implemented yet.");
    }
}
