using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>
/// Exercise 02, part 1: a linear unit a = w·x fitted by batch gradient descent on the squared
/// error. README.md in this folder explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=02-gradient-descent`.
/// </summary>
public sealed class LinearRegression : ILinearRegression
{
    /// <summary>E(w) = 1/2 sum over examples (y - a)^2, with a = sum_i w_i x_i.</summary>
    public double Error(double[] weights, double[][] inputs, double[] targets)
    {
        throw new NotImplementedException("LinearRegression.Error is not implemented yet.");
    }

    /// <summary>The gradient of Error: one partial derivative dE/dw_i per weight.</summary>
    public double[] Gradient(double[] weights, double[][] inputs, double[] targets)
    {
        throw new NotImplementedException("LinearRegression.Gradient is not implemented yet.");
    }

    /// <summary>One step of batch gradient descent: a new array w - eta * grad E(w).</summary>
    public double[] Step(double[] weights, double[][] inputs, double[] targets, double learningRate)
    {
        throw new NotImplementedException("LinearRegression.Step is not implemented yet.");
    }

    /// <summary>Starts from all-zero weights (one per column of the inputs) and takes <paramref name="steps"/> steps.</summary>
    public double[] Train(double[][] inputs, double[] targets, double learningRate, int steps)
    {
        throw new NotImplementedException("LinearRegression.Train is not implemented yet.");
    }
}
