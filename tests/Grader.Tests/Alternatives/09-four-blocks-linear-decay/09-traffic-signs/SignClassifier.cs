using System;
using System.Collections.Generic;
using Autograder.Reference.TrafficSigns;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TrafficSigns;

// Written from the README by a learner who wanted more depth: four blocks (the last one without
// pooling, on the 4x4 map), 8-16-32-32 channels, convolutions without bias (batch norm has one),
// no dropout, Flatten inside the Sequential, and the README's linear decay.
public sealed class SignNet : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Linear classifier;

    public SignNet(int classes)
        : base(nameof(SignNet))
    {
        var layers = new List<Module<Tensor, Tensor>>();
        var plan = new (int In, int Out, bool Pool)[] { (3, 8, true), (8, 16, true), (16, 32, true), (32, 32, false) };
        foreach (var (input, output, pool) in plan)
        {
            layers.Add(Conv2d(input, output, 3, padding: 1, bias: false));
            layers.Add(BatchNorm2d(output));
            layers.Add(ReLU());
            if (pool)
            {
                layers.Add(MaxPool2d(2));
            }
        }

        layers.Add(Flatten());
        body = Sequential(layers);
        classifier = Linear(32 * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var features = body.call(images);
        return classifier.call(features);
    }
}

public sealed class SignClassifier : ISignClassifier
{
    public Module<Tensor, Tensor> CreateModel(int classes, Device device) => new SignNet(classes).to(device);

    public double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device)
    {
        using var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        using var random = new Generator((ulong)settings.Seed);
        var count = images.shape[0];
        var perEpoch = (count + settings.BatchSize - 1) / settings.BatchSize;
        var totalSteps = perEpoch * settings.Epochs;
        var losses = new double[settings.Epochs];
        long step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            model.train();
            using var order = randperm(count, generator: random).to(device);
            double weighted = 0;
            for (long start = 0; start < count; start += settings.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = order.narrow(0, start, Math.Min(settings.BatchSize, count - start));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = settings.LearningRate * (totalSteps - step) / totalSteps;
                }

                step++;
                optimizer.zero_grad();
                var logits = model.call(images.index_select(0, batch));
                var loss = functional.cross_entropy(logits, labels.index_select(0, batch));
                loss.backward();
                optimizer.step();
                weighted += loss.item<float>() * batch.shape[0];
            }

            losses[epoch] = weighted / count;
        }

        return losses;
    }

    public Tensor Predict(Module<Tensor, Tensor> model, Tensor images)
    {
        model.eval();
        using (no_grad())
        {
            var parts = new List<Tensor>();
            for (long start = 0; start < images.shape[0]; start += 100)
            {
                using var logits = model.call(images.narrow(0, start, Math.Min(100, images.shape[0] - start)));
                parts.Add(logits.argmax(1));
            }

            var result = cat(parts, 0);
            foreach (var part in parts)
            {
                part.Dispose();
            }

            return result;
        }
    }
}
