using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autograder.Grader.Compile;

/// <summary>
/// Checks a parsed tree, before anything binds it, for the shapes that make Roslyn's binder or
/// anything walking the semantic model (the policy) overflow its stack or run for minutes.
/// </summary>
/// <remarks>
/// Measured with Roslyn 5.12 on this machine: 60,000 chained member accesses or <c>is not not ...</c>
/// patterns throw InsufficientExecutionStackException out of Emit even on a 64 MiB stack; a
/// 60,000-deep <c>else if</c> chain did not finish in 90 s. Such trees are deep, so the node depth
/// is capped. Lambdas passed to overloaded methods are bound once per candidate overload and per
/// type of every enclosing lambda's parameters, so the cost grows as overloads to the power of
/// the nesting: <c>xs.Sum(a =&gt; xs.Sum(b =&gt; xs.Sum(c =&gt; 1)))</c> (Sum has 20 overloads)
/// took 13 s, four levels more than 30 s, and 16 overloads three deep 17 s. Roslyn checks the
/// cancellation token there only now and then: a 10 s token on an 8-deep bomb was honoured after
/// 36 s, a 5 s token on 32 overloads three deep after 29 s. A compile cut off by the time limit
/// therefore keeps a background thread busy for a while after its exercise is reported (it dies
/// with the grader at the latest); capping lambda nesting at 3 bounds how long.
/// </remarks>
public static class SyntaxLimits
{
    /// <summary>The first limit the tree breaks, as a sentence for the learner; null when it keeps them.</summary>
    public static string? Check(SyntaxTree tree, CompileLimits limits)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth, int Lambdas)>();
        pending.Push((tree.GetRoot(), 1, 0));
        while (pending.Count > 0)
        {
            var (node, depth, lambdas) = pending.Pop();
            if (node is AnonymousFunctionExpressionSyntax)
            {
                lambdas++;
            }

            if (depth > limits.MaxDepth)
            {
                return $"too deeply nested (depth {depth} at {Where(node)}; the limit is {limits.MaxDepth}). Split the expression or statement into smaller named pieces.";
            }

            if (lambdas > limits.MaxLambdaDepth)
            {
                return $"too many lambdas nested inside one another ({lambdas} at {Where(node)}; the limit is {limits.MaxLambdaDepth}). " +
                    "Move the inner ones into named methods.";
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1, lambdas));
            }
        }

        return null;
    }

    private static string Where(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return $"{span.Path} line {span.StartLinePosition.Line + 1}";
    }
}
