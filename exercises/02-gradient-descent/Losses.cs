using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>
/// Exercise 02, part 2: the sigmoid, binary cross-entropy, softmax and cross-entropy, written so
/// that they stay finite and correct for any logit, 1000 included.
/// </summary>
public sealed class Losses : ILosses
{
    /// <summary>1 / (1 + e^(-a)).</summary>
    public double Sigmoid(double activation)
    {
        throw new NotImplementedException("Losses.Sigmoid is not implemented yet.");
    }

    /// <summary>-t log o - (1 - t) log(1 - o) with o = sigmoid(z), computed from the logit z so that it stays finite.</summary>
    public double BinaryCrossEntropy(double logit, double target)
    {
        throw new NotImplementedException("Losses.BinaryCrossEntropy is not implemented yet.");
    }

    /// <summary>The derivative of BinaryCrossEntropy with respect to the logit z.</summary>
    public double BinaryCrossEntropyGradient(double logit, double target)
    {
        throw new NotImplementedException("Losses.BinaryCrossEntropyGradient is not implemented yet.");
    }

    /// <summary>p_i = e^(z_i) / sum_j e^(z_j) for one row of logits, finite for any logits.</summary>
    public double[] Softmax(double[] logits)
    {
        throw new NotImplementedException("Losses.Softmax is not implemented yet.");
    }

    /// <summary>Mean over rows of -log p[n, labels[n]], with p the softmax of each row.</summary>
    public double CrossEntropy(double[][] logits, int[] labels)
    {
        throw new NotImplementedException("Losses.CrossEntropy is not implemented yet.");
    }

    /// <summary>The gradient of CrossEntropy with respect to every logit.</summary>
    public double[][] CrossEntropyGradient(double[][] logits, int[] labels)
    {
        throw new NotImplementedException("Losses.CrossEntropyGradient is not implemented yet.");
    }
}
