namespace Autograder.Reference.GradientDescent;

/// <summary>
/// Exercise 02, part 2: the sigmoid and the losses of classification, written so that they stay
/// finite for any input (a logit of 1000 included).
/// </summary>
public interface ILosses
{
    /// <summary><c>1 / (1 + e^(-a))</c>.</summary>
    double Sigmoid(double activation);

    /// <summary>
    /// Binary cross-entropy <c>-t log o - (1 - t) log(1 - o)</c> with <c>o = sigmoid(logit)</c>,
    /// computed from the logit so that it never takes the log of 0.
    /// </summary>
    double BinaryCrossEntropy(double logit, double target);

    /// <summary>The derivative of <see cref="BinaryCrossEntropy"/> with respect to the logit.</summary>
    double BinaryCrossEntropyGradient(double logit, double target);

    /// <summary><c>p_i = e^(z_i) / sum_j e^(z_j)</c> for one row of logits.</summary>
    double[] Softmax(double[] logits);

    /// <summary>
    /// Mean cross-entropy over rows: <c>-(1/N) sum_n log p[n, labels[n]]</c>, with <c>p</c> the
    /// softmax of each row of <paramref name="logits"/>.
    /// </summary>
    double CrossEntropy(double[][] logits, int[] labels);

    /// <summary>The gradient of <see cref="CrossEntropy"/> with respect to every logit.</summary>
    double[][] CrossEntropyGradient(double[][] logits, int[] labels);
}
