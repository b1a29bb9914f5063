using System;
using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Exercises.Optimizers;

/// <summary>Adam with bias-corrected moments; state kept per parameter in one record.</summary>
public sealed class Adam : IStepper
{
    private sealed class State
    {
        public required Tensor M { get; init; }

        public required Tensor V { get; init; }

        public int T { get; set; }
    }

    private readonly Parameter[] _parameters;
    private readonly double _lr, _b1, _b2, _eps;
    private readonly Dictionary<Parameter, State> _state = new(ReferenceEqualityComparer.Instance);

    public Adam(IEnumerable<Parameter> parameters, double learningRate, double beta1, double beta2, double epsilon)
    {
        _parameters = parameters.ToArray();
        (_lr, _b1, _b2, _eps) = (learningRate, beta1, beta2, epsilon);
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var p in _parameters)
        {
            var g = p.grad;
            if (g is null)
            {
                continue;
            }

            if (!_state.TryGetValue(p, out var s))
            {
                s = new State { M = torch.zeros_like(g).DetachFromDisposeScope(), V = torch.zeros_like(g).DetachFromDisposeScope() };
                _state[p] = s;
            }

            s.T++;
            s.M.copy_(_b1 * s.M + (1 - _b1) * g);
            s.V.copy_(_b2 * s.V + (1 - _b2) * g.square());
            var mHat = s.M / (1 - Math.Pow(_b1, s.T));
            var vHat = s.V / (1 - Math.Pow(_b2, s.T));
            p.sub_(_lr * mHat / (vHat.sqrt() + _eps));
        }
    }

    public void ZeroGrad()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var p in _parameters.Where(p => p.grad is not null))
        {
            p.grad!.zero_();
        }
    }
}
