using System;
using System.Linq;
using Autograder.Reference.Backprop;
using Autograder.Reference.Data;

namespace Exercises.Backprop;

/// <summary>
/// Works on a copy of W1 transposed to [input][hidden], loops inputs outside and hidden units
/// inside, accumulates the gradient example by example, and shuffles with its own Fisher-Yates.
/// </summary>
public sealed class Network : INetwork
{
    public ForwardPass Forward(NetworkParameters parameters, double[][] inputs)
    {
        var hidden = new double[inputs.Length][];
        var output = new double[inputs.Length];
        for (var n = 0; n < inputs.Length; n++)
        {
            (hidden[n], var z) = Pass(parameters, Transposed(parameters), inputs[n]);
            output[n] = Sigmoid(z);
        }

        return new ForwardPass(hidden, output);
    }

    public double Loss(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        var t = Transposed(parameters);
        var sum = 0.0;
        for (var n = 0; n < inputs.Length; n++)
        {
            var (_, z) = Pass(parameters, t, inputs[n]);
            // log(1 + e^z) - y z, with log(1 + e^z) = max(z, 0) + log(1 + e^-|z|).
            sum += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - (targets[n] * z);
        }

        return sum / inputs.Length;
    }

    public NetworkParameters Backward(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        var g = parameters.ZerosLike();
        var t = Transposed(parameters);
        var count = inputs.Length;
        for (var n = 0; n < count; n++)
        {
            var (h, z) = Pass(parameters, t, inputs[n]);
            var delta = (Sigmoid(z) - targets[n]) / count;
            g.B2 += delta;
            for (var j = 0; j < h.Length; j++)
            {
                g.W2[j] += delta * h[j];
                var deltaJ = delta * parameters.W2[j] * h[j] * (1 - h[j]);
                g.B1[j] += deltaJ;
                for (var i = 0; i < inputs[n].Length; i++)
                {
                    g.W1[j, i] += deltaJ * inputs[n][i];
                }
            }
        }

        return g;
    }

    public void MomentumStep(NetworkParameters parameters, NetworkParameters gradient, NetworkParameters velocity, double learningRate, double momentum)
    {
        static double Move(ref double v, double g, double eta, double mu)
        {
            v = (mu * v) - (eta * g);
            return v;
        }

        var b2 = velocity.B2;
        parameters.B2 += Move(ref b2, gradient.B2, learningRate, momentum);
        velocity.B2 = b2;
        for (var j = 0; j < parameters.Hidden; j++)
        {
            parameters.W2[j] += Move(ref velocity.W2[j], gradient.W2[j], learningRate, momentum);
            parameters.B1[j] += Move(ref velocity.B1[j], gradient.B1[j], learningRate, momentum);
            for (var i = 0; i < parameters.Inputs; i++)
            {
                parameters.W1[j, i] += Move(ref velocity.W1[j, i], gradient.W1[j, i], learningRate, momentum);
            }
        }
    }

    public NetworkParameters Train(double[][] inputs, double[] targets, TrainingOptions options)
    {
        var p = NetworkParameters.Random(inputs[0].Length, options.Hidden, options.Seed);
        var v = p.ZerosLike();
        var random = new SeededRandom(options.Seed + 17);
        var order = Enumerable.Range(0, inputs.Length).ToArray();
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var k = order.Length - 1; k > 0; k--)
            {
                var swap = random.NextInt(k + 1);
                (order[k], order[swap]) = (order[swap], order[k]);
            }

            foreach (var batch in order.Chunk(options.BatchSize))
            {
                var g = Backward(p, [.. batch.Select(n => inputs[n])], [.. batch.Select(n => targets[n])]);
                MomentumStep(p, g, v, options.LearningRate, options.Momentum);
            }
        }

        return p;
    }

    private static double[][] Transposed(NetworkParameters p)
    {
        var t = new double[p.Inputs][];
        for (var i = 0; i < p.Inputs; i++)
        {
            t[i] = new double[p.Hidden];
            for (var j = 0; j < p.Hidden; j++)
            {
                t[i][j] = p.W1[j, i];
            }
        }

        return t;
    }

    private static (double[] Hidden, double Logit) Pass(NetworkParameters p, double[][] t, double[] x)
    {
        var a = (double[])p.B1.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < a.Length; j++)
            {
                a[j] += t[i][j] * x[i];
            }
        }

        var h = a.Select(Sigmoid).ToArray();
        return (h, p.B2 + h.Zip(p.W2, (hj, wj) => hj * wj).Sum());
    }

    private static double Sigmoid(double a) => a >= 0 ? 1 / (1 + Math.Exp(-a)) : Math.Exp(a) / (1 + Math.Exp(a));
}
