namespace Autograder.Checks;

/// <summary>
/// A module of the check's own that wraps a learner's model to watch what is done with it. The
/// learner's model is its only child, registered as "inner", so that parameters(), train(), eval()
/// and to() reach it. The probe holds no tensors of its own.
/// </summary>
internal abstract class ModelProbe : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> inner;

    protected ModelProbe(string name, nn.Module<Tensor, Tensor> inner)
        : base(name)
    {
        this.inner = inner;
        register_module("inner", inner);
    }

    protected nn.Module<Tensor, Tensor> Inner => inner;
}
