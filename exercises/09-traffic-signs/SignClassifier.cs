using Autograder.Reference.TrafficSigns;
using static TorchSharp.torch.nn;

namespace Exercises.TrafficSigns;

/// <summary>
/// Your CNN for 32x32 colour signs: images [N, 3, 32, 32] in, logits [N, classes] out. A few
/// blocks of convolution, batch normalisation, ReLU and 2x2 max-pooling, then a linear layer, do
/// the job in well under the parameter budget (README.md).
/// </summary>
public sealed class SignNet : Module<Tensor, Tensor>
{
    // Declare the layers as fields here (Sequential, Conv2d, BatchNorm2d, Dropout, Linear, ...).

    public SignNet(int classes)
        : base(nameof(SignNet))
    {
        // Create the layers here, then register them so that parameters() and to(device) find them.
        RegisterComponents();
    }

    public override Tensor forward(Tensor images)
    {
        throw new NotImplementedException("SignNet.forward is not implemented yet.");
    }
}

/// <summary>
/// Exercise 09: builds, trains and evaluates the sign classifier. README.md in this folder
/// explains the idea and the checks; run them with `dotnet test --filter TestCategory=09-traffic-signs`.
/// </summary>
public sealed class SignClassifier : ISignClassifier
{
    /// <summary>A new, untrained SignNet for <paramref name="classes"/> classes on <paramref name="device"/>.</summary>
    public Module<Tensor, Tensor> CreateModel(int classes, Device device)
    {
        throw new NotImplementedException("SignClassifier.CreateModel is not implemented yet.");
    }

    /// <summary>
    /// settings.Epochs passes over the images in shuffled mini-batches of settings.BatchSize, with
    /// Adam (settings.LearningRate) on the mean cross-entropy, the model in training mode. Returns
    /// the mean training loss of each epoch.
    /// </summary>
    public double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device)
    {
        throw new NotImplementedException("SignClassifier.Train is not implemented yet.");
    }

    /// <summary>
    /// The class of each image, [N] int64: the argmax of the logits, computed in evaluation mode
    /// and without gradients. Works with any module that maps images to logits.
    /// </summary>
    public Tensor Predict(Module<Tensor, Tensor> model, Tensor images)
    {
        throw new NotImplementedException("SignClassifier.Predict is not implemented yet.");
    }
}
