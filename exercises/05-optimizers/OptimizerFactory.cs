using Autograder.Reference.Optimizers;

namespace Exercises.Optimizers;

/// <summary>
/// Exercise 05: SGD with momentum (and Nesterov) and Adam, written by hand over TorchSharp
/// parameters. README.md in this folder explains the idea and the checks; run them with
/// `dotnet test tests/Course.Tests --filter TestCategory=05-optimizers`.
/// </summary>
public sealed class OptimizerFactory : IOptimizerFactory
{
    /// <summary>SGD with momentum <paramref name="momentum"/>, optionally Nesterov's variant.</summary>
    public IStepper CreateSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, bool nesterov = false) =>
        new MomentumSgd([.. parameters], learningRate, momentum, nesterov);

    /// <summary>Adam with bias-corrected moment estimates.</summary>
    public IStepper CreateAdam(
        IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) =>
        new Adam([.. parameters], learningRate, beta1, beta2, epsilon);
}
