using System;
using Autograder.Reference.Data;

namespace Autograder.Reference.Perceptron;

/// <summary>
/// The weights of a perceptron: one per input, and a bias (the weight of an input that is always 1).
/// </summary>
public sealed class PerceptronWeights
{
    /// <summary>Wraps the given weights and bias (the array is used, not copied).</summary>
    public PerceptronWeights(double[] weights, double bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Weights = weights;
        Bias = bias;
    }

    /// <summary>One weight per input.</summary>
    public double[] Weights { get; }

    /// <summary>The bias.</summary>
    public double Bias { get; set; }

    /// <summary>Small random weights and bias, uniform in [-0.5, 0.5], from a seed.</summary>
    public static PerceptronWeights Random(int inputs, int seed)
    {
        var random = new SeededRandom(seed);
        var weights = new double[inputs];
        for (var i = 0; i < inputs; i++)
        {
            weights[i] = random.Uniform(-0.5, 0.5);
        }

        return new PerceptronWeights(weights, random.Uniform(-0.5, 0.5));
    }

    /// <summary>An independent copy.</summary>
    public PerceptronWeights Clone() => new((double[])Weights.Clone(), Bias);

    /// <inheritdoc />
    public override string ToString() => $"w = [{string.Join(", ", Weights)}], bias = {Bias}";
}

/// <summary>What <see cref="IPerceptron.Train"/> did.</summary>
/// <param name="Converged">True when the last epoch made no mistake.</param>
/// <param name="Epochs">How many epochs ran, the last one included.</param>
/// <param name="MistakesPerEpoch">Mistakes counted in each epoch, in order.</param>
public sealed record PerceptronTraining(bool Converged, int Epochs, int[] MistakesPerEpoch);
