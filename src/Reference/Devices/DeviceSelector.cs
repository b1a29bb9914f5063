using System;
using TorchSharp;

namespace Autograder.Reference.Devices;

/// <summary>
/// Chooses the device that models and checks run on: CUDA when TorchSharp finds a GPU, otherwise
/// the CPU. Set the environment variable <c>AUTOGRADER_DEVICE</c> (<c>cpu</c>, <c>cuda</c>,
/// <c>cuda:1</c>) to choose yourself. Exercises never pick a device on their own: they take the
/// one they are given, so the same code runs on a laptop and on a GPU machine.
/// </summary>
public static class DeviceSelector
{
    /// <summary>The name of the environment variable that overrides the choice.</summary>
    public const string EnvironmentVariable = "AUTOGRADER_DEVICE";

    /// <summary>The device to use on this machine.</summary>
    public static torch.Device Select() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>The device named by <paramref name="requested"/>, or the best one when it is empty.</summary>
    /// <exception cref="ArgumentException">The name is not a device TorchSharp knows, or names CUDA on a machine without it.</exception>
    public static torch.Device Select(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        }

        torch.Device device;
        try
        {
            device = torch.device(requested.Trim());
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new ArgumentException(
                $"{EnvironmentVariable}='{requested}' is not a device name: use cpu, cuda or cuda:N.", nameof(requested), e);
        }

        if (device.type == DeviceType.CUDA && !torch.cuda.is_available())
        {
            throw new ArgumentException(
                $"{EnvironmentVariable}='{requested}' asks for CUDA, but TorchSharp finds no GPU here " +
                "(the CPU build of libtorch is installed; see docs/GPU.md).", nameof(requested));
        }

        return device;
    }
}
