using System.Text.RegularExpressions;
using Autograder.Grader.Policy;

namespace Autograder.Checks;

/// <summary>
/// Bans for exercises that take the device they run on as an argument: code that names a device
/// itself (CUDA, the CPU, the meta device) or changes TorchSharp's default device runs on one
/// machine and breaks on the next. Every exercise from 04 on takes its device bans from here.
/// </summary>
public static class DeviceBans
{
    private const string NamedDevice =
        "names a device itself, so the code runs only where that device is. Use the device you are given " +
        "(the `device` argument, or `x.device` of a tensor that is already on it).";

    private const string MovesToCpu =
        "moves the data to the CPU whatever device you were given. Keep tensors on their device; to look at a " +
        "number while debugging, `t.item<float>()` and `t.print()` work on any device.";

    /// <summary>APIs that name a device or change the default one.</summary>
    public static IReadOnlyList<BannedApi> Apis { get; } =
    [
        new("TorchSharp.torch.CUDA", $"torch.CUDA {NamedDevice}"),
        new("TorchSharp.torch.cuda", $"torch.cuda {NamedDevice} Whether a GPU exists is for the grader to find out, not the exercise."),
        new("TorchSharp.DeviceType.CUDA", $"DeviceType.CUDA {NamedDevice}"),
        new("TorchSharp.torch.Tensor.cuda", $".cuda() {NamedDevice}"),
        new("TorchSharp.ModuleExtensionMethods.cuda", $".cuda() {NamedDevice}"),
        new("TorchSharp.torch.CPU", $"torch.CPU {NamedDevice}"),
        new("TorchSharp.DeviceType.CPU", $"DeviceType.CPU {NamedDevice}"),
        new("TorchSharp.torch.META", $"torch.META {NamedDevice}"),
        new("TorchSharp.DeviceType.META", $"DeviceType.META {NamedDevice}"),
        new("TorchSharp.torch.Tensor.cpu", $".cpu() {MovesToCpu}"),
        new("TorchSharp.ModuleExtensionMethods.cpu", $".cpu() {MovesToCpu}"),
        new("TorchSharp.torch.set_default_device",
            "changing TorchSharp's default device changes it for every other piece of code too. Pass the device you are given when you create a tensor."),
        new("TorchSharp.torch.default_device",
            "TorchSharp's default device is not the device you were given. Use the `device` argument."),
        // Module.save(string) and load(string) read and write files as well; the policy cannot tell
        // overloads apart, so the exercise README steers to the Stream it is given instead.
        new("TorchSharp.torch.save", "torch.save writes a file; write to the Stream you are given instead."),
        new("TorchSharp.torch.load", "torch.load reads a file; read from the Stream you are given instead."),
    ];

    /// <summary>
    /// For exercises whose methods hand results back as .NET arrays (06 and 07): every ban of
    /// <see cref="Apis"/> but a tensor's <c>.cpu()</c>, which is how a tensor on any device is read into one.
    /// </summary>
    public static IReadOnlyList<BannedApi> ApisReturningArrays { get; } = [.. Apis.Where(ban => ban.Pattern != "TorchSharp.torch.Tensor.cpu")];

    /// <summary>Device names spelled out in strings: <c>"cuda"</c>, <c>"cuda:0"</c>, <c>"cpu"</c>, <c>"meta"</c>, <c>"mps"</c>.</summary>
    public static IReadOnlyList<BannedLiteral> Literals { get; } =
    [
        new(
            new Regex(@"^\s*(cuda|cpu|meta|mps)\s*(:|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant),
            "a device name in a string",
            $"a string such as \"cuda\" or \"cpu\" {NamedDevice}"),
    ];
}
