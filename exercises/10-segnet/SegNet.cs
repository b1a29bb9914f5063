using Autograder.Reference.Segmentation;
using static TorchSharp.torch.nn;

namespace Exercises.Segmentation;

/// <summary>
/// Your SegNet: an encoder whose max-pooling keeps the indices of the maxima, a decoder that
/// unpools with those indices, and a convolution that gives per-pixel logits [N, classes, H, W].
/// Write <see cref="Run"/>; forward is Run without the unpooled maps (SegNetModule does that).
/// </summary>
public sealed class SegNet : SegNetModule
{
    // Declare the layers as fields here (Sequential, Conv2d, BatchNorm2d, MaxPool2d, MaxUnpool2d, ...).

    public SegNet(int classes)
        : base(nameof(SegNet))
    {
        // Create the layers here, then register them so that parameters() and to(device) find them.
        RegisterComponents();
    }

    /// <summary>
    /// The whole network: returns the logits and the output of every unpooling step (before any
    /// convolution), the deepest first.
    /// </summary>
    public override SegNetOutput Run(Tensor images)
    {
        throw new NotImplementedException("SegNet.Run is not implemented yet.");
    }
}

/// <summary>
/// Exercise 10: builds, trains and evaluates the SegNet. README.md in this folder explains the
/// idea and the checks; run them with `dotnet test --filter TestCategory=10-segnet`.
/// </summary>
public sealed class Segmenter : ISegmenter
{
    /// <summary>A new, untrained SegNet for <paramref name="classes"/> classes on <paramref name="device"/>.</summary>
    public SegNetModule CreateModel(int classes, Device device)
    {
        throw new NotImplementedException("Segmenter.CreateModel is not implemented yet.");
    }

    /// <summary>
    /// Per-pixel cross-entropy: logits [N, C, H, W] with the classes on axis 1, labels [N, H, W],
    /// averaged over all N x H x W pixels.
    /// </summary>
    public Tensor Loss(Tensor logits, Tensor labels)
    {
        throw new NotImplementedException("Segmenter.Loss is not implemented yet.");
    }

    /// <summary>
    /// settings.Epochs passes over the scenes in shuffled mini-batches of settings.BatchSize, with
    /// Adam (settings.LearningRate) on <see cref="Loss"/>, the model in training mode. Returns the
    /// mean training loss of each epoch.
    /// </summary>
    public double[] Train(SegNetModule model, Tensor images, Tensor labels, SegmentationTrainingSettings settings, Device device)
    {
        throw new NotImplementedException("Segmenter.Train is not implemented yet.");
    }

    /// <summary>The class of every pixel, [N, H, W] int64, in evaluation mode and without gradients.</summary>
    public Tensor Predict(SegNetModule model, Tensor images)
    {
        throw new NotImplementedException("Segmenter.Predict is not implemented yet.");
    }
}
