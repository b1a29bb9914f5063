using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Reference.Training;

/// <summary>
/// Adam, the same update as <c>torch.optim.Adam</c> with its defaults, for exercises 06 and 07,
/// whose subject is the pipeline around the model rather than the optimiser (exercise 05 has you
/// write Adam, and bans this one).
/// </summary>
/// <remarks>
/// Why the course gives its own: TorchSharp 0.107 turns a double argument into a temporary Scalar
/// that only a finaliser frees. A garbage collection on another thread while libtorch still reads
/// it (inside the native call) frees it too early, and the step fails now and then with "Expected
/// false to be true" in Scalar::toFloat. <c>torch.optim.Adam</c> makes such temporaries on every
/// step; this one keeps its Scalars for as long as it lives, so a run that passes once passes
/// every time. Zero the gradients yourself (<c>model.zero_grad()</c>) before each backward().
/// </remarks>
public sealed class SteadyAdam : IDisposable
{
    private readonly TorchSharp.Modules.Parameter[] _parameters;
    private readonly Tensor[] _means;
    private readonly Tensor[] _squares;
    private readonly double _learningRate;
    private readonly Scalar _beta1 = 0.9;
    private readonly Scalar _oneMinusBeta1 = 0.1;
    private readonly Scalar _beta2 = 0.999;
    private readonly Scalar _oneMinusBeta2 = 0.001;
    private readonly Scalar _epsilon = 1e-8;
    private readonly Scalar _one = 1.0;
    private int _steps;

    /// <summary>Adam over <paramref name="parameters"/> with betas 0.9 and 0.999 and epsilon 1e-8, torch.optim.Adam's defaults.</summary>
    public SteadyAdam(IEnumerable<TorchSharp.Modules.Parameter> parameters, double learningRate)
    {
        _parameters = parameters.ToArray();
        _means = _parameters.Select(p => zeros_like(p)).ToArray();
        _squares = _parameters.Select(p => zeros_like(p)).ToArray();
        _learningRate = learningRate;
    }

    /// <summary>One Adam step of every parameter that has a gradient, in place; call it after backward().</summary>
    public void Step()
    {
        _steps++;
        using var noGrad = no_grad();
        using Scalar stepSize = -_learningRate / (1 - Math.Pow(0.9, _steps));
        using Scalar correction = Math.Sqrt(1 - Math.Pow(0.999, _steps));
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var scope = NewDisposeScope();
            var gradient = _parameters[i].grad;
            if (gradient is null)
            {
                continue;
            }

            _means[i].mul_(_beta1).add_(gradient, alpha: _oneMinusBeta1);
            _squares[i].mul_(_beta2).addcmul_(gradient, gradient, value: _oneMinusBeta2);
            var denominator = _squares[i].sqrt().div_(correction).add_(_epsilon, _one);
            _parameters[i].addcdiv_(_means[i], denominator, value: stepSize);
        }
    }

    /// <summary>Frees the moment estimates and the Scalars.</summary>
    public void Dispose()
    {
        foreach (var tensor in _means.Concat(_squares))
        {
            tensor.Dispose();
        }

        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon, _one })
        {
            scalar.Dispose();
        }
    }
}
