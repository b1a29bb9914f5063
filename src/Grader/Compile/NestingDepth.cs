namespace Autograder.Grader.Compile;

/// <summary>
/// How deeply a source text nests brackets, found from the raw text before Roslyn parses it.
/// </summary>
/// <remarks>
/// Measured with Roslyn 5.12 on a 1 MiB stack: 2,000 nested parentheses or deeply nested generic
/// type arguments (<c>List&lt;List&lt;...</c>) overflow the parser's stack, which no catch can
/// handle; 60,000 parentheses on a 256 MiB stack took more than 40 s to parse. Other deep
/// constructs (unary chains, <c>?:</c> chains, <c>if</c> chains, casts) the parser turns into
/// error CS8078 or parses fine; the syntax depth check after parsing (<see cref="SyntaxLimits"/>)
/// stops those before binding. So this scan counts <c>( [ {</c> and, per statement, <c>&lt;</c>
/// against <c>&gt;</c>, and <c>?</c> and <c>not</c> (a 100,000-long <c>?.</c> chain overflows too). Comments, character literals and plain strings are skipped;
/// interpolated strings are counted whole (their holes are code), so a hole cannot hide nesting.
/// </remarks>
public static class NestingDepth
{
    /// <summary>The first place where brackets nest deeper than <paramref name="limit"/>: depth and 1-based line; null when none does.</summary>
    public static (int Depth, int Line)? FirstBeyond(string text, int limit)
    {
        var depth = 0;
        var angles = 0;
        var chain = 0;
        var line = 1;
        var i = 0;
        // Each open interpolated string: the bracket depth at its start, to forget what its text left open.
        var interpolations = new Stack<(int Quotes, bool Verbatim, int DepthAtStart)>();
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '\n')
            {
                line++;
            }

            if (interpolations.Count > 0 && c == '"' && !Escaped(text, i, interpolations.Peek().Verbatim))
            {
                var (quotes, _, depthAtStart) = interpolations.Peek();
                if (QuoteRun(text, i) >= quotes)
                {
                    interpolations.Pop();
                    depth = depthAtStart;
                    i += quotes;
                    continue;
                }
            }

            if (c == '/' && next == '/')
            {
                i = SkipTo(text, i, "\n", ref line) - 1;
            }
            else if (c == '/' && next == '*')
            {
                i = SkipTo(text, i + 2, "*/", ref line);
            }
            else if (c == '\'' && interpolations.Count == 0)
            {
                i = SkipCharLiteral(text, i);
            }
            else if (StringStart(text, i) is var (length, quotes, verbatim, interpolated) && (interpolations.Count == 0 || interpolated))
            {
                if (interpolated)
                {
                    interpolations.Push((quotes, verbatim, depth));
                    i += length;
                    continue;
                }

                i = SkipString(text, i + length, quotes, verbatim, ref line);
                continue;
            }
            else if (c is '(' or '[' or '{')
            {
                if (++depth > limit)
                {
                    return (depth, line);
                }
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
                (angles, chain) = c == '}' ? (0, 0) : (angles, chain);
            }
            else if (c == '?' || (c == 'n' && IsWord(text, i, "not")))
            {
                // `?.`, `?:`, `??` and `not` nest without brackets; the parser recurses on `?.` and
                // `not` chains without its stack guard, so they are counted per statement.
                if (++chain > limit)
                {
                    return (chain, line);
                }
            }
            else if (c == '<' && next is not ('<' or '=') && (i == 0 || text[i - 1] != '<'))
            {
                if (++angles > limit)
                {
                    return (angles, line);
                }
            }
            else if (c == '>' && i > 0 && text[i - 1] is not ('=' or '-'))
            {
                angles = Math.Max(0, angles - 1);
            }
            else if (c == ';')
            {
                (angles, chain) = (0, 0);
            }

            i++;
        }

        return null;
    }

    private static bool IsWord(string text, int i, string word) =>
        string.CompareOrdinal(text, i, word, 0, word.Length) == 0
        && (i == 0 || !IsIdentifierPart(text[i - 1]))
        && (i + word.Length >= text.Length || !IsIdentifierPart(text[i + word.Length]));

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

    private static bool Escaped(string text, int quote, bool verbatim)
    {
        if (verbatim)
        {
            return false;
        }

        var backslashes = 0;
        for (var j = quote - 1; j >= 0 && text[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static int QuoteRun(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] == '"')
        {
            end++;
        }

        return end - start;
    }

    /// <summary>A string literal's opening at <paramref name="i"/>: prefix length, quotes that close it, verbatim, interpolated.</summary>
    private static (int Length, int Quotes, bool Verbatim, bool Interpolated)? StringStart(string text, int i)
    {
        var j = i;
        var dollars = 0;
        var verbatim = false;
        while (j < text.Length && (text[j] == '$' || (text[j] == '@' && !verbatim)))
        {
            dollars += text[j] == '$' ? 1 : 0;
            verbatim |= text[j] == '@';
            j++;
        }

        if (j >= text.Length || text[j] != '"' || (j > i && i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_')))
        {
            return null;
        }

        var quotes = QuoteRun(text, j);
        // "" is an empty string; three or more quotes open a raw string closed by as many.
        quotes = quotes >= 3 ? quotes : 1;
        return (j - i + quotes, quotes, verbatim || quotes >= 3, dollars > 0);
    }

    private static int SkipString(string text, int i, int quotes, bool verbatim, ref int line)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                if (quotes == 1 && !verbatim)
                {
                    return i + 1;
                }
            }

            if (c == '\\' && !verbatim)
            {
                i += 2;
                continue;
            }

            if (c == '"')
            {
                var run = QuoteRun(text, i);
                if (verbatim && quotes == 1 && run >= 2)
                {
                    i += 2;
                    continue;
                }

                if (run >= quotes)
                {
                    return i + quotes;
                }

                i += run;
                continue;
            }

            i++;
        }

        return i;
    }

    private static int SkipCharLiteral(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && text[j] != '\'' && text[j] != '\n')
        {
            j += text[j] == '\\' ? 2 : 1;
        }

        return Math.Min(j, text.Length - 1);
    }

    private static int SkipTo(string text, int i, string end, ref int line)
    {
        var found = text.IndexOf(end, i, StringComparison.Ordinal);
        var stop = found < 0 ? text.Length : found;
        line += text.AsSpan(i, stop - i).Count('\n');
        return found < 0 ? text.Length : found + end.Length - 1;
    }
}
