namespace Autograder.Checks.TorchSharpGpu;

/// <summary>
/// The four weights of a CircleNet, found by shape rather than by name or registration order, so
/// that nn.Sequential, other field names and another field order are all read the same way.
/// The checks compute logits and losses from these themselves: a number that comes from the
/// learner's Train, forward or Predict is compared with them, never trusted.
/// </summary>
internal sealed record CircleWeights(Tensor W1, Tensor B1, Tensor W2, Tensor B2)
{
    /// <summary>The learner's model's own parameters (live, not copies), or a failed check.</summary>
    public static CircleWeights Of(nn.Module<Tensor, Tensor> model, int inputs, int hidden)
    {
        TorchNetworkChecks.ExpectArchitecture(model, inputs, hidden);
        var parameters = model.parameters().Select(p => (Tensor)p).ToList();
        Tensor Find(params long[] shape) => parameters.First(p => p.shape.SequenceEqual(shape));
        return new CircleWeights(Find(hidden, inputs), Find(hidden), Find(1, hidden), Find(1));
    }

    /// <summary>Detached copies, in the check's hands.</summary>
    public CircleWeights Snapshot() => new(Copy(W1), Copy(B1), Copy(W2), Copy(B2));

    public IEnumerable<Tensor> All => [W1, B1, W2, B2];

    /// <summary>fc2(sigmoid(fc1(x))) computed by the check from the weights, without autograd.</summary>
    public Tensor Logits(Tensor x)
    {
        using var noGrad = torch.no_grad();
        using var hidden = torch.sigmoid(nn.functional.linear(x, W1, B1));
        return nn.functional.linear(hidden, W2, B2);
    }

    /// <summary>The mean binary cross-entropy of these weights on (x, y), computed by the check.</summary>
    public double Loss(Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        return nn.functional.binary_cross_entropy_with_logits(Logits(x), y).to(ScalarType.Float64).item<double>();
    }

    /// <summary>The largest absolute difference between these weights and <paramref name="other"/>'s.</summary>
    public double Distance(CircleWeights other)
    {
        using var scope = torch.NewDisposeScope();
        return All.Zip(other.All, (a, b) => (a.detach().to(ScalarType.Float64) - b.detach().to(ScalarType.Float64)).abs().max().item<double>()).Max();
    }

    private static Tensor Copy(Tensor tensor)
    {
        using var noGrad = torch.no_grad();
        return tensor.detach().clone();
    }
}
