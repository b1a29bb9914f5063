using System;
using Autograder.Reference.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.TorchSharpGpu;

/// <summary>Turns a <see cref="ClassificationSet"/> into the tensors a TorchSharp network trains on.</summary>
public static class ClassificationTensors
{
    /// <summary>
    /// Inputs <c>[N, features]</c> and targets <c>[N, 1]</c> (0.0 or 1.0), float32, on
    /// <paramref name="device"/>. The caller owns (and disposes) both.
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) From(ClassificationSet data, Device device)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = data.Inputs[0].Length;
        var flat = new float[data.Count * features];
        for (var n = 0; n < data.Count; n++)
        {
            for (var f = 0; f < features; f++)
            {
                flat[(n * features) + f] = (float)data.Inputs[n][f];
            }
        }

        var labels = Array.ConvertAll(data.Labels, label => (float)label);
        return (torch.tensor(flat, [data.Count, features], device: device),
                torch.tensor(labels, [data.Count, 1], device: device));
    }
}
