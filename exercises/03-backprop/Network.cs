using Autograder.Reference.Backprop;
using Autograder.Reference.Data;

namespace Exercises.Backprop;

/// <summary>
/// Exercise 03: a network with one hidden layer of sigmoid units, its forward and backward pass
/// written by hand, trained with mini-batch gradient descent and momentum. README.md in this
/// folder explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=03-backprop`.
/// </summary>
public sealed class Network : INetwork
{
    /// <summary>h = sigmoid(W1 x + B1) and o = sigmoid(W2 . h + B2) for every row of inputs.</summary>
    public ForwardPass Forward(NetworkParameters parameters, double[][] inputs)
    {
        throw new NotImplementedException("Network.Forward is not implemented yet.");
    }

    /// <summary>The mean over examples of -y log o - (1 - y) log(1 - o).</summary>
    public double Loss(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        throw new NotImplementedException("Network.Loss is not implemented yet.");
    }

    /// <summary>The gradient of Loss with respect to every parameter, by the chain rule.</summary>
    public NetworkParameters Backward(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        throw new NotImplementedException("Network.Backward is not implemented yet.");
    }

    /// <summary>v = momentum v - learningRate g, then p = p + v, for every parameter, in place.</summary>
    public void MomentumStep(
        NetworkParameters parameters,
        NetworkParameters gradient,
        NetworkParameters velocity,
        double learningRate,
        double momentum)
    {
        throw new NotImplementedException("Network.MomentumStep is not implemented yet.");
    }

    /// <summary>
    /// Mini-batch gradient descent with momentum from NetworkParameters.Random: in every epoch the
    /// examples in a new random order, cut into batches of options.BatchSize (the last one may be
    /// smaller), one Backward and one MomentumStep per batch.
    /// </summary>
    public NetworkParameters Train(double[][] inputs, double[] targets, TrainingOptions options)
    {
        throw new NotImplementedException("Network.Train is not implemented yet.");
    }
}
