using Autograder.Reference.TrafficSigns;
using static TorchSharp.torch.nn;

namespace Exercises.TrafficSigns;

/// <summary>
/// A small CNN for 32x32 colour signs: three blocks of convolution, batch normalisation, ReLU and
/// 2x2 max-pooling (32 -> 16 -> 8 -> 4 pixels, 8 -> 16 -> 32 channels), then dropout and one
/// linear layer to the logits. About 12k parameters.
/// </summary>
public sealed class SignNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Dropout dropout;
    private readonly Linear fc;

    public SignNet(int classes)
        : base(nameof(SignNet))
    {
        features = Sequential(
            Conv2d(3, 8, 3, padding: 1), BatchNorm2d(8), ReLU(), MaxPool2d(2),
            Conv2d(8, 16, 3, padding: 1), BatchNorm2d(16), ReLU(), MaxPool2d(2),
            Conv2d(16, 32, 3, padding: 1), BatchNorm2d(32), ReLU(), MaxPool2d(2));
        dropout = Dropout(0.2);
        fc = Linear(32 * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var maps = features.call(images);
        using var flat = maps.flatten(1);
        using var dropped = dropout.call(flat);
        return fc.call(dropped);
    }
}

/// <summary>
/// Exercise 09: builds, trains and evaluates the sign classifier. README.md in exercises/09-traffic-signs/
/// explains the idea and the checks; run them with `dotnet test --filter TestCategory=09-traffic-signs`.
/// </summary>
public sealed class SignClassifier : ISignClassifier
{
    private const int PredictBatch = 256;

    /// <summary>A new SignNet on the device.</summary>
    public Module<Tensor, Tensor> CreateModel(int classes, Device device) => new SignNet(classes).to(device);

    /// <summary>Adam on the mean cross-entropy, over shuffled mini-batches, in training mode.</summary>
    public double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device)
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
                var loss = functional.cross_entropy(model.call(images.index_select(0, batch)), labels.index_select(0, batch));
                loss.backward();
                optimizer.step();
                total += loss.item<float>() * size;
            }

            losses[epoch] = total / count;
        }

        return losses;
    }

    /// <summary>Argmax of the logits, in evaluation mode, without gradients, in batches.</summary>
    public Tensor Predict(Module<Tensor, Tensor> model, Tensor images)
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
