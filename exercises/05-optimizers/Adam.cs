using Autograder.Reference.Optimizers;

namespace Exercises.Optimizers;

/// <summary>
/// Adam: running averages of the gradient (<c>m</c>) and of its square (<c>v</c>), both
/// corrected for starting at zero, and a step of <c>lr * mHat / (sqrt(vHat) + eps)</c>.
/// </summary>
public sealed class Adam : IStepper
{
    /// <summary>Keeps the parameters and the settings; m, v and a step count per parameter start at its first step.</summary>
    public Adam(Parameter[] parameters, double learningRate, double beta1, double beta2, double epsilon)
    {
        // Keep what Step needs in fields: the parameters, the settings, and room for the state.
    }

    /// <summary>Updates every parameter that has a gradient, in place, inside torch.no_grad().</summary>
    public void Step()
    {
        throw new NotImplementedException("Adam.Step is not implemented yet.");
    }

    /// <summary>Sets every existing gradient to zero.</summary>
    public void ZeroGrad()
    {
        throw new NotImplementedException("Adam.ZeroGrad is not implemented yet.");
    }
}
