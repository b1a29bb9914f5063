using TorchSharp;

namespace Autograder.Grader.Run;

/// <summary>
/// TorchSharp settings that outlive a check because they are process-wide: the default device
/// and the default float type. A check (or learner code that timed out half-way) may leave them
/// changed; they are put back after every check that used TorchSharp, so the next check starts
/// from the same state whatever ran before it.
/// </summary>
internal static class TorchState
{
    public static void Reset()
    {
        torch.set_default_device(torch.CPU);
        torch.set_default_dtype(torch.float32);
    }
}
