using Autograder.Reference.Optimizers;

namespace Exercises.Optimizers;

/// <summary>
/// SGD with momentum: <c>b = g</c> on the first step, then <c>b = mu b + g</c>; the step is
/// <c>b</c>, or <c>g + mu b</c> with Nesterov; <c>p = p - lr * step</c>.
/// </summary>
public sealed class MomentumSgd : IStepper
{
    /// <summary>Keeps the parameters and the settings; each velocity is made at its parameter's first step.</summary>
    public MomentumSgd(Parameter[] parameters, double learningRate, double momentum, bool nesterov)
    {
        // Keep what Step needs in fields: the parameters, the settings, and room for the state.
    }

    /// <summary>Updates every parameter that has a gradient, in place, inside torch.no_grad().</summary>
    public void Step()
    {
        throw new NotImplementedException("MomentumSgd.Step is not implemented yet.");
    }

    /// <summary>Sets every existing gradient to zero.</summary>
    public void ZeroGrad()
    {
        throw new NotImplementedException("MomentumSgd.ZeroGrad is not implemented yet.");
    }
}
