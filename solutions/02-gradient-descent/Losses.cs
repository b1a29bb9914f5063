using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>
/// Exercise 02, part 2: the sigmoid, binary cross-entropy, softmax and cross-entropy, written so
/// that they stay finite and correct for any logit, 1000 included.
/// </summary>
public sealed class Losses : ILosses
{
    /// <summary>1 / (1 + e^(-a)), never evaluating e to a large positive power.</summary>
    public double Sigmoid(double activation)
    {
        if (activation >= 0)
        {
            return 1 / (1 + Math.Exp(-activation));
        }

        // For a < 0, e^(-a) could overflow; multiplying through by e^a keeps every power <= 0.
        var e = Math.Exp(activation);
        return e / (1 + e);
    }

    /// <summary>
    /// -t log o - (1 - t) log(1 - o) with o = sigmoid(z), rewritten in the logit as
    /// max(z, 0) - z t + log(1 + e^(-|z|)): no log of 0, no e to a large positive power.
    /// </summary>
    public double BinaryCrossEntropy(double logit, double target) =>
        Math.Max(logit, 0) - (logit * target) + Math.Log(1 + Math.Exp(-Math.Abs(logit)));

    /// <summary>dE/dz = sigmoid(z) - t: the 1/o and 1/(1 - o) of the chain rule cancel against sigmoid'.</summary>
    public double BinaryCrossEntropyGradient(double logit, double target) => Sigmoid(logit) - target;

    /// <summary>p_i = e^(z_i - m) / sum_j e^(z_j - m) with m = max_j z_j, which changes nothing but keeps every power <= 0.</summary>
    public double[] Softmax(double[] logits)
    {
        var max = Max(logits);
        var probabilities = new double[logits.Length];
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] = Math.Exp(logits[i] - max);
            sum += probabilities[i];
        }

        for (var i = 0; i < logits.Length; i++)
        {
            probabilities[i] /= sum;
        }

        return probabilities;
    }

    /// <summary>
    /// -(1/N) sum_n log p[n, label_n], with log p_k = z_k - m - log sum_j e^(z_j - m): taking
    /// the log of the softmax would give log 0 = -infinity once p_k underflows.
    /// </summary>
    public double CrossEntropy(double[][] logits, int[] labels)
    {
        var total = 0.0;
        for (var n = 0; n < logits.Length; n++)
        {
            var row = logits[n];
            var max = Max(row);
            var sum = 0.0;
            foreach (var z in row)
            {
                sum += Math.Exp(z - max);
            }

            total += max + Math.Log(sum) - row[labels[n]];
        }

        return total / logits.Length;
    }

    /// <summary>dE/dz[n, k] = (p[n, k] - [k == label_n]) / N.</summary>
    public double[][] CrossEntropyGradient(double[][] logits, int[] labels)
    {
        var count = logits.Length;
        var gradient = new double[count][];
        for (var n = 0; n < count; n++)
        {
            var row = Softmax(logits[n]);
            row[labels[n]] -= 1;
            for (var k = 0; k < row.Length; k++)
            {
                row[k] /= count;
            }

            gradient[n] = row;
        }

        return gradient;
    }

    private static double Max(double[] values)
    {
        var max = double.NegativeInfinity;
        foreach (var value in values)
        {
            max = Math.Max(max, value);
        }

        return max;
    }
}
