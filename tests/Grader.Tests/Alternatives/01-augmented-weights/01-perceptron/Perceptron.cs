using System;
using System.Collections.Generic;
using Autograder.Reference.Perceptron;

namespace Exercises.Perceptrons;

/// <summary>The bias as the weight of an extra input fixed at 1, with an index loop from the end.</summary>
public sealed class Perceptron : IPerceptron
{
    public int Predict(PerceptronWeights weights, double[] input)
    {
        var sum = 0.0;
        for (var i = input.Length; i >= 0; i--)
        {
            sum += Weight(weights, i) * (i == input.Length ? 1.0 : input[i]);
        }

        return sum < 0 ? 0 : 1;
    }

    public void Update(PerceptronWeights weights, double[] input, int target, double learningRate)
    {
        var yhat = Predict(weights, input);
        var scale = learningRate * (target - yhat);
        for (var i = input.Length; i >= 0; i--)
        {
            var x = i == input.Length ? 1.0 : input[i];
            if (i == input.Length)
            {
                weights.Bias += scale * x;
            }
            else
            {
                weights.Weights[i] += scale * x;
            }
        }
    }

    public PerceptronTraining Train(
        PerceptronWeights weights, IReadOnlyList<double[]> inputs, IReadOnlyList<int> targets, double learningRate, int maxEpochs)
    {
        var counts = new int[Math.Max(maxEpochs, 0)];
        for (var epoch = 1; epoch <= maxEpochs; epoch++)
        {
            for (var n = 0; n < inputs.Count; n++)
            {
                if (Predict(weights, inputs[n]) != targets[n])
                {
                    counts[epoch - 1]++;
                    Update(weights, inputs[n], targets[n], learningRate);
                }
            }

            if (counts[epoch - 1] == 0)
            {
                return new PerceptronTraining(true, epoch, counts[..epoch]);
            }
        }

        return new PerceptronTraining(false, maxEpochs, counts);
    }

    private static double Weight(PerceptronWeights weights, int i) => i == weights.Weights.Length ? weights.Bias : weights.Weights[i];
}
