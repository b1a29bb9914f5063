using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace Autograder.Reference.TcnVsRnn;

/// <summary>
/// Exercise 08: builds the two kinds of sequence model that the exercise compares, a temporal
/// convolutional network (TCN) and a recurrent network (GRU or LSTM). Both map a batch of
/// sequences to a batch of sequences in the same layout, channels first, as <c>Conv1d</c> takes it:
/// <code>
/// input  [N, inputChannels, L]   ->   output [N, outputChannels, L]
/// </code>
/// Output step t may depend on input steps 0 .. t only (the model is causal), and never on
/// another sequence of the batch. The checks move the models to their device with
/// <c>module.to(device)</c>; create any new tensor inside <c>forward</c> on <c>input.device</c>.
/// </summary>
public interface ISequenceModels
{
    /// <summary>
    /// A residual block of two causal convolutions with kernel size <paramref name="kernelSize"/>
    /// and dilation <paramref name="dilation"/>, each followed by a ReLU; the block's input is
    /// added back (through a 1x1 convolution when the channel counts differ) before a last ReLU.
    /// Maps <c>[N, inChannels, L]</c> to <c>[N, outChannels, L]</c>.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateTemporalBlock(int inChannels, int outChannels, int kernelSize, int dilation);

    /// <summary>
    /// A TCN: one temporal block per entry of <see cref="TcnShape.Dilations"/>, in order, the first
    /// from <see cref="TcnShape.InputChannels"/> to <see cref="TcnShape.HiddenChannels"/>, the others
    /// from hidden to hidden, then a 1x1 convolution to <see cref="TcnShape.OutputChannels"/>.
    /// Maps <c>[N, InputChannels, L]</c> to <c>[N, OutputChannels, L]</c>.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateTcn(TcnShape shape);

    /// <summary>
    /// A recurrent network: a one-layer GRU (or LSTM) with <paramref name="hiddenSize"/> units that
    /// reads the sequence from step 0 to step L - 1, and a linear layer from its hidden state at
    /// every step to <paramref name="outputChannels"/> values. Maps <c>[N, inputChannels, L]</c>
    /// to <c>[N, outputChannels, L]</c>.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateRnn(int inputChannels, int hiddenSize, int outputChannels);
}

/// <summary>The hyper-parameters of a TCN (see <see cref="ISequenceModels.CreateTcn"/>).</summary>
public sealed class TcnShape
{
    /// <summary>Describes a TCN; every count must be positive.</summary>
    /// <param name="inputChannels">Channels of the input sequence.</param>
    /// <param name="hiddenChannels">Channels inside and between the temporal blocks.</param>
    /// <param name="outputChannels">Channels of the output sequence.</param>
    /// <param name="kernelSize">Kernel size k of every convolution in the blocks.</param>
    /// <param name="dilations">The dilation of each block, first block first.</param>
    public TcnShape(int inputChannels, int hiddenChannels, int outputChannels, int kernelSize, IEnumerable<int> dilations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentNullException.ThrowIfNull(dilations);
        var list = dilations.ToArray();
        if (list.Length == 0 || list.Any(d => d <= 0))
        {
            throw new ArgumentException("A TCN needs at least one block, and every dilation must be positive.", nameof(dilations));
        }

        InputChannels = inputChannels;
        HiddenChannels = hiddenChannels;
        OutputChannels = outputChannels;
        KernelSize = kernelSize;
        Dilations = list;
    }

    /// <summary>Channels of the input sequence.</summary>
    public int InputChannels { get; }

    /// <summary>Channels inside and between the temporal blocks.</summary>
    public int HiddenChannels { get; }

    /// <summary>Channels of the output sequence.</summary>
    public int OutputChannels { get; }

    /// <summary>Kernel size k of every convolution in the blocks.</summary>
    public int KernelSize { get; }

    /// <summary>The dilation of each block, first block first; one block per entry.</summary>
    public IReadOnlyList<int> Dilations { get; }

    /// <summary>A TCN whose block i has dilation 2^i, the usual choice: 1, 2, 4, ...</summary>
    public static TcnShape Doubling(int inputChannels, int hiddenChannels, int outputChannels, int kernelSize, int blocks) =>
        new(inputChannels, hiddenChannels, outputChannels, kernelSize, Enumerable.Range(0, blocks).Select(i => 1 << i));

    /// <inheritdoc/>
    public override string ToString() =>
        $"TcnShape(in {InputChannels}, hidden {HiddenChannels}, out {OutputChannels}, k {KernelSize}, dilations [{string.Join(", ", Dilations)}])";
}
