using System.IO;
using Autograder.Reference.TorchSharpGpu;

namespace Exercises.TorchSharpGpu;

/// <summary>
/// Exercise 04: the network of exercise 03 with TorchSharp, on the device it is given. README.md
/// in this folder explains the idea and the checks; run them with
/// `dotnet test tests/Course.Tests --filter TestCategory=04-torchsharp-gpu`.
/// </summary>
public sealed class TorchNetwork : ITorchNetwork
{
    /// <summary>A new <see cref="CircleNet"/> on <paramref name="device"/>.</summary>
    public nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device)
    {
        throw new NotImplementedException("TorchNetwork.CreateModel is not implemented yet.");
    }

    /// <summary>
    /// settings.Steps full-batch steps of torch.optim.SGD (settings.LearningRate,
    /// settings.Momentum) on the mean binary cross-entropy; each step in its own dispose scope.
    /// Returns the loss of every step, taken before its update, as a tensor [Steps] on
    /// <paramref name="device"/>.
    /// </summary>
    public Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device)
    {
        throw new NotImplementedException("TorchNetwork.Train is not implemented yet.");
    }

    /// <summary>sigmoid(model.forward(inputs)), [N, 1], after model.eval() and inside torch.no_grad().</summary>
    public Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        throw new NotImplementedException("TorchNetwork.Predict is not implemented yet.");
    }

    /// <summary>Writes the model's weights to the stream, at its position, and leaves it open.</summary>
    public void Save(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        throw new NotImplementedException("TorchNetwork.Save is not implemented yet.");
    }

    /// <summary>Reads weights written by Save from the stream into the model; leaves the stream open.</summary>
    public void Load(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        throw new NotImplementedException("TorchNetwork.Load is not implemented yet.");
    }
}
