using System.IO;
using System.Text;
using Autograder.Reference.TorchSharpGpu;

namespace Exercises.TorchSharpGpu;

/// <summary>
/// Exercise 04: the network of exercise 03 with TorchSharp, on the device it is given. README.md in
/// exercises/04-torchsharp-gpu/ explains the idea and the checks; run them with
/// `dotnet test tests/Course.Tests --filter TestCategory=04-torchsharp-gpu`.
/// </summary>
public sealed class TorchNetwork : ITorchNetwork
{
    /// <summary>fc1 = Linear(inputs, hidden), then fc2 = Linear(hidden, 1), on <paramref name="device"/>.</summary>
    public nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device) =>
        new CircleNet(inputs, hidden, device);

    /// <summary>Full-batch SGD with momentum; the loss of every step, on the device.</summary>
    public Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device)
    {
        model.train();
        using var optimizer = torch.optim.SGD(model.parameters(), settings.LearningRate, settings.Momentum);
        var losses = torch.empty(settings.Steps, device: device);
        for (var step = 0; step < settings.Steps; step++)
        {
            // Everything this step creates (outputs, loss, gradients' wrappers) is freed at the
            // end of the step, not whenever the garbage collector gets round to it.
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(model.forward(inputs), targets);
            loss.backward();
            optimizer.step();
            // Stays on the device: reading it with item() here would make the CPU wait for the
            // device at every step.
            losses[step] = loss.detach();
        }

        return losses;
    }

    /// <summary>sigmoid(forward(x)) in evaluation mode, without autograd.</summary>
    public Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return torch.sigmoid(model.forward(inputs)).MoveToOuterDisposeScope();
    }

    /// <summary>The weights, in TorchSharp's format, into the stream (left open).</summary>
    public void Save(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        // model.save(stream) would close the caller's stream when it is done; a writer that
        // leaves it open does not.
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        model.save(writer);
    }

    /// <summary>Weights from <see cref="Save"/> into the model's own parameters (left on their device).</summary>
    public void Load(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        model.load(reader);
    }
}
