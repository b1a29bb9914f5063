using System.Text.RegularExpressions;

namespace Autograder.Grader.Policy;

/// <summary>
/// A string a submission may not spell out, e.g. a device name such as <c>"cuda"</c> where the
/// exercise must take the device it is given. Matched against every string literal.
/// </summary>
public sealed record BannedLiteral(Regex Pattern, string Description, string Reason);
