using Autograder.Reference.Segmentation;
using static TorchSharp.torch.nn;

namespace Exercises.Segmentation;

/// <summary>
/// A small SegNet: two encoder blocks (convolution, batch normalisation, ReLU, then 2x2
/// max-pooling that keeps the indices of the maxima), and two decoder blocks that unpool with
/// those indices (each value goes back to where its maximum came from, zeros elsewhere) and then
/// convolve to fill the gaps. A 1x1 convolution gives the per-pixel logits.
/// </summary>
public sealed class SegNet : SegNetModule
{
    private readonly Sequential enc1;
    private readonly Sequential enc2;
    private readonly MaxPool2d pool;
    private readonly MaxUnpool2d unpool;
    private readonly Sequential dec2;
    private readonly Sequential dec1;
    private readonly Conv2d classifier;

    public SegNet(int classes)
        : base(nameof(SegNet))
    {
        enc1 = Block(3, 16);
        enc2 = Block(16, 32);
        pool = MaxPool2d(2, 2);
        unpool = MaxUnpool2d(2, 2, 0);
        dec2 = Block(32, 16);
        dec1 = Block(16, 16);
        classifier = Conv2d(16, classes, 1);
        RegisterComponents();
    }

    public override SegNetOutput Run(Tensor images)
    {
        using var e1 = enc1.call(images);
        var (p1, i1) = pool.forward_with_indices(e1);
        using var pooled1 = p1;
        using var indices1 = i1;
        using var e2 = enc2.call(pooled1);
        var (p2, i2) = pool.forward_with_indices(e2);
        using var pooled2 = p2;
        using var indices2 = i2;

        // Unpool to the exact size the encoder map had before pooling.
        var up2 = unpool.forward(pooled2, indices2, e2.shape);
        using var d2 = dec2.call(up2);
        var up1 = unpool.forward(d2, indices1, e1.shape);
        using var d1 = dec1.call(up1);
        return new SegNetOutput(classifier.call(d1), [up2, up1]);
    }

    private static Sequential Block(int input, int output) =>
        Sequential(Conv2d(input, output, 3, padding: 1), BatchNorm2d(output), ReLU());
}

/// <summary>
/// Exercise 10: builds, trains and evaluates the SegNet. README.md in exercises/10-segnet/ explains the
/// idea and the checks; run them with `dotnet test --filter TestCategory=10-segnet`.
/// </summary>
public sealed class Segmenter : ISegmenter
{
    private const int PredictBatch = 128;

    /// <summary>A new SegNet on the device.</summary>
    public SegNetModule CreateModel(int classes, Device device) => new SegNet(classes).to(device);

    /// <summary>Cross-entropy with the classes on axis 1, averaged over every pixel.</summary>
    public Tensor Loss(Tensor logits, Tensor labels) => functional.cross_entropy(logits, labels);

    /// <summary>Adam on <see cref="Loss"/>, over shuffled mini-batches, in training mode.</summary>
    public double[] Train(SegNetModule model, Tensor images, Tensor labels, SegmentationTrainingSettings settings, Device device)
    {
        model.train();
        using var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        using var shuffler = new Generator((ulong)settings.Seed);
        var count = images.shape[0];
        var losses = new double[settings.Epochs];
        var stepsPerEpoch = (count + settings.BatchSize - 1) / settings.BatchSize;
        var totalSteps = settings.Epochs * stepsPerEpoch;
        var step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(count, generator: shuffler).to(device);
            var total = 0.0;
            for (long start = 0; start < count; start += settings.BatchSize)
            {
                using var stepScope = NewDisposeScope();
                var size = Math.Min(settings.BatchSize, count - start);
                var batch = order.narrow(0, start, size);
                // The learning rate falls linearly to zero, so the last steps settle instead of jumping.
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = settings.LearningRate * (1 - ((double)step / totalSteps));
                }

                step++;
                optimizer.zero_grad();
                var loss = Loss(model.call(images.index_select(0, batch)), labels.index_select(0, batch));
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * size;
            }

            losses[epoch] = total / count;
        }

        return losses;
    }

    /// <summary>Argmax over the class axis, in evaluation mode, without gradients, in batches.</summary>
    public Tensor Predict(SegNetModule model, Tensor images)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var count = images.shape[0];
        var parts = new Tensor[(count + PredictBatch - 1) / PredictBatch];
        for (var i = 0; i < parts.Length; i++)
        {
            var start = (long)i * PredictBatch;
            parts[i] = model.call(images.narrow(0, start, Math.Min(PredictBatch, count - start))).argmax(1);
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
