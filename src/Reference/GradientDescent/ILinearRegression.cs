namespace Autograder.Reference.GradientDescent;

/// <summary>
/// Exercise 02, part 1: a linear unit <c>a = sum_i w_i x_i</c> fitted by batch gradient descent
/// on the squared error. Every input row starts with a constant 1, so <c>w[0]</c> is the bias.
/// </summary>
public interface ILinearRegression
{
    /// <summary>The squared error <c>E(w) = 1/2 sum over examples (y - a)^2</c>.</summary>
    double Error(double[] weights, double[][] inputs, double[] targets);

    /// <summary>The gradient of <see cref="Error"/>: one partial derivative per weight.</summary>
    double[] Gradient(double[] weights, double[][] inputs, double[] targets);

    /// <summary>One step of batch gradient descent: a new array <c>w - eta * grad E(w)</c>.</summary>
    double[] Step(double[] weights, double[][] inputs, double[] targets, double learningRate);

    /// <summary>Starts from all-zero weights and takes <paramref name="steps"/> steps.</summary>
    double[] Train(double[][] inputs, double[] targets, double learningRate, int steps);
}
