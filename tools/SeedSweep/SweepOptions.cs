namespace Autograder.Tools.SeedSweep;

/// <summary>What to sweep: exercises, how many seeds, which submissions (none: the defaults).</summary>
internal sealed record SweepOptions(IReadOnlyList<string> Exercises, int Seeds, IReadOnlyList<string> Submissions, IReadOnlyList<string> Checks, int Skip, int Orders = 1, int OrderSeed = 1, bool ListOrders = false)
{
    public const string Usage =
        "usage: dotnet run --project tools/SeedSweep -- --exercise ID [--exercise ID ...] [--seeds N] [--orders K] [--submission DIR ...]\n" +
        "  --exercise ID     an exercise to sweep, e.g. 09-traffic-signs (repeatable; required)\n" +
        "  --seeds N         seeds per check (default 30): the check's own seed, then 1, 2, ... N - 1\n" +
        "  --submission DIR  a submission folder holding NN-exercise/ (repeatable; default solutions/ and every\n" +
        "                    tests/Grader.Tests/Alternatives/*/ folder that holds the exercise)\n" +
        "  --check SLUG      run only this check of the exercise(s) (repeatable; default all)\n" +
        "  --skip K          leave out the first K seeds of the list (to resume a sweep that was cut short)\n" +
        "  --orders K        layer creation orders per submission (default 1, as written): the order as written,\n" +
        "                    then K - 1 other orders of the layers of every torch.nn.Module subclass (all when fewer)\n" +
        "  --order-seed S    seed of the generator that picks those orders (default 1)\n" +
        "  --list-orders     only print (and compile) each submission's creation orders; grade nothing";

    public static SweepOptions? Parse(IReadOnlyList<string> args)
    {
        var exercises = new List<string>();
        var submissions = new List<string>();
        var checks = new List<string>();
        var seeds = 30;
        var skip = 0;
        var orders = 1;
        var orderSeed = 1;
        var listOrders = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--list-orders")
            {
                listOrders = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return null;
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--exercise":
                    exercises.Add(value);
                    break;
                case "--submission":
                    submissions.Add(value);
                    break;
                case "--check":
                    checks.Add(value);
                    break;
                case "--seeds" when int.TryParse(value, out var n) && n > 0:
                    seeds = n;
                    break;
                case "--skip" when int.TryParse(value, out var k) && k >= 0:
                    skip = k;
                    break;
                case "--orders" when int.TryParse(value, out var o) && o > 0:
                    orders = o;
                    break;
                case "--order-seed" when int.TryParse(value, out var s):
                    orderSeed = s;
                    break;
                default:
                    return null;
            }
        }

        return exercises.Count == 0 ? null : new SweepOptions(exercises, seeds, submissions, checks, skip, orders, orderSeed, listOrders);
    }
}
