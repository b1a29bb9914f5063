using System.Reflection;
using Autograder.Reference.Data;
using Autograder.Reference.Devices;
using TorchSharp;

namespace Autograder.Grader.Checks;

/// <summary>What a running check gets: the learner's compiled code, its seed and a cancellation.</summary>
public sealed class CheckContext(Assembly submission, string exerciseFolder, int seed, CancellationToken cancellation)
{
    public Assembly Submission { get; } = submission;

    public int Seed { get; } = seed;

    /// <summary>
    /// The device models run on: CUDA where TorchSharp finds a GPU, else the CPU, unless
    /// AUTOGRADER_DEVICE says otherwise (<see cref="DeviceSelector"/>). Chosen on first use, so
    /// exercises without tensors never load libtorch.
    /// </summary>
    public torch.Device Device => SelectedDevice.Value;

    /// <summary>Signalled when the check has run out of time; long loops in checks poll it.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>A random source seeded with <see cref="Seed"/> plus <paramref name="stream"/>.</summary>
    public SeededRandom Random(int stream = 0) => new(unchecked(Seed + (stream * 7919)));

    /// <summary>
    /// A seed for one purpose (say "learner" or "test-data"), derived one-way from
    /// <see cref="Seed"/> (the first 31 bits of SHA-256 of "seed:purpose"). Learner code handed
    /// one of these cannot compute <see cref="Seed"/> or another purpose's seed short of trying
    /// all 2^31 seeds, far beyond a check's time limit; with <c>Seed + 1</c> it could. A hidden
    /// check hands learner code a seed from here, never <see cref="Seed"/> itself.
    /// </summary>
    public int SeedFor(string purpose)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + purpose));
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(hash) >> 1);
    }

    /// <summary>
    /// A new instance of the learner's class that implements <typeparamref name="TContract"/>.
    /// </summary>
    /// <exception cref="CheckFailedException">No class, or more than one, implements it.</exception>
    public TContract Create<TContract>()
        where TContract : class
    {
        var candidates = ExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(TContract).IsAssignableFrom(type))
            .ToList();
        var contract = typeof(TContract).Name;
        if (candidates.Count == 0)
        {
            throw new CheckFailedException(
                $"no public class in {exerciseFolder}/ implements {contract}. Keep the class from the stub " +
                $"(it is declared as `: {contract}`) and fill in its methods.");
        }

        if (candidates.Count > 1)
        {
            throw new CheckFailedException(
                $"{candidates.Count} classes implement {contract} ({string.Join(", ", candidates.Select(t => t.Name))}); " +
                "the grader needs exactly one. Remove or rename the extra ones.");
        }

        var type = candidates[0];
        if (type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new CheckFailedException(
                $"{type.Name} needs a public constructor without parameters, as in the stub, so the grader can create it.");
        }

        try
        {
            return (TContract)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // The constructor's own exception is the one the learner needs to see.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static readonly Lazy<torch.Device> SelectedDevice = new(DeviceSelector.Select);

    /// <summary>Whether any check in this process has used TorchSharp (asked for the device).</summary>
    internal static bool TorchInUse => SelectedDevice.IsValueCreated;

    /// <summary>
    /// Loads libtorch and chooses the device now, before the time limit starts, rather than in a
    /// learner's first check. A failure is left for that check to report, as it would be without this.
    /// </summary>
    internal static void PrepareTorch()
    {
        try
        {
            _ = SelectedDevice.Value;
        }
        catch (Exception e) when (e is ArgumentException or TypeInitializationException or DllNotFoundException or InvalidOperationException)
        {
            // The check that asks for the device gets the same exception, inside its own result.
        }
    }

    private Type[] ExportedTypes()
    {
        try
        {
            return Submission.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return [.. e.Types.OfType<Type>()];
        }
    }
}
