namespace Autograder.Reference.Backprop;

/// <summary>
/// Exercise 03: a network with one hidden layer of sigmoid units and one sigmoid output, trained
/// on the mean binary cross-entropy with a forward and backward pass written by hand.
/// <code>
/// h = sigmoid(W1 x + B1)        hidden activations, one per hidden unit
/// o = sigmoid(W2 . h + B2)      output, the probability of class 1
/// E = mean over examples of -y log o - (1 - y) log(1 - o)
/// </code>
/// </summary>
public interface INetwork
{
    /// <summary>Hidden activations and output for every row of <paramref name="inputs"/>.</summary>
    ForwardPass Forward(NetworkParameters parameters, double[][] inputs);

    /// <summary>The mean binary cross-entropy <c>E</c> over the examples.</summary>
    double Loss(NetworkParameters parameters, double[][] inputs, double[] targets);

    /// <summary>The gradient of <see cref="Loss"/>: one entry per parameter, same shapes.</summary>
    NetworkParameters Backward(NetworkParameters parameters, double[][] inputs, double[] targets);

    /// <summary>
    /// One step of gradient descent with momentum, in place, for every parameter <c>p</c>:
    /// <c>v = momentum * v - learningRate * g</c>, then <c>p = p + v</c>.
    /// </summary>
    void MomentumStep(
        NetworkParameters parameters,
        NetworkParameters gradient,
        NetworkParameters velocity,
        double learningRate,
        double momentum);

    /// <summary>
    /// Trains a fresh network, <c>NetworkParameters.Random(inputs, options.Hidden, options.Seed)</c>,
    /// for <c>options.Epochs</c> epochs of mini-batches, and returns its parameters.
    /// </summary>
    NetworkParameters Train(double[][] inputs, double[] targets, TrainingOptions options);
}

/// <summary>What <see cref="INetwork.Forward"/> computes.</summary>
/// <param name="Hidden">Hidden activations, <c>[example][hidden unit]</c>.</param>
/// <param name="Output">The output for each example, between 0 and 1.</param>
public sealed record ForwardPass(double[][] Hidden, double[] Output);

/// <summary>How <see cref="INetwork.Train"/> trains.</summary>
/// <param name="Hidden">Number of hidden units.</param>
/// <param name="LearningRate">Step size <c>eta</c>.</param>
/// <param name="Momentum">Momentum <c>mu</c>, 0 for plain gradient descent.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="BatchSize">Examples per step.</param>
/// <param name="Seed">Seed of the initial weights and of the order of examples in each epoch.</param>
public sealed record TrainingOptions(
    int Hidden, double LearningRate, double Momentum, int Epochs, int BatchSize, int Seed);
