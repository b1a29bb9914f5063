using System.Linq;
using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>Vector style: residuals r = Xw - y, E = r.r / 2, grad E = X^T r.</summary>
public sealed class LinearRegression : ILinearRegression
{
    public double Error(double[] weights, double[][] inputs, double[] targets)
    {
        var r = Residuals(weights, inputs, targets);
        return r.Sum(v => v * v) / 2;
    }

    public double[] Gradient(double[] weights, double[][] inputs, double[] targets)
    {
        var r = Residuals(weights, inputs, targets);
        return [.. Enumerable.Range(0, weights.Length).Select(i => inputs.Select((x, n) => x[i] * r[n]).Sum())];
    }

    public double[] Step(double[] weights, double[][] inputs, double[] targets, double learningRate) =>
        [.. weights.Zip(Gradient(weights, inputs, targets), (w, g) => w - (learningRate * g))];

    public double[] Train(double[][] inputs, double[] targets, double learningRate, int steps) =>
        Enumerable.Range(0, steps).Aggregate(new double[inputs[0].Length], (w, _) => Step(w, inputs, targets, learningRate));

    private static double[] Residuals(double[] weights, double[][] inputs, double[] targets) =>
        [.. inputs.Select((x, n) => x.Zip(weights, (xi, wi) => xi * wi).Sum() - targets[n])];
}
