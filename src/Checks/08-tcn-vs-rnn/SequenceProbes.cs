namespace Autograder.Checks.TcnVsRnn;

/// <summary>
/// Structural probes on the learner's sequence models: run a model without gradients, change
/// one input step and see which output steps move. Everything here needs no oracle: causality
/// and the receptive field are properties a model has or has not.
/// </summary>
internal static class SequenceProbes
{
    /// <summary>
    /// The model's output for <paramref name="input"/> as float64 values in [N, C, L] order,
    /// after checking that it has the shape <c>[N, channels, L]</c>. Runs in evaluation mode, so
    /// that a learner's dropout cannot make two runs differ (training switches back to train mode).
    /// </summary>
    public static double[] Output(nn.Module<Tensor, Tensor> model, Tensor input, long channels, string what)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        Tensor output;
        try
        {
            output = model.forward(input);
        }
        catch (Exception e) when (e.Message.Contains("must match the size of tensor", StringComparison.Ordinal))
        {
            // libtorch's own text continues with native stack frames; its first line is the fact.
            throw new CheckFailedException(
                $"{what}: forward failed on an input of length {input.shape[2]}: {e.Message.Split('\n')[0].Trim()}. " +
                "Two tensors that should be added have different lengths: the convolutions changed the length of the sequence, so " +
                "the residual sum no longer fits. Pad exactly (k-1)·d zeros on the left of each convolution and none on the right " +
                "(with padding on both sides, (k-1)·d/2 is not a whole number of steps when (k-1)·d is odd).");
        }

        if (output is null)
        {
            throw new CheckFailedException($"{what}: forward returned null; it should return the output tensor.");
        }

        long[] expected = [input.shape[0], channels, input.shape[2]];
        if (!output.shape.SequenceEqual(expected))
        {
            throw new CheckFailedException(
                $"{what}: for an input of shape {ShapeOf(input.shape)} the output has shape {ShapeOf(output.shape)}, " +
                $"expected {ShapeOf(expected)} ([N, channels, L]: same batch, the model's output channels, same length). " +
                LengthHint(input.shape[2], output.shape));
        }

        var values = output.detach().to(float64).cpu().data<double>().ToArray();
        if (!Numerics.AllFinite(values))
        {
            throw new CheckFailedException($"{what}: the output contains NaN or infinity for an ordinary random input.");
        }

        return values;
    }

    /// <summary>
    /// Which output steps change when input step <paramref name="step"/> of the sequences in
    /// <paramref name="sequences"/> (all when null) gets new random values, compared bit for bit.
    /// Entry [n, s] of the result is true when any channel of sequence n changed at step s.
    /// </summary>
    public static bool[,] Influence(
        nn.Module<Tensor, Tensor> model, Tensor input, int step, long channels, string what, SeededRandom random,
        IReadOnlyList<int>? sequences = null)
    {
        var (count, inputChannels, length) = ((int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
        var before = Output(model, input, channels, what);
        var shift = new float[count * inputChannels * length];
        foreach (var n in sequences ?? [.. Enumerable.Range(0, count)])
        {
            for (var c = 0; c < inputChannels; c++)
            {
                // At least 1 in every channel: a new value for sure, of a usual size.
                shift[(((n * inputChannels) + c) * length) + step] = (float)random.Uniform(1, 2);
            }
        }

        double[] after;
        using (var scope = NewDisposeScope())
        {
            after = Output(model, input + tensor(shift, input.shape, float32).to(input.device), channels, what);
        }

        var result = new bool[count, length];
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var s = 0; s < length; s++)
                {
                    var i = (((n * channels) + c) * length) + s;
                    result[n, s] |= before[i] != after[i];
                }
            }
        }

        return result;
    }

    /// <summary>The output steps that changed in any sequence.</summary>
    public static bool[] AnySequence(bool[,] influence)
    {
        var steps = new bool[influence.GetLength(1)];
        for (var n = 0; n < influence.GetLength(0); n++)
        {
            for (var s = 0; s < steps.Length; s++)
            {
                steps[s] |= influence[n, s];
            }
        }

        return steps;
    }

    /// <summary>
    /// Causality of a convolutional model at the given steps: null when every output before each
    /// step stays bit-identical and the output at the step itself changes, else the failure message.
    /// Measured with positive weights set by the check (<see cref="SetWeights.Positive"/>) on positive
    /// inputs, so no dead ReLU hides a path; the model's own weights are put back afterwards.
    /// </summary>
    public static string? Causality(
        nn.Module<Tensor, Tensor> model, Tensor input, IEnumerable<int> steps, long channels, string what, SeededRandom random)
    {
        // Weights the check sets and positive inputs: every path is active, whatever the initialisation.
        using var weights = SetWeights.Positive(model);
        using var positive = input.abs().add(0.5);
        foreach (var t in steps)
        {
            var changed = AnySequence(Influence(model, positive, t, channels, what, random));
            var earlier = Enumerable.Range(0, t).Where(s => changed[s]).ToList();
            if (earlier.Count > 0)
            {
                return $"{what}: changing input step {t} changed output step {earlier[0]}" +
                    (earlier.Count > 1 ? $" and {earlier.Count - 1} more step(s) before {t} (steps {earlier[0]} to {earlier[^1]})" : "") +
                    $", which should stay bit-identical: the model looks into the future. {CausalPadding}";
            }

            if (!changed[t])
            {
                return $"{what}: changing input step {t} left output step {t} unchanged (and every earlier step, rightly). " +
                    "The output at a step must depend on the input at that same step: the last tap of every causal convolution, " +
                    "and the residual connection, carry it. An output that lags behind the input is shifted: pad exactly (k-1)·d on the left.";
            }
        }

        return null;
    }

    /// <summary>How to make a convolution causal; the hint for every causality failure.</summary>
    public const string CausalPadding =
        "A causal convolution pads (k-1)·d zeros on the LEFT only, so output t reads inputs t-(k-1)·d .. t. " +
        "Symmetric padding (padding: (k-1)·d/2 on both sides, or Conv1d(..., padding: (k-1)·d) without cutting) lets it read ahead; " +
        "either use functional.pad(x, ((k-1)·d, 0)) before a Conv1d without padding, or pad both sides by (k-1)·d and chomp " +
        "(cut off) the last (k-1)·d output steps.";

    public static string ShapeOf(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    private static string LengthHint(long length, long[] shape)
    {
        if (shape.Length != 3)
        {
            return "";
        }

        var extra = shape[2] - length;
        return extra > 0
            ? $"The output is {extra} step(s) longer than the input: that is padding nobody cut off. Pad only on the left, or chomp the last steps after padding both sides."
            : extra < 0
                ? $"The output is {-extra} step(s) shorter than the input: a convolution without padding loses (k-1)·d steps. Pad (k-1)·d zeros on the left first."
                : "";
    }
}
