using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.Perceptron;

namespace Exercises.Perceptrons;

/// <summary>An online perceptron written with LINQ, epochs counted down from the cap.</summary>
public sealed class Perceptron : IPerceptron
{
    public int Predict(PerceptronWeights weights, double[] input) =>
        weights.Weights.Zip(input, (w, x) => w * x).Sum() + weights.Bias >= 0 ? 1 : 0;

    public void Update(PerceptronWeights weights, double[] input, int target, double learningRate)
    {
        var error = target - Predict(weights, input);
        if (error == 0)
        {
            return;
        }

        foreach (var i in Enumerable.Range(0, input.Length))
        {
            weights.Weights[i] += learningRate * error * input[i];
        }

        weights.Bias += learningRate * error;
    }

    public PerceptronTraining Train(
        PerceptronWeights weights, IReadOnlyList<double[]> inputs, IReadOnlyList<int> targets, double learningRate, int maxEpochs)
    {
        var history = new List<int>();
        var left = maxEpochs;
        bool clean;
        do
        {
            var wrong = 0;
            foreach (var (x, y) in inputs.Zip(targets))
            {
                wrong += Predict(weights, x) == y ? 0 : 1;
                Update(weights, x, y, learningRate);
            }

            history.Add(wrong);
            clean = wrong == 0;
            left--;
        }
        while (!clean && left > 0);

        return new PerceptronTraining(clean, history.Count, history.ToArray());
    }
}
