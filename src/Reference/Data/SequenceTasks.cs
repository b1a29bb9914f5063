using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.Data;

/// <summary>
/// A batch of sequences and their targets, as tensors. Dispose it (or create it inside a
/// <c>torch.NewDisposeScope()</c>) when done, as with any tensor.
/// </summary>
public sealed class SequenceBatch : IDisposable
{
    /// <summary>Wraps two tensors; the batch owns them from now on.</summary>
    public SequenceBatch(Tensor inputs, Tensor targets)
    {
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>The input sequences; the shape depends on the task.</summary>
    public Tensor Inputs { get; }

    /// <summary>What a model should answer for each input; the shape depends on the task.</summary>
    public Tensor Targets { get; }

    /// <summary>Number of sequences in the batch.</summary>
    public long Count => Inputs.shape[0];

    /// <inheritdoc/>
    public void Dispose()
    {
        Inputs.Dispose();
        Targets.Dispose();
    }
}

/// <summary>
/// The adding problem, as Bai, Kolter and Koltun (2018) define it ("An Empirical Evaluation of
/// Generic Convolutional and Recurrent Networks for Sequence Modeling", section 4, after
/// Hochreiter and Schmidhuber 1997), with the data generator of their code
/// (github.com/locuslab/TCN, <c>adding_problem/utils.py</c>): each input is a sequence of length
/// T with two channels. Channel 0 holds values drawn uniformly from [0, 1); channel 1 is 0
/// everywhere except at two different positions, chosen uniformly, where it is 1. The target is
/// the sum of the two values at the marked positions.
/// </summary>
public static class AddingProblem
{
    /// <summary>
    /// The mean squared error of always answering 1, the mean of the target: the variance of a sum
    /// of two independent uniform values, 2 x 1/12 = 1/6 (the paper rounds it to "about 0.1767").
    /// A model has learnt something only when it does clearly better.
    /// </summary>
    public const double BaselineMse = 1.0 / 6.0;

    /// <summary>
    /// <paramref name="count"/> sequences of length <paramref name="length"/>, the same for the same
    /// seed on every machine. Inputs are float32 <c>[count, 2, length]</c> (channels first, the
    /// layout <c>Conv1d</c> takes), targets float32 <c>[count]</c>.
    /// </summary>
    public static SequenceBatch Generate(int count, int length, int seed, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        var random = new SeededRandom(seed);
        var inputs = new float[count * 2 * length];
        var targets = new float[count];
        for (var n = 0; n < count; n++)
        {
            var values = n * 2 * length;
            var mask = values + length;
            for (var t = 0; t < length; t++)
            {
                inputs[values + t] = (float)random.NextDouble();
            }

            var first = random.NextInt(length);
            var second = random.NextInt(length - 1);
            if (second >= first)
            {
                second++;
            }

            inputs[mask + first] = 1;
            inputs[mask + second] = 1;
            targets[n] = inputs[values + first] + inputs[values + second];
        }

        return new SequenceBatch(
            tensor(inputs, [count, 2, length], float32, device),
            tensor(targets, [count], float32, device));
    }
}

/// <summary>
/// The copy-memory task, as Bai, Kolter and Koltun (2018) define it (section 4) and generate it
/// (github.com/locuslab/TCN, <c>copy_memory/utils.py</c>): an input of length T + 20 whose first
/// 10 values are digits drawn uniformly from 1 to 8, followed by T - 1 zeros and then 11 nines
/// (the first nine is the delimiter that says "now repeat"). The target has the same length and
/// is 0 everywhere except at the last 10 positions, which repeat the first 10 digits of the
/// input. To answer there, a model must remember those digits across T + 10 steps.
/// </summary>
public static class CopyMemory
{
    /// <summary>How many digits are to be remembered and repeated.</summary>
    public const int MemoryLength = 10;

    /// <summary>The number of different symbols: the digits 0 (blank) to 9 (marker).</summary>
    public const int Symbols = 10;

    /// <summary>The digit that fills the last 11 input positions; the first of them is the delimiter.</summary>
    public const int Marker = 9;

    /// <summary>
    /// The fraction of the last 10 digits a model gets right by guessing one fixed digit from 1 to
    /// 8: 1/8. A model that recalls has to do far better.
    /// </summary>
    public const double GuessRecall = 1.0 / 8.0;

    /// <summary>The length of a sequence with <paramref name="blank"/> = T: T + 20.</summary>
    public static int SequenceLength(int blank) => blank + (2 * MemoryLength);

    /// <summary>
    /// <paramref name="count"/> sequences with <paramref name="blank"/> = T, the same for the same
    /// seed on every machine. Inputs and targets are int64 digits <c>[count, T + 20]</c>; use
    /// <see cref="OneHot"/> to feed the inputs to a network.
    /// </summary>
    public static SequenceBatch Generate(int count, int blank, int seed, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blank);
        var random = new SeededRandom(seed);
        var length = SequenceLength(blank);
        var inputs = new long[count * length];
        var targets = new long[count * length];
        for (var n = 0; n < count; n++)
        {
            var row = n * length;
            for (var i = 0; i < MemoryLength; i++)
            {
                var digit = 1 + random.NextInt(8);
                inputs[row + i] = digit;
                targets[row + length - MemoryLength + i] = digit;
            }

            // Positions 10 .. T + 8 stay blank; the last 11 are the marker.
            for (var t = length - MemoryLength - 1; t < length; t++)
            {
                inputs[row + t] = Marker;
            }
        }

        return new SequenceBatch(
            tensor(inputs, [count, length], int64, device),
            tensor(targets, [count, length], int64, device));
    }

    /// <summary>
    /// Digits <c>[N, L]</c> as one-hot float32 channels <c>[N, 10, L]</c>: channel d is 1 where
    /// the digit is d. This is how the checks feed copy-memory inputs to a network.
    /// </summary>
    public static Tensor OneHot(Tensor digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        using var scope = NewDisposeScope();
        return nn.functional.one_hot(digits, Symbols).to(float32).permute(0, 2, 1).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The fraction of the last 10 positions of every sequence where the most likely class of
    /// <paramref name="logits"/> (<c>[N, 10, L]</c>) equals the target digit: the task's recall.
    /// </summary>
    public static double Recall(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var length = targets.shape[1];
        var predicted = logits.argmax(1).narrow(1, length - MemoryLength, MemoryLength);
        var expected = targets.narrow(1, length - MemoryLength, MemoryLength);
        return predicted.eq(expected).to(float64).mean().item<double>();
    }
}
