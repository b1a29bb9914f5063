using System;
using static TorchSharp.torch;

namespace Autograder.Reference.Data;

/// <summary>
/// Images and labels from a generator, as tensors. Disposing the set disposes both.
/// </summary>
/// <param name="Images">The images, [N, 3, H, W], float32 in [0, 1].</param>
/// <param name="Labels">The labels, int64: [N] class indices for signs, [N, H, W] for scenes.</param>
public sealed record LabelledImages(Tensor Images, Tensor Labels) : IDisposable
{
    /// <summary>Number of images.</summary>
    public long Count => Images.shape[0];

    /// <summary>Disposes both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
