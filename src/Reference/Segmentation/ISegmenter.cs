using static TorchSharp.torch;

namespace Autograder.Reference.Segmentation;

/// <summary>
/// Exercise 10: semantic segmentation with a small SegNet, trained and evaluated by you. The
/// checks create the model, look at its unpooled maps, test the loss, train it on scenes from
/// <see cref="Data.StreetSceneGenerator"/> and measure it on scenes it never saw.
/// </summary>
public interface ISegmenter
{
    /// <summary>
    /// A new, untrained SegNet on <paramref name="device"/> for images [N, 3, H, W] with H and W
    /// multiples of 4, giving logits [N, <paramref name="classes"/>, H, W].
    /// </summary>
    SegNetModule CreateModel(int classes, Device device);

    /// <summary>
    /// Per-pixel cross-entropy: <paramref name="logits"/> [N, C, H, W] (class axis 1) against
    /// <paramref name="labels"/> [N, H, W] (int64 class indices), averaged over all N x H x W
    /// pixels. A scalar that gradients flow through.
    /// </summary>
    Tensor Loss(Tensor logits, Tensor labels);

    /// <summary>
    /// Trains <paramref name="model"/> in place with <see cref="Loss"/> on <paramref name="images"/>
    /// [N, 3, H, W] and <paramref name="labels"/> [N, H, W], both on <paramref name="device"/>:
    /// <see cref="Training.MiniBatchSettings.Epochs"/> passes in shuffled mini-batches, with the
    /// model in training mode. Returns the mean training loss of each epoch.
    /// </summary>
    double[] Train(SegNetModule model, Tensor images, Tensor labels, SegmentationTrainingSettings settings, Device device);

    /// <summary>
    /// The predicted class of every pixel, [N, H, W] int64, in evaluation mode and without
    /// recording gradients.
    /// </summary>
    Tensor Predict(SegNetModule model, Tensor images);
}
