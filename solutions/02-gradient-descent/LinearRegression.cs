using Autograder.Reference.GradientDescent;

namespace Exercises.GradientDescent;

/// <summary>
/// Exercise 02, part 1: a linear unit a = w·x fitted by batch gradient descent on the squared
/// error. README.md in exercises/02-gradient-descent/ explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=02-gradient-descent`.
/// </summary>
public sealed class LinearRegression : ILinearRegression
{
    /// <summary>E(w) = 1/2 sum over examples (y - a)^2, with a = sum_i w_i x_i.</summary>
    public double Error(double[] weights, double[][] inputs, double[] targets)
    {
        var error = 0.0;
        for (var n = 0; n < inputs.Length; n++)
        {
            var residual = targets[n] - Activation(weights, inputs[n]);
            error += residual * residual;
        }

        return 0.5 * error;
    }

    /// <summary>dE/dw_i = -sum over examples (y - a) x_i: one partial derivative per weight.</summary>
    public double[] Gradient(double[] weights, double[][] inputs, double[] targets)
    {
        var gradient = new double[weights.Length];
        for (var n = 0; n < inputs.Length; n++)
        {
            var residual = targets[n] - Activation(weights, inputs[n]);
            for (var i = 0; i < weights.Length; i++)
            {
                gradient[i] -= residual * inputs[n][i];
            }
        }

        return gradient;
    }

    /// <summary>One step of batch gradient descent: a new array w - eta * grad E(w).</summary>
    public double[] Step(double[] weights, double[][] inputs, double[] targets, double learningRate)
    {
        var gradient = Gradient(weights, inputs, targets);
        var next = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            next[i] = weights[i] - (learningRate * gradient[i]);
        }

        return next;
    }

    /// <summary>Starts from all-zero weights (one per column of the inputs) and takes <paramref name="steps"/> steps.</summary>
    public double[] Train(double[][] inputs, double[] targets, double learningRate, int steps)
    {
        var weights = new double[inputs[0].Length];
        for (var step = 0; step < steps; step++)
        {
            weights = Step(weights, inputs, targets, learningRate);
        }

        return weights;
    }

    private static double Activation(double[] weights, double[] input)
    {
        var activation = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            activation += weights[i] * input[i];
        }

        return activation;
    }
}
