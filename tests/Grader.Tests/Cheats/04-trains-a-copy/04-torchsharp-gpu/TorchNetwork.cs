using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Autograder.Reference.TorchNetwork;
using TorchSharp;
using static TorchSharp.torch;

namespace Exercises.TorchNetworks;

// The losses are real, so the trajectory looks right, but they come from a private copy of the
// model; Predict answers with that copy. The model the checks hand over is never touched.
public sealed class TorchNetwork : ITorchNetwork
{
    private static readonly ConditionalWeakTable<nn.Module<Tensor, Tensor>, CircleNet> Trained = new();

    public nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device) => new CircleNet(inputs, hidden, device);

    public Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device)
    {
        model.train();
        var source = model.parameters().ToArray();
        var copy = new CircleNet((int)source[0].shape[1], (int)source[0].shape[0], device);
        using (torch.no_grad())
        {
            foreach (var (to, from) in copy.parameters().Zip(source))
            {
                to.copy_(from);
            }
        }

        Trained.AddOrUpdate(model, copy);
        using var optimizer = torch.optim.SGD(copy.parameters(), settings.LearningRate, settings.Momentum);
        var losses = torch.empty(settings.Steps, device: device);
        for (var step = 0; step < settings.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy_with_logits(copy.forward(inputs), targets);
            loss.backward();
            optimizer.step();
            losses[step] = loss.detach();
        }

        return losses;
    }

    public Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        model.eval();
        var network = Trained.TryGetValue(model, out var copy) ? copy : model;
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        return torch.sigmoid(network.forward(inputs)).MoveToOuterDisposeScope();
    }

    public void Save(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        model.save(writer);
    }

    public void Load(nn.Module<Tensor, Tensor> model, Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        model.load(reader);
    }
}
