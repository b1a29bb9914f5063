using System.Collections.Generic;

namespace Autograder.Reference.Perceptron;

/// <summary>
/// Exercise 01: a perceptron on plain C# arrays. The class you write in
/// <c>exercises/01-perceptron/Perceptron.cs</c> implements this interface.
/// </summary>
public interface IPerceptron
{
    /// <summary>
    /// The perceptron's answer for one input: 1 when <c>sum_i w_i x_i + bias &gt;= 0</c>, else 0.
    /// </summary>
    int Predict(PerceptronWeights weights, double[] input);

    /// <summary>
    /// Applies the training rule to one example, changing <paramref name="weights"/> in place:
    /// with <c>yhat = Predict(weights, input)</c>, every <c>w_i += eta (target - yhat) x_i</c> and
    /// <c>bias += eta (target - yhat)</c>.
    /// </summary>
    void Update(PerceptronWeights weights, double[] input, int target, double learningRate);

    /// <summary>
    /// Trains in epochs. An epoch visits every example once, in the order given, counts it as a
    /// mistake when <c>Predict</c> is wrong before the update, and calls <c>Update</c>. Training
    /// stops after the first epoch without a mistake (converged) or after
    /// <paramref name="maxEpochs"/> epochs (not converged).
    /// </summary>
    PerceptronTraining Train(
        PerceptronWeights weights,
        IReadOnlyList<double[]> inputs,
        IReadOnlyList<int> targets,
        double learningRate,
        int maxEpochs);
}
