using System.Collections.Generic;
using System.Linq;
using Autograder.Reference.Optimizers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Exercises.Optimizers;

/// <summary>SGD with momentum; the velocities live in a dictionary keyed by parameter.</summary>
public sealed class MomentumSgd : IStepper
{
    private readonly List<Parameter> _parameters;
    private readonly double _lr;
    private readonly double _mu;
    private readonly bool _nesterov;
    private readonly Dictionary<Parameter, Tensor> _buffers = new(ReferenceEqualityComparer.Instance);

    public MomentumSgd(IEnumerable<Parameter> parameters, double learningRate, double momentum, bool nesterov)
    {
        _parameters = parameters.ToList();
        _lr = learningRate;
        _mu = momentum;
        _nesterov = nesterov;
    }

    public void Step()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        foreach (var (p, g) in _parameters.Select(p => (p, p.grad)).Where(pair => pair.grad is not null))
        {
            Tensor d = g!;
            if (_mu > 0)
            {
                if (!_buffers.TryGetValue(p, out var b))
                {
                    b = g!.detach().clone();
                    b.DetachFromDisposeScope();
                    _buffers[p] = b;
                }
                else
                {
                    b.mul_(_mu).add_(g!);
                }

                d = _nesterov ? g! + (_mu * b) : b;
            }

            p.sub_(_lr * d);
        }
    }

    public void ZeroGrad()
    {
        using var scope = torch.NewDisposeScope();
        _parameters.Where(p => p.grad is not null).ToList().ForEach(p => p.grad!.zero_());
    }
}
