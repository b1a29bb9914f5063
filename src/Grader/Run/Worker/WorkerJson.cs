using System.Text.Json;
using System.Text.Json.Serialization;
using Autograder.Grader.Results;

namespace Autograder.Grader.Run.Worker;

/// <summary>
/// The protocol's JSON, generated at build time. Reflection-based serialisation builds its
/// converters on first use, and a worker (started twice per exercise) paid that on every start.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    Converters = [typeof(CamelCaseEnum<WorkerMessageKind>), typeof(CamelCaseEnum<ResultStatus>)])]
[JsonSerializable(typeof(WorkerHello))]
[JsonSerializable(typeof(RunRequest))]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class WorkerJson : JsonSerializerContext;

/// <summary>Enum values as camelCase names, as the protocol has always sent them.</summary>
internal sealed class CamelCaseEnum<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase)
    where T : struct, Enum;
