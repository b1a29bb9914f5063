using System;
using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>Loops over weights outside and examples inside; the step updates a copy in place.</summary>
public sealed class LinearRegression : ILinearRegression
{
    public double Error(double[] weights, double[][] inputs, double[] targets)
    {
        var total = 0.0;
        for (var n = inputs.Length - 1; n >= 0; n--)
        {
            var d = Predict(weights, inputs[n]) - targets[n];
            total += 0.5 * d * d;
        }

        return total;
    }

    public double[] Gradient(double[] weights, double[][] inputs, double[] targets)
    {
        var a = new double[inputs.Length];
        for (var n = 0; n < inputs.Length; n++)
        {
            a[n] = Predict(weights, inputs[n]);
        }

        var g = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            for (var n = 0; n < inputs.Length; n++)
            {
                g[i] += (a[n] - targets[n]) * inputs[n][i];
            }
        }

        return g;
    }

    public double[] Step(double[] weights, double[][] inputs, double[] targets, double learningRate)
    {
        var next = (double[])weights.Clone();
        var g = Gradient(weights, inputs, targets);
        for (var i = 0; i < next.Length; i++)
        {
            next[i] -= learningRate * g[i];
        }

        return next;
    }

    public double[] Train(double[][] inputs, double[] targets, double learningRate, int steps)
    {
        var w = new double[inputs[0].Length];
        var left = steps;
        while (left-- > 0)
        {
            w = Step(w, inputs, targets, learningRate);
        }

        return w;
    }

    private static double Predict(double[] w, double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < w.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }
}
