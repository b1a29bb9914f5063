using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.TorchSharpGpu;

/// <summary>
/// Exercise 04: the network of exercise 03 (one hidden layer of sigmoid units, one output for
/// two classes) written with TorchSharp: tensors, autograd, <c>nn.Module</c> and an optimiser,
/// on whatever device the caller gives.
/// <code>
/// z = fc2(sigmoid(fc1(x)))      the logit, one per row: forward returns it
/// p = sigmoid(z)                the probability of class 1: Predict returns it
/// E = mean binary cross-entropy of p against the targets
/// </code>
/// Every tensor the implementation creates lives on the device it is given, and each training
/// step frees its intermediate tensors (a <c>torch.NewDisposeScope()</c> per step).
/// </summary>
public interface ITorchNetwork
{
    /// <summary>
    /// A new network with <paramref name="inputs"/> inputs and <paramref name="hidden"/> hidden
    /// units on <paramref name="device"/>: <c>fc1 = nn.Linear(inputs, hidden)</c>, then
    /// <c>fc2 = nn.Linear(hidden, 1)</c>, with TorchSharp's default initialisation drawn in that
    /// order (the caller seeds it with <c>torch.manual_seed</c>). Its <c>forward</c> takes rows
    /// <c>[N, inputs]</c> and returns logits <c>[N, 1]</c>.
    /// </summary>
    nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device);

    /// <summary>
    /// Full-batch training: <paramref name="settings"/>.Steps steps of SGD with momentum
    /// (<c>torch.optim.SGD</c>) on the mean binary cross-entropy of the model's output against
    /// <paramref name="targets"/> (<c>[N, 1]</c>, 0 or 1). Returns the loss of each step, computed
    /// before that step's update, as a 1-D tensor of length Steps on <paramref name="device"/>.
    /// </summary>
    /// <param name="model">
    /// A network from <see cref="CreateModel"/>, on <paramref name="device"/>, possibly wrapped in
    /// another module with the same parameters and forward (the checks do that to watch the
    /// steps): use it only through <c>nn.Module</c>'s members.
    /// </param>
    /// <param name="inputs">Rows <c>[N, inputs]</c>, float32, on <paramref name="device"/>.</param>
    /// <param name="targets">Labels <c>[N, 1]</c>, float32 (0 or 1), on <paramref name="device"/>.</param>
    /// <param name="settings">Number of steps, learning rate and momentum.</param>
    /// <param name="device">The device of everything involved, and of every tensor Train creates.</param>
    Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device);

    /// <summary>
    /// The probability of class 1 for each row, <c>[N, 1]</c>, computed in evaluation mode
    /// (<c>model.eval()</c>) and without recording gradients (<c>torch.no_grad()</c>).
    /// </summary>
    Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs);

    /// <summary>Writes the model's weights to <paramref name="stream"/> and leaves the stream open.</summary>
    void Save(nn.Module<Tensor, Tensor> model, Stream stream);

    /// <summary>
    /// Reads weights written by <see cref="Save"/> from <paramref name="stream"/> into
    /// <paramref name="model"/>, which keeps its device; leaves the stream open.
    /// </summary>
    void Load(nn.Module<Tensor, Tensor> model, Stream stream);
}

/// <summary>How <see cref="ITorchNetwork.Train"/> trains.</summary>
/// <param name="Steps">Number of full-batch steps.</param>
/// <param name="LearningRate">Step size of SGD.</param>
/// <param name="Momentum">Momentum of SGD, 0 for plain gradient descent.</param>
public sealed record TrainingSettings(int Steps, double LearningRate, double Momentum);
