using Autograder.Reference.Backprop;
using Autograder.Reference.Data;

namespace Exercises.Backprop;

/// <summary>
/// Exercise 03: a network with one hidden layer of sigmoid units, its forward and backward pass
/// written by hand, trained with mini-batch gradient descent and momentum. README.md in
/// exercises/03-backprop/ explains the idea and the checks; run them with
/// `dotnet test --filter TestCategory=03-backprop`.
/// </summary>
public sealed class Network : INetwork
{
    /// <summary>h = sigmoid(W1 x + B1) and o = sigmoid(W2 . h + B2) for every row of inputs.</summary>
    public ForwardPass Forward(NetworkParameters parameters, double[][] inputs)
    {
        var hidden = new double[inputs.Length][];
        var output = new double[inputs.Length];
        for (var n = 0; n < inputs.Length; n++)
        {
            hidden[n] = HiddenLayer(parameters, inputs[n]);
            output[n] = Sigmoid(OutputLogit(parameters, hidden[n]));
        }

        return new ForwardPass(hidden, output);
    }

    /// <summary>The mean over examples of -y log o - (1 - y) log(1 - o).</summary>
    public double Loss(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        var sum = 0.0;
        for (var n = 0; n < inputs.Length; n++)
        {
            var z = OutputLogit(parameters, HiddenLayer(parameters, inputs[n]));
            // With o = sigmoid(z), -y log o - (1 - y) log(1 - o) = log(1 + e^z) - y z. Taking the log
            // of o would give log(0) = -infinity once o rounds to 0 or 1 (|z| beyond about 37);
            // the softplus form never leaves the logit and stays exact there.
            sum += Softplus(z) - (targets[n] * z);
        }

        return sum / inputs.Length;
    }

    /// <summary>The gradient of Loss with respect to every parameter, by the chain rule.</summary>
    public NetworkParameters Backward(NetworkParameters parameters, double[][] inputs, double[] targets)
    {
        var gradient = parameters.ZerosLike();
        var count = inputs.Length;
        for (var n = 0; n < count; n++)
        {
            var x = inputs[n];
            var h = HiddenLayer(parameters, x);
            var o = Sigmoid(OutputLogit(parameters, h));

            // dE/dz for the output logit: the sigmoid's derivative o (1 - o) cancels against the
            // cross-entropy's 1 / (o (1 - o)), leaving o - y; 1/count because E is a mean.
            var outputDelta = (o - targets[n]) / count;
            gradient.B2 += outputDelta;
            for (var j = 0; j < h.Length; j++)
            {
                gradient.W2[j] += outputDelta * h[j];

                // Back through W2 to h_j, then through the hidden sigmoid: h (1 - h).
                var hiddenDelta = outputDelta * parameters.W2[j] * h[j] * (1 - h[j]);
                gradient.B1[j] += hiddenDelta;
                for (var i = 0; i < x.Length; i++)
                {
                    gradient.W1[j, i] += hiddenDelta * x[i];
                }
            }
        }

        return gradient;
    }

    /// <summary>v = momentum v - learningRate g, then p = p + v, for every parameter, in place.</summary>
    public void MomentumStep(
        NetworkParameters parameters,
        NetworkParameters gradient,
        NetworkParameters velocity,
        double learningRate,
        double momentum)
    {
        for (var j = 0; j < parameters.Hidden; j++)
        {
            for (var i = 0; i < parameters.Inputs; i++)
            {
                velocity.W1[j, i] = (momentum * velocity.W1[j, i]) - (learningRate * gradient.W1[j, i]);
                parameters.W1[j, i] += velocity.W1[j, i];
            }

            velocity.B1[j] = (momentum * velocity.B1[j]) - (learningRate * gradient.B1[j]);
            parameters.B1[j] += velocity.B1[j];
            velocity.W2[j] = (momentum * velocity.W2[j]) - (learningRate * gradient.W2[j]);
            parameters.W2[j] += velocity.W2[j];
        }

        velocity.B2 = (momentum * velocity.B2) - (learningRate * gradient.B2);
        parameters.B2 += velocity.B2;
    }

    /// <summary>
    /// Mini-batch gradient descent with momentum from NetworkParameters.Random: in every epoch the
    /// examples in a new random order, cut into batches of options.BatchSize (the last one may be
    /// smaller), one Backward and one MomentumStep per batch.
    /// </summary>
    public NetworkParameters Train(double[][] inputs, double[] targets, TrainingOptions options)
    {
        var parameters = NetworkParameters.Random(inputs[0].Length, options.Hidden, options.Seed);
        var velocity = parameters.ZerosLike();
        var random = new SeededRandom(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = random.Permutation(inputs.Length);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var size = Math.Min(options.BatchSize, order.Length - start);
                var batchInputs = new double[size][];
                var batchTargets = new double[size];
                for (var b = 0; b < size; b++)
                {
                    batchInputs[b] = inputs[order[start + b]];
                    batchTargets[b] = targets[order[start + b]];
                }

                var gradient = Backward(parameters, batchInputs, batchTargets);
                MomentumStep(parameters, gradient, velocity, options.LearningRate, options.Momentum);
            }
        }

        return parameters;
    }

    private static double[] HiddenLayer(NetworkParameters parameters, double[] x)
    {
        var h = new double[parameters.Hidden];
        for (var j = 0; j < h.Length; j++)
        {
            var a = parameters.B1[j];
            for (var i = 0; i < x.Length; i++)
            {
                a += parameters.W1[j, i] * x[i];
            }

            h[j] = Sigmoid(a);
        }

        return h;
    }

    private static double OutputLogit(NetworkParameters parameters, double[] h)
    {
        var z = parameters.B2;
        for (var j = 0; j < h.Length; j++)
        {
            z += parameters.W2[j] * h[j];
        }

        return z;
    }

    private static double Sigmoid(double a)
    {
        // Both forms are the same function; each keeps exp's argument <= 0, so nothing overflows.
        if (a >= 0)
        {
            return 1 / (1 + Math.Exp(-a));
        }

        var e = Math.Exp(a);
        return e / (1 + e);
    }

    // log(1 + e^z), written so that e^z is never evaluated for large positive z.
    private static double Softplus(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));
}
