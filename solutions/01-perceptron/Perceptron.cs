using Autograder.Reference.Perceptron;

namespace Exercises.Perceptron;

/// <summary>
/// Exercise 01: a perceptron with plain C# arrays. README.md in exercises/01-perceptron/ explains the idea and
/// the checks; run them with `dotnet test --filter TestCategory=01-perceptron`.
/// </summary>
public sealed class Perceptron : IPerceptron
{
    /// <summary>1 when sum_i w_i x_i + bias >= 0, else 0.</summary>
    public int Predict(PerceptronWeights weights, double[] input)
    {
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
        var mistakes = new List<int>();
        while (mistakes.Count < maxEpochs)
        {
            var epochMistakes = 0;
            for (var n = 0; n < inputs.Count; n++)
            {
                if (Predict(weights, inputs[n]) != targets[n])
                {
                    epochMistakes++;
                }

                Update(weights, inputs[n], targets[n], learningRate);
            }

            mistakes.Add(epochMistakes);
            if (epochMistakes == 0)
            {
                return new PerceptronTraining(true, mistakes.Count, [.. mistakes]);
            }
        }

        return new PerceptronTraining(false, mistakes.Count, [.. mistakes]);
    }
}
