using System;
using System.Linq;
using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>Softplus and log-sum-exp written out, in LINQ.</summary>
public sealed class Losses : ILosses
{
    public double Sigmoid(double activation) =>
        activation >= 0 ? 1 / (1 + Math.Exp(-activation)) : Math.Exp(activation) / (1 + Math.Exp(activation));

    // -t log o - (1 - t) log(1 - o) = t softplus(-z) + (1 - t) softplus(z).
    public double BinaryCrossEntropy(double logit, double target) =>
        (target * Softplus(-logit)) + ((1 - target) * Softplus(logit));

    public double BinaryCrossEntropyGradient(double logit, double target) => Sigmoid(logit) - target;

    public double[] Softmax(double[] logits)
    {
        var lse = LogSumExp(logits);
        return [.. logits.Select(z => Math.Exp(z - lse))];
    }

    public double CrossEntropy(double[][] logits, int[] labels) =>
        logits.Select((row, n) => LogSumExp(row) - row[labels[n]]).Average();

    public double[][] CrossEntropyGradient(double[][] logits, int[] labels) =>
        [.. logits.Select((row, n) => Softmax(row).Select((p, k) => (p - (k == labels[n] ? 1 : 0)) / logits.Length).ToArray())];

    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    private static double LogSumExp(double[] row)
    {
        var m = row.Max();
        return m + Math.Log(row.Sum(z => Math.Exp(z - m)));
    }
}
