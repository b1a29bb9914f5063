using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Autograder.Reference.TrafficSigns;

/// <summary>
/// Exercise 09: a small convolutional network that tells traffic signs apart, trained and
/// evaluated by you. The checks create the model, train it on images from
/// <see cref="Data.TrafficSignGenerator"/> and measure it on seeds it never saw.
/// </summary>
public interface ISignClassifier
{
    /// <summary>
    /// A new, untrained network on <paramref name="device"/> that maps images [N, 3, 32, 32]
    /// (float32 in [0, 1]) to logits [N, <paramref name="classes"/>], one score per class
    /// before any softmax. The checks count its parameters.
    /// </summary>
    Module<Tensor, Tensor> CreateModel(int classes, Device device);

    /// <summary>
    /// Trains <paramref name="model"/> in place on <paramref name="images"/> [N, 3, 32, 32] and
    /// <paramref name="labels"/> [N] (int64 class indices), both on <paramref name="device"/>:
    /// <see cref="Training.MiniBatchSettings.Epochs"/> passes over the data in shuffled mini-batches,
    /// with the model in training mode. Returns the mean training loss of each epoch.
    /// </summary>
    double[] Train(Module<Tensor, Tensor> model, Tensor images, Tensor labels, SignTrainingSettings settings, Device device);

    /// <summary>
    /// The predicted class of each image, [N] int64: the index of the largest logit. Evaluates
    /// in evaluation mode (<c>model.eval()</c>, so dropout keeps every unit and batch
    /// normalisation uses its running statistics) and without recording gradients. Works with
    /// any module that maps images to logits: the checks may pass a module that wraps yours.
    /// </summary>
    Tensor Predict(Module<Tensor, Tensor> model, Tensor images);
}
