using Autograder.Reference.Optimizers;

namespace Exercises.Optimizers;

/// <summary>
/// SGD with momentum: <c>b = g</c> on the first step, then <c>b = mu b + g</c>; the step is
/// <c>b</c>, or <c>g + mu b</c> with Nesterov; <c>p = p - lr * step</c>.
/// </summary>
public sealed class MomentumSgd(Parameter[] parameters, double learningRate, double momentum, bool nesterov) : IStepper
{
    // One velocity per parameter, created at its first step; they outlive every step's scope.
    private readonly Tensor?[] _velocities = new Tensor?[parameters.Length];

    /// <summary>Updates every parameter that has a gradient, in place, without autograd.</summary>
    public void Step()
    {
        using var noGrad = torch.no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            // Each .grad read gives a new handle: the scope disposes it and whatever the step makes.
            using var scope = torch.NewDisposeScope();
            var gradient = parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            var direction = gradient;
            if (momentum != 0)
            {
                if (_velocities[i] is { } velocity)
                {
                    velocity.mul_(momentum).add_(gradient);
                }
                else
                {
                    velocity = gradient.clone().DetachFromDisposeScope();
                    _velocities[i] = velocity;
                }

                direction = nesterov ? gradient.add(velocity, alpha: momentum) : velocity;
            }

            parameters[i].add_(direction, alpha: -learningRate);
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
