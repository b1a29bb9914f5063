using Autograder.Reference.Optimizers;

namespace Exercises.Optimizers;

/// <summary>
/// Adam: running averages of the gradient (<c>m</c>) and of its square (<c>v</c>), both
/// corrected for starting at zero, and a step of <c>lr * mHat / (sqrt(vHat) + eps)</c>.
/// </summary>
public sealed class Adam(Parameter[] parameters, double learningRate, double beta1, double beta2, double epsilon) : IStepper
{
    private readonly Tensor?[] _means = new Tensor?[parameters.Length];
    private readonly Tensor?[] _squares = new Tensor?[parameters.Length];

    // Per parameter, as torch.optim counts: a parameter without a gradient does not step.
    private readonly int[] _steps = new int[parameters.Length];

    /// <summary>Updates every parameter that has a gradient, in place, without autograd.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            using var scope = torch.NewDisposeScope();
            var gradient = parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            var m = _means[i] ??= torch.zeros_like(gradient).DetachFromDisposeScope();
            var v = _squares[i] ??= torch.zeros_like(gradient).DetachFromDisposeScope();
            var t = ++_steps[i];
            m.mul_(beta1).add_(gradient, alpha: 1 - beta1);
            v.mul_(beta2).addcmul_(gradient, gradient, value: 1 - beta2);

            // Both averages start at 0, so early on they are too small by the factor 1 - beta^t.
            var mHat = m / (1 - Math.Pow(beta1, t));
            var vHat = v / (1 - Math.Pow(beta2, t));
            parameters[i].add_(mHat / (vHat.sqrt() + epsilon), alpha: -learningRate);
        }
    }

    /// <summary>Sets every existing gradient to zero.</summary>
    public void ZeroGrad()
    {
        // zero_() hands back one more handle per call: the scope disposes those too.
        using var scope = torch.NewDisposeScope();
        foreach (var parameter in parameters)
        {
            parameter.grad?.zero_();
        }
    }
}
