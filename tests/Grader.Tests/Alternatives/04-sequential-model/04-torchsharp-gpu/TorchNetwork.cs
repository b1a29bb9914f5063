using System.IO;
using System.Text;
using Autograder.Reference.TorchNetwork;
using TorchSharp;
using static TorchSharp.torch;

namespace Exercises.TorchNetworks;

/// <summary>The network as an nn.Sequential; losses gathered with torch.stack at the end.</summary>
public sealed class TorchNetwork : ITorchNetwork
{
    public nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device) =>
        nn.Sequential(
            ("fc1", nn.Linear(inputs, hidden, device: device)),
            ("act", nn.Sigmoid()),
            ("fc2", nn.Linear(hidden, 1, device: device)));

    public Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device)
    {
        model.train();
        var optimizer = torch.optim.SGD(model.parameters(), settings.LearningRate, momentum: settings.Momentum);
        var losses = torch.zeros(settings.Steps, device: device);
        foreach (var step in System.Linq.Enumerable.Range(0, settings.Steps))
        {
            using (torch.NewDisposeScope())
            {
                optimizer.zero_grad();
                var logits = model.call(inputs);
                var loss = nn.functional.binary_cross_entropy_with_logits(logits, targets);
                losses[step] = loss.detach();
                loss.backward();
                optimizer.step();
            }
        }

        optimizer.Dispose();
        return losses;
    }

    public Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        model.eval();
        using (torch.no_grad())
        using (var scope = torch.NewDisposeScope())
        {
            return scope.MoveToOuter(model.call(inputs).sigmoid());
        }
    }

    public void Save(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        model.save(writer);
        writer.Flush();
        writer.Dispose();
    }

    public void Load(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        model.load(reader);
    }
}
