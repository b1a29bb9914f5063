using Microsoft.CodeAnalysis;

namespace Autograder.Grader.Policy;

/// <summary>
/// The only library APIs a submission may use: the core of <c>System</c>, collections, LINQ,
/// numerics, text, TorchSharp and the course's Reference library. Anything else in the base class
/// library is refused with <see cref="ReasonFor"/>, so an API nobody thought of (a file through
/// <c>System.Xml</c>, a process through <c>Microsoft.VisualBasic</c>) is refused too. Inside these
/// areas <see cref="GlobalBans"/> still takes out what is dangerous (the environment, reflection
/// on <c>Type</c>, most of <c>Console</c>, TorchSharp's files and JIT), and each exercise narrows
/// further. Patterns are those of <see cref="BannedApi"/>: <c>Ns.*</c> is a namespace and the
/// namespaces below it, otherwise a type (with its nested types) or a member.
/// </summary>
public static class AllowedApis
{
    /// <summary>Types of namespace <c>System</c> itself, listed one by one: new ones are not allowed until someone looks at them.</summary>
    private static readonly string[] SystemCore =
    [
        // Values and their helpers.
        "Object", "ValueType", "Enum", "Void", "Boolean", "Char", "String", "Byte", "SByte", "Int16", "UInt16", "Int32", "UInt32",
        "Int64", "UInt64", "Int128", "UInt128", "IntPtr", "UIntPtr", "Half", "Single", "Double", "Decimal", "Nullable",
        "Math", "MathF", "BitConverter", "Convert", "HashCode", "Guid", "Random", "Index", "Range", "Version", "MidpointRounding",
        "TypeCode", "Base64FormattingOptions", "StringComparer", "StringComparison", "StringSplitOptions",
        "StringNormalizationExtensions", "CharEnumerator", "FormattableString",
        // Arrays and memory that stay inside their bounds.
        "Array", "ArraySegment", "Span", "ReadOnlySpan", "Memory", "ReadOnlyMemory", "MemoryExtensions", "SequencePosition",
        "Buffer",
        // Time as a value (not as a clock that calls back: no TimeProvider, no TimeZoneInfo, which reads files).
        "DateTime", "DateTimeOffset", "DateTimeKind", "DateOnly", "TimeOnly", "TimeSpan", "DayOfWeek",
        // Delegates, tuples and the small interfaces every library shares.
        "Delegate", "MulticastDelegate", "Action", "Func", "Predicate", "Comparison", "Converter", "EventArgs", "EventHandler",
        "Tuple", "ValueTuple", "TupleExtensions", "Lazy",
        "IDisposable", "IComparable", "IEquatable", "IFormattable", "IFormatProvider", "ICustomFormatter", "ICloneable",
        "IConvertible", "IParsable", "ISpanParsable", "ISpanFormattable", "IUtf8SpanFormattable", "IUtf8SpanParsable",
        // Attributes the language itself uses.
        "Attribute", "AttributeUsageAttribute", "AttributeTargets", "FlagsAttribute", "ObsoleteAttribute", "ParamArrayAttribute",
        "CLSCompliantAttribute",
        // Exceptions a submission throws or catches.
        "Exception", "SystemException", "ApplicationException", "AggregateException", "ArgumentException", "ArgumentNullException",
        "ArgumentOutOfRangeException", "ArithmeticException", "ArrayTypeMismatchException", "DivideByZeroException",
        "FormatException", "IndexOutOfRangeException", "InsufficientExecutionStackException", "InsufficientMemoryException",
        "InvalidCastException", "InvalidOperationException", "NotFiniteNumberException",
        "NotImplementedException", "NotSupportedException", "NullReferenceException", "ObjectDisposedException",
        "OperationCanceledException", "OutOfMemoryException", "OverflowException", "PlatformNotSupportedException",
        "RankException", "StackOverflowException", "TimeoutException",
        // Allowed here, then narrowed by GlobalBans to what is harmless (printing, names of types, NewLine).
        "Console", "Type", "Environment",
    ];

    /// <summary>Everything a submission may use outside its own code.</summary>
    public static IReadOnlyList<string> Patterns { get; } =
    [
        .. SystemCore.Select(name => $"System.{name}"),
        "System.Collections.*",
        "System.Linq.Enumerable",
        "System.Linq.IGrouping",
        "System.Linq.ILookup",
        "System.Linq.Lookup",
        "System.Linq.IOrderedEnumerable",
        "System.Linq.ImmutableArrayExtensions",
        "System.Numerics.*",
        "System.Globalization.*",
        "System.Text.StringBuilder",
        "System.Text.Rune",
        "System.Text.Ascii",
        "System.Text.CompositeFormat",
        "System.Text.NormalizationForm",
        "System.Text.SpanLineEnumerator",
        "System.Text.SpanRuneEnumerator",
        "System.Text.StringRuneEnumerator",
        "System.Text.Encoding",
        "System.Text.UTF8Encoding",
        "System.Text.UnicodeEncoding",
        "System.Text.ASCIIEncoding",
        "System.Text.Unicode.*",
        "System.Text.RegularExpressions.*",
        "System.Buffers.ArrayBufferWriter",
        "System.Buffers.IBufferWriter",
        "System.Buffers.BuffersExtensions",
        "System.Buffers.ReadOnlySequence",
        "System.Buffers.ReadOnlySequenceSegment",
        "System.Buffers.SequenceReader",
        "System.Buffers.SequenceReaderExtensions",
        "System.Buffers.StandardFormat",
        "System.Buffers.OperationStatus",
        "System.Buffers.SearchValues",
        "System.Buffers.SpanAction",
        "System.Buffers.ReadOnlySpanAction",
        "System.Buffers.Binary.*",
        "System.Buffers.Text.*",
        // In-memory streams, for exercises that save weights to a stream they are given.
        .. GlobalBans.InMemoryStreams,
        "System.Diagnostics.Stopwatch",
        "System.Diagnostics.Debug",
        "System.Diagnostics.UnreachableException",
        "System.Diagnostics.CodeAnalysis.*",
        "System.Diagnostics.ConditionalAttribute",
        "System.Diagnostics.DebuggerDisplayAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",
        "System.Diagnostics.DebuggerHiddenAttribute",
        "System.Diagnostics.DebuggerBrowsableAttribute",
        "System.Diagnostics.DebuggerBrowsableState",
        "System.Diagnostics.DebuggerNonUserCodeAttribute",
        // Only what the compiler itself needs from System.Runtime.CompilerServices.
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",
        "System.Runtime.CompilerServices.InterpolatedStringHandlerAttribute",
        "System.Runtime.CompilerServices.InterpolatedStringHandlerArgumentAttribute",
        "System.Runtime.CompilerServices.FormattableStringFactory",
        "System.Runtime.CompilerServices.IsExternalInit",
        "System.Runtime.CompilerServices.CallerArgumentExpressionAttribute",
        "System.Runtime.CompilerServices.CallerFilePathAttribute",
        "System.Runtime.CompilerServices.CallerLineNumberAttribute",
        "System.Runtime.CompilerServices.CallerMemberNameAttribute",
        "System.Runtime.CompilerServices.MethodImplAttribute",
        "System.Runtime.CompilerServices.MethodImplOptions",
        "System.Runtime.CompilerServices.ITuple",
        "System.Runtime.CompilerServices.TupleElementNamesAttribute",
        "System.Runtime.CompilerServices.ExtensionAttribute",
        "System.Runtime.CompilerServices.IsReadOnlyAttribute",
        "System.Runtime.CompilerServices.RequiredMemberAttribute",
        "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute",
        "System.Runtime.CompilerServices.CollectionBuilderAttribute",
        "System.Runtime.CompilerServices.ParamCollectionAttribute",
        "System.Runtime.CompilerServices.IndexerNameAttribute",
        "System.Runtime.CompilerServices.SwitchExpressionException",
        // TorchSharp without its files, JIT, tensorboard and native handles (GlobalBans), and the course's own library.
        "TorchSharp.*",
        "Autograder.Reference.*",
    ];

    private const string Areas =
        "a submission may use the core of System (numbers, strings, arrays, spans, Math, Random, exceptions), " +
        "collections, LINQ, System.Numerics, System.Text, TorchSharp and the course's Reference library.";

    public static bool Allows(ISymbol symbol) => Patterns.Any(pattern => ApiPattern.Matches(pattern, symbol));

    /// <summary>
    /// Why <paramref name="symbol"/> is refused. A namespace that is closed as a whole is named
    /// (<c>System.Xml</c>), so the learner sees which area is out; where part of a namespace is
    /// open (<c>System</c>, <c>System.IO</c>, <c>System.Buffers</c>) the type is named instead.
    /// </summary>
    public static string ReasonFor(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        var ns = (type?.ContainingNamespace ?? symbol.ContainingNamespace) is { IsGlobalNamespace: false } found ? found.ToDisplayString() : "";
        var partlyOpen = ns.Length == 0 || Patterns.Any(pattern => pattern.StartsWith(ns + ".", StringComparison.Ordinal));
        var area = partlyOpen && type is not null ? ApiPattern.FullName(type) : ns.Length > 0 ? ns : "this API";
        return $"{area} is not available in this course: {Areas}";
    }

    /// <summary>The reason for a namespace the reduced reference set does not contain at all.</summary>
    public static string ReasonForNamespace(string ns) => $"{ns} is not available in this course: {Areas}";
}
