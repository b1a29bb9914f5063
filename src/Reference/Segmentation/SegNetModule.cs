using System.Collections.Generic;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Autograder.Reference.Segmentation;

/// <summary>
/// What a SegNet computes in one pass: the per-pixel logits and, for the checks, the decoder's
/// feature maps right after each unpooling.
/// </summary>
/// <param name="Logits">One score per class and pixel, [N, classes, H, W].</param>
/// <param name="Unpooled">
/// The output of every unpooling step in the decoder, before any convolution, in the order they
/// happen (the deepest first). Each is [N, channels, h, w].
/// </param>
public sealed record SegNetOutput(Tensor Logits, IReadOnlyList<Tensor> Unpooled);

/// <summary>
/// Base class of the exercise 10 network. Write <see cref="Run"/>; <see cref="Module{T, TResult}.forward"/>
/// is <see cref="Run"/> without the unpooled maps, so training, prediction and the checks all go
/// through the same code.
/// </summary>
public abstract class SegNetModule : Module<Tensor, Tensor>
{
    /// <summary>Names the module (TorchSharp uses the name in state dictionaries).</summary>
    protected SegNetModule(string name)
        : base(name)
    {
    }

    /// <summary>
    /// The whole network on images [N, 3, H, W]: an encoder that max-pools and keeps the indices,
    /// a decoder that unpools with those indices, and per-pixel logits [N, classes, H, W].
    /// </summary>
    public abstract SegNetOutput Run(Tensor images);

    /// <summary>The logits of <see cref="Run"/>; the unpooled maps are released.</summary>
    public sealed override Tensor forward(Tensor images)
    {
        var output = Run(images);
        foreach (var map in output.Unpooled)
        {
            // Autograd keeps what it needs of these maps; only the handles go.
            if (!ReferenceEquals(map, output.Logits))
            {
                map.Dispose();
            }
        }

        return output.Logits;
    }
}
