using System;
using Autograder.Reference.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Exercises.Optimizers;

/// <summary>
/// Adam with the bias correction folded into the step size, as in section 2 of Kingma and Ba:
/// lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t), and eps scaled by sqrt(1 - beta2^t) so that the
/// update equals torch.optim.Adam's m_hat / (sqrt(v_hat) + eps) exactly.
/// </summary>
public sealed class Adam(Parameter[] parameters, double learningRate, double beta1, double beta2, double epsilon) : IStepper
{
    private readonly Tensor?[] _m = new Tensor?[parameters.Length];
    private readonly Tensor?[] _v = new Tensor?[parameters.Length];
    private readonly int[] _t = new int[parameters.Length];

    public void Step()
    {
        using var noGrad = torch.no_grad();
        for (var i = 0; i < parameters.Length; i++)
        {
            using var scope = torch.NewDisposeScope();
            var g = parameters[i].grad;
            if (g is null)
            {
                continue;
            }

            _m[i] ??= torch.zeros_like(g).DetachFromDisposeScope();
            _v[i] ??= torch.zeros_like(g).DetachFromDisposeScope();
            var t = ++_t[i];
            _m[i]!.lerp_(g, 1 - beta1);
            _v[i]!.mul_(beta2).add_(g * g, alpha: 1 - beta2);

            var root = Math.Sqrt(1 - Math.Pow(beta2, t));
            var stepSize = learningRate * root / (1 - Math.Pow(beta1, t));
            var denominator = _v[i]!.sqrt().add_(epsilon * root);
            parameters[i].addcdiv_(_m[i]!, denominator, value: -stepSize);
        }
    }

    public void ZeroGrad()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var p in parameters)
        {
            if (p.grad is { } grad)
            {
                grad.zero_();
            }
        }
    }
}
