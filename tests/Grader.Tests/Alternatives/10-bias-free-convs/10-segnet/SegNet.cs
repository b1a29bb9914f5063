using System;
using System.Collections.Generic;
using Autograder.Reference.Segmentation;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.Segmentation;

// Written from the README in another style: convolutions without bias (batch norm adds one),
// the loss with an explicit mean reduction, the README's linear decay with the model put in
// training mode after the optimiser is made, and Predict in chunks.
public sealed class SegNet : SegNetModule
{
    private readonly Sequential down1;
    private readonly Sequential down2;
    private readonly Sequential up2;
    private readonly Sequential up1;
    private readonly Conv2d score;
    private readonly MaxPool2d pool;
    private readonly MaxUnpool2d unpool;

    public SegNet(int classes)
        : base(nameof(SegNet))
    {
        down1 = Stage(3, 16);
        down2 = Stage(16, 32);
        up2 = Stage(32, 16);
        up1 = Stage(16, 16);
        score = Conv2d(16, classes, 1);
        pool = MaxPool2d(2, 2);
        unpool = MaxUnpool2d(2, 2, 0);
        RegisterComponents();
    }

    public override SegNetOutput Run(Tensor images)
    {
        using var a = down1.call(images);
        var (pa, ia) = pool.forward_with_indices(a);
        using var pooledA = pa;
        using var indicesA = ia;
        using var b = down2.call(pooledA);
        var (pb, ib) = pool.forward_with_indices(b);
        using var pooledB = pb;
        using var indicesB = ib;
        var ub = unpool.forward(pooledB, indicesB, b.shape);
        using var decodedB = up2.call(ub);
        var ua = unpool.forward(decodedB, indicesA, a.shape);
        using var decodedA = up1.call(ua);
        return new SegNetOutput(score.call(decodedA), new List<Tensor> { ub, ua });
    }

    private static Sequential Stage(int input, int output) =>
        Sequential(Conv2d(input, output, 3, padding: 1, bias: false), BatchNorm2d(output), ReLU());
}

public sealed class Segmenter : ISegmenter
{
    public SegNetModule CreateModel(int classes, Device device) => new SegNet(classes).to(device);

    public Tensor Loss(Tensor logits, Tensor labels) => functional.cross_entropy(logits, labels, reduction: Reduction.Mean);

    public double[] Train(SegNetModule model, Tensor images, Tensor labels, SegmentationTrainingSettings settings, Device device)
    {
        using var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        using var shuffle = new Generator((ulong)settings.Seed);
        var count = images.shape[0];
        var steps = settings.Epochs * ((count + settings.BatchSize - 1) / settings.BatchSize);
        var losses = new double[settings.Epochs];
        long step = 0;
        model.train();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            using var order = randperm(count, generator: shuffle).to(device);
            var total = 0.0;
            for (long start = 0; start < count; start += settings.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(settings.BatchSize, count - start));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = settings.LearningRate * (1.0 - ((double)step / steps));
                }

                step++;
                optimizer.zero_grad();
                var loss = Loss(model.call(images.index_select(0, batch)), labels.index_select(0, batch));
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * batch.shape[0];
            }

            losses[epoch] = total / count;
        }

        return losses;
    }

    public Tensor Predict(SegNetModule model, Tensor images)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var parts = new List<Tensor>();
        for (long start = 0; start < images.shape[0]; start += 64)
        {
            parts.Add(model.call(images.narrow(0, start, Math.Min(64, images.shape[0] - start))).argmax(1));
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
