using System;
using Autograder.Reference.Segmentation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.Segmentation;

// Written from the README in another style: the layers created in reverse order (classifier
// first), one pooling and one unpooling module per depth, one dispose scope in Run, the loss on
// pixels flattened to rows, and a cosine decay of the learning rate to zero.
public sealed class SegNet : SegNetModule
{
    private readonly Conv2d toClasses;
    private readonly Sequential decoder1;
    private readonly Sequential decoder2;
    private readonly MaxUnpool2d unpool1;
    private readonly MaxUnpool2d unpool2;
    private readonly MaxPool2d pool2;
    private readonly MaxPool2d pool1;
    private readonly Sequential encoder2;
    private readonly Sequential encoder1;

    public SegNet(int classes)
        : base(nameof(SegNet))
    {
        toClasses = Conv2d(16, classes, 1);
        decoder1 = Sequential(Conv2d(16, 16, 3, padding: 1), BatchNorm2d(16), ReLU());
        decoder2 = Sequential(Conv2d(32, 16, 3, padding: 1), BatchNorm2d(16), ReLU());
        unpool1 = MaxUnpool2d(2, 2, 0);
        unpool2 = MaxUnpool2d(2, 2, 0);
        pool2 = MaxPool2d(2, 2);
        pool1 = MaxPool2d(2, 2);
        encoder2 = Sequential(Conv2d(16, 32, 3, padding: 1), BatchNorm2d(32), ReLU());
        encoder1 = Sequential(Conv2d(3, 16, 3, padding: 1), BatchNorm2d(16), ReLU());
        RegisterComponents();
    }

    public override SegNetOutput Run(Tensor images)
    {
        using var scope = NewDisposeScope();
        var e1 = encoder1.call(images);
        var (p1, i1) = pool1.forward_with_indices(e1);
        var e2 = encoder2.call(p1);
        var (p2, i2) = pool2.forward_with_indices(e2);
        var u2 = unpool2.forward(p2, i2, e2.shape);
        var d2 = decoder2.call(u2);
        var u1 = unpool1.forward(d2, i1, e1.shape);
        var d1 = decoder1.call(u1);
        var logits = toClasses.call(d1);
        return new SegNetOutput(logits.MoveToOuterDisposeScope(), [u2.MoveToOuterDisposeScope(), u1.MoveToOuterDisposeScope()]);
    }
}

public sealed class Segmenter : ISegmenter
{
    public SegNetModule CreateModel(int classes, Device device) => new SegNet(classes).to(device);

    public Tensor Loss(Tensor logits, Tensor labels) =>
        functional.cross_entropy(logits.permute(0, 2, 3, 1).reshape(-1, logits.shape[1]), labels.reshape(-1));

    public double[] Train(SegNetModule model, Tensor images, Tensor labels, SegmentationTrainingSettings settings, Device device)
    {
        model.train();
        using var adam = optim.Adam(model.parameters(), settings.LearningRate);
        using var generator = new Generator((ulong)settings.Seed);
        var n = images.shape[0];
        var perEpoch = (int)((n + settings.BatchSize - 1) / settings.BatchSize);
        var total = perEpoch * settings.Epochs;
        var result = new double[settings.Epochs];
        var step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(n, generator: generator).to(device);
            var sum = 0.0;
            for (var b = 0; b < perEpoch; b++)
            {
                using var scope = NewDisposeScope();
                var rows = order.narrow(0, (long)b * settings.BatchSize, Math.Min(settings.BatchSize, n - ((long)b * settings.BatchSize)));
                foreach (var group in adam.ParamGroups)
                {
                    group.LearningRate = settings.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / total));
                }

                step++;
                adam.zero_grad();
                var loss = Loss(model.call(images.index_select(0, rows)), labels.index_select(0, rows));
                loss.backward();
                adam.step();
                sum += loss.item<float>() * rows.shape[0];
            }

            result[epoch] = sum / n;
        }

        return result;
    }

    public Tensor Predict(SegNetModule model, Tensor images)
    {
        model.eval();
        using var noGrad = no_grad();
        using var logits = model.call(images);
        return logits.argmax(1);
    }
}
