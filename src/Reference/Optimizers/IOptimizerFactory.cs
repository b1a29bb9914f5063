using System.Collections.Generic;
using TorchSharp.Modules;

namespace Autograder.Reference.Optimizers;

/// <summary>
/// Exercise 05: optimisers written by hand over TorchSharp parameters. Each one keeps its own
/// state (velocities, moment estimates, a step count) for the parameters it was given and
/// updates them in place from their <c>.grad</c>, the way <c>torch.optim</c> does.
/// </summary>
public interface IOptimizerFactory
{
    /// <summary>
    /// Stochastic gradient descent with momentum <c>mu</c>, as <c>torch.optim.SGD</c> (no
    /// dampening, no weight decay). For each parameter <c>p</c> with gradient <c>g</c>:
    /// <code>
    /// b = g                 on the first step
    /// b = mu * b + g        on later steps
    /// d = g + mu * b        with Nesterov, else d = b
    /// p = p - lr * d
    /// </code>
    /// With <c>mu = 0</c> this is plain gradient descent, <c>p = p - lr * g</c>.
    /// </summary>
    IStepper CreateSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, bool nesterov = false);

    /// <summary>
    /// Adam, as <c>torch.optim.Adam</c> (no weight decay, no AMSGrad). For each parameter, at
    /// step <c>t = 1, 2, ...</c> (counting the steps in which that parameter had a gradient):
    /// <code>
    /// m = beta1 * m + (1 - beta1) * g              m starts at 0
    /// v = beta2 * v + (1 - beta2) * g * g          v starts at 0
    /// mHat = m / (1 - beta1^t)                     bias corrections
    /// vHat = v / (1 - beta2^t)
    /// p = p - lr * mHat / (sqrt(vHat) + eps)
    /// </code>
    /// </summary>
    IStepper CreateAdam(
        IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8);
}

/// <summary>One optimiser over a fixed set of parameters.</summary>
public interface IStepper
{
    /// <summary>
    /// Updates every parameter in place from its current <c>.grad</c> (a parameter without a
    /// gradient is left alone), without recording the update for autograd.
    /// </summary>
    void Step();

    /// <summary>Sets the gradient of every parameter to zero, ready for the next <c>backward()</c>.</summary>
    void ZeroGrad();
}
