using Autograder.Reference.TcnVsRnn;

namespace Exercises.TcnVsRnn;

/// <summary>
/// Exercise 08: hands your models to the checks. README.md in exercises/08-tcn-vs-rnn/ explains the idea and
/// the checks; run them with `dotnet test --filter TestCategory=08-tcn-vs-rnn`.
/// </summary>
public sealed class SequenceModels : ISequenceModels
{
    /// <summary>A residual block of two causal dilated convolutions: [N, in, L] to [N, out, L].</summary>
    public nn.Module<Tensor, Tensor> CreateTemporalBlock(int inChannels, int outChannels, int kernelSize, int dilation) =>
        new TemporalBlock(inChannels, outChannels, kernelSize, dilation);

    /// <summary>A stack of temporal blocks and a 1x1 convolution: [N, in, L] to [N, out, L].</summary>
    public nn.Module<Tensor, Tensor> CreateTcn(TcnShape shape) => new Tcn(shape);

    /// <summary>A GRU read from step 0 to L - 1 and a linear layer per step: [N, in, L] to [N, out, L].</summary>
    public nn.Module<Tensor, Tensor> CreateRnn(int inputChannels, int hiddenSize, int outputChannels) =>
        new GruSequenceModel(inputChannels, hiddenSize, outputChannels);
}
