namespace Autograder.Checks.TcnVsRnn;

/// <summary>
/// Loads weights the check chooses into a learner's model for the length of a probe, and puts the
/// learner's own back afterwards, so that what a probe measures is the model's structure and not
/// the luck of its random initialisation (small initial weights leave ReLUs dead on whole paths).
/// </summary>
internal sealed class SetWeights : IDisposable
{
    private readonly List<(Tensor Parameter, Tensor Saved)> saved = [];

    private SetWeights(nn.Module<Tensor, Tensor> model, Func<Tensor, double> value, bool save = false)
    {
        using var noGrad = no_grad();
        foreach (var parameter in model.parameters())
        {
            saved.Add((parameter, parameter.detach().clone()));
            if (!save)
            {
                parameter.fill_(value(parameter));
            }
        }
    }

    /// <summary>
    /// Every weight 1 / fan-in and every bias (any one-dimensional parameter) 5: on positive inputs
    /// every convolution averages what it reads, every ReLU passes, and a change anywhere in the
    /// receptive field reaches the output along every path.
    /// </summary>
    public static SetWeights Positive(nn.Module<Tensor, Tensor> model)
    {
        // Each weight tensor gets its own scale, so that two paths that average the same input
        // (a convolution and a residual projection) never cancel exactly in a subtraction.
        var index = 0;
        return new(model, p => p.dim() >= 2 ? (1.0 + (0.25 * (index++ % 4))) / Math.Max(1, p.numel() / p.shape[0]) : 5.0);
    }

    /// <summary>
    /// The convolutions of a temporal block silenced, its residual path made the identity: every
    /// Conv1d with kernel size above 1 gets weights and bias 0, a 1x1 Conv1d from n to n channels
    /// (a residual projection) the identity matrix and bias 0. A block built without Conv1d modules
    /// gets every parameter 0. Either way the block must then return relu(0 + x) = relu(x).
    /// </summary>
    public static SetWeights ResidualOnly(nn.Module<Tensor, Tensor> model)
    {
        var convolutions = model.modules().OfType<TorchSharp.Modules.Conv1d>().ToList();
        if (convolutions.Count == 0)
        {
            return new(model, _ => 0.0);
        }

        var set = new SetWeights(model, p => double.NaN, save: true);
        using var noGrad = no_grad();
        foreach (var conv in convolutions)
        {
            var weight = conv.weight!;
            conv.bias?.zero_();
            if (weight.shape[2] == 1 && weight.shape[0] == weight.shape[1])
            {
                using var eye = torch.eye(weight.shape[0], dtype: weight.dtype, device: weight.device).unsqueeze(2);
                weight.copy_(eye);
            }
            else
            {
                weight.zero_();
            }
        }

        return set;
    }

    public void Dispose()
    {
        using var noGrad = no_grad();
        foreach (var (parameter, copy) in saved)
        {
            parameter.copy_(copy);
            copy.Dispose();
        }
    }
}
