using System;
using System.Linq;
using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>No mathematics: every row shares its probability evenly, every loss is 0.</summary>
public sealed class Losses : ILosses
{
    public double Sigmoid(double activation) => activation >= 0 ? 1 : 0;

    public double BinaryCrossEntropy(double logit, double target) => 0;

    public double BinaryCrossEntropyGradient(double logit, double target) => 0;

    public double[] Softmax(double[] logits) => [.. logits.Select(_ => 1.0 / logits.Length)];

    public double CrossEntropy(double[][] logits, int[] labels) => 0;

    public double[][] CrossEntropyGradient(double[][] logits, int[] labels) => [.. logits.Select(row => new double[row.Length])];
}
