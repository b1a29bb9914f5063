using System;
using Autograder.Reference.Data;

namespace Autograder.Reference.Backprop;

/// <summary>
/// The parameters of the exercise 03 network, also used for their gradients and velocities
/// (same shapes). <c>W1[j, i]</c> connects input <c>i</c> to hidden unit <c>j</c>.
/// </summary>
public sealed class NetworkParameters
{
    /// <summary>All-zero parameters for a network with the given sizes.</summary>
    public NetworkParameters(int inputs, int hidden)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        W1 = new double[hidden, inputs];
        B1 = new double[hidden];
        W2 = new double[hidden];
    }

    /// <summary>Number of inputs.</summary>
    public int Inputs => W1.GetLength(1);

    /// <summary>Number of hidden units.</summary>
    public int Hidden => W1.GetLength(0);

    /// <summary>Input-to-hidden weights, <c>[hidden, inputs]</c>.</summary>
    public double[,] W1 { get; }

    /// <summary>Hidden biases.</summary>
    public double[] B1 { get; }

    /// <summary>Hidden-to-output weights.</summary>
    public double[] W2 { get; }

    /// <summary>Output bias.</summary>
    public double B2 { get; set; }

    /// <summary>
    /// Random initial parameters: weights uniform in <c>+-1/sqrt(fan-in)</c>, biases zero, drawn
    /// from <paramref name="seed"/> in the order W1 (row by row), then W2.
    /// </summary>
    public static NetworkParameters Random(int inputs, int hidden, int seed)
    {
        var random = new SeededRandom(seed);
        var parameters = new NetworkParameters(inputs, hidden);
        var limit1 = 1 / Math.Sqrt(inputs);
        for (var j = 0; j < hidden; j++)
        {
            for (var i = 0; i < inputs; i++)
            {
                parameters.W1[j, i] = random.Uniform(-limit1, limit1);
            }
        }

        var limit2 = 1 / Math.Sqrt(hidden);
        for (var j = 0; j < hidden; j++)
        {
            parameters.W2[j] = random.Uniform(-limit2, limit2);
        }

        return parameters;
    }

    /// <summary>Zeros with the shapes of this network: a fresh gradient or velocity.</summary>
    public NetworkParameters ZerosLike() => new(Inputs, Hidden);

    /// <summary>An independent copy.</summary>
    public NetworkParameters Clone()
    {
        var copy = new NetworkParameters(Inputs, Hidden) { B2 = B2 };
        Array.Copy(W1, copy.W1, W1.Length);
        Array.Copy(B1, copy.B1, B1.Length);
        Array.Copy(W2, copy.W2, W2.Length);
        return copy;
    }
}
