using Autograder.Reference.Perceptron;

namespace Exercises.Perceptron;

/// <summary>
/// Exercise 01: a perceptron with plain C# arrays. README.md in this folder explains the idea and
/// the checks; run them with `dotnet test --filter TestCategory=01-perceptron`.
/// </summary>
public sealed class Perceptron : IPerceptron
{
    /// <summary>1 when sum_i w_i x_i + bias >= 0, else 0.</summary>
    public int Predict(PerceptronWeights weights, double[] input)
    {
        throw new NotImplementedException("Perceptron.Predict is not implemented yet.");
    }

    /// <summary>
    /// The training rule on one example, in place:
    /// yhat = Predict(weights, input); w_i += eta (target - yhat) x_i; bias += eta (target - yhat).
    /// </summary>
    public void Update(PerceptronWeights weights, double[] input, int target, double learningRate)
    {
        throw new NotImplementedException("Perceptron.Update is not implemented yet.");
    }

    /// <summary>
    /// Epochs over the examples in the given order. In each epoch, count a mistake whenever
    /// Predict is wrong (before the update), and call Update on every example. Stop after an epoch
    /// without mistakes (converged) or after maxEpochs epochs (not converged).
    /// </summary>
    public PerceptronTraining Train(
        PerceptronWeights weights,
        IReadOnlyList<double[]> inputs,
        IReadOnlyList<int> targets,
        double learningRate,
        int maxEpochs)
    {
        throw new NotImplementedException("Perceptron.Train is not implemented yet.");
    }
}
