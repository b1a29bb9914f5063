using System;
using System.Linq;
using Autograder.Reference.TrafficSigns;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TrafficSigns;

// Written from the README: the same three blocks, but the layers are created head first and one
// field per layer, and the learning rate follows a cosine from settings.LearningRate down to zero.
public sealed class SignNet : Module<Tensor, Tensor>
{
    private readonly Linear head;
    private readonly Dropout drop;
    private readonly BatchNorm2d norm3;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d norm2;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d norm1;
    private readonly Conv2d conv1;
    private readonly MaxPool2d pool;

    public SignNet(int classes)
        : base(nameof(SignNet))
    {
        head = Linear(32 * 4 * 4, classes);
        drop = Dropout(0.2);
        norm3 = BatchNorm2d(32);
        conv3 = Conv2d(16, 32, 3, padding: 1);
        norm2 = BatchNorm2d(16);
        conv2 = Conv2d(8, 16, 3, padding: 1);
        norm1 = BatchNorm2d(8);
        conv1 = Conv2d(3, 8, 3, padding: 1);
        pool = MaxPool2d(2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = pool.call(functional.relu(norm1.call(conv1.call(x))));
        h = pool.call(functional.relu(norm2.call(conv2.call(h))));
        h = pool.call(functional.relu(norm3.call(conv3.call(h))));
        return head.call(drop.call(h.flatten(1))).MoveToOuterDisposeScope();
    }
}

public sealed class SignClassifier : ISignClassifier
{
    public Module<Tensor, Tensor> CreateModel(int classes, Device device) => new SignNet(classes).to(device);

    public double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device)
    {
        model.train();
        var optimizer = optim.Adam(model.parameters(), settings.LearningRate);
        var generator = new Generator((ulong)settings.Seed);
        var n = images.shape[0];
        var batches = (int)((n + settings.BatchSize - 1) / settings.BatchSize);
        var total = settings.Epochs * batches;
        var history = new double[settings.Epochs];
        var step = 0;
        foreach (var epoch in Enumerable.Range(0, settings.Epochs))
        {
            using var epochScope = NewDisposeScope();
            var order = randperm(n, generator: generator).to(device);
            var sum = 0.0;
            foreach (var b in Enumerable.Range(0, batches))
            {
                using var scope = NewDisposeScope();
                var start = (long)b * settings.BatchSize;
                var rows = order.narrow(0, start, Math.Min(settings.BatchSize, n - start));
                var rate = settings.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step++ / total));
                foreach (var group in optimizer.ParamGroups)
                {
                    group.LearningRate = rate;
                }

                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(images[rows]), labels[rows]);
                loss.backward();
                optimizer.step();
                sum += loss.item<float>() * rows.shape[0];
            }

            history[epoch] = sum / n;
        }

        return history;
    }

    public Tensor Predict(Module<Tensor, Tensor> model, Tensor images)
    {
        model.eval();
        using var noGrad = no_grad();
        using var logits = model.call(images);
        return logits.argmax(1);
    }
}
