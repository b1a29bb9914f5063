using System.Runtime.Loader;
using Autograder.Authoring.Fixtures;
using Autograder.Tools.SeedSweep;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TorchSharp;
using static TorchSharp.torch;

namespace Autograder.Grader.Tests.SeedSweeping;

/// <summary>
/// The seed sweep's creation-order rewriter (tools/SeedSweep, --orders): it creates the layers of
/// every Module subclass in other orders, and changes nothing else.
/// </summary>
public sealed class CreationOrderTests
{
    private static readonly string Net = Demo("""
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Conv2d conv1;
            private readonly BatchNorm2d bn1;
            private readonly Conv2d conv2;
            private readonly Linear fc;

            public Net()
                : base(nameof(Net))
            {
                conv1 = Conv2d(3, 4, 3);
                bn1 = BatchNorm2d(4);
                // The second convolution keeps the channels.
                conv2 = Conv2d(4, 4, 3);
                fc = Linear(4, 2);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x) => fc.call(conv2.call(bn1.call(conv1.call(x))).mean([2, 3]));
        }
        """);

    [Test]
    public void Every_order_of_the_layers_that_draw_random_numbers_is_made_and_the_other_statements_stay_in_place()
    {
        var orders = Variants(Net, count: 10);

        Assert.That(orders.Select(order => order.Layers), Is.EqualTo(new[]
        {
            "conv1, conv2, fc", "conv1, fc, conv2", "conv2, conv1, fc", "conv2, fc, conv1", "fc, conv1, conv2", "fc, conv2, conv1",
        }), "3 layers draw random numbers (a batch norm starts at ones and zeros): 3! orders, the order as written first");
        Assert.That(orders[0].Files[0].Text, Is.EqualTo(Net), "order 1 is the source as written");
        foreach (var order in orders)
        {
            var statements = ConstructorStatements(order.Files[0].Text);
            var created = order.Layers.Split(", ");
            Assert.That(statements, Is.EqualTo(new[]
            {
                $"{created[0]} = {Factory(created[0])};", "bn1 = BatchNorm2d(4);", $"{created[1]} = {Factory(created[1])};",
                $"{created[2]} = {Factory(created[2])};", "RegisterComponents();",
            }), $"{order.Label}: the batch norm keeps its slot and RegisterComponents() stays last");
            Assert.That(Compile(order), Is.InstanceOf<CompileResult.Success>(), $"{order.Label} compiles");
        }

        Assert.That(orders[2].Files[0].Text, Does.Contain("// The second convolution keeps the channels.\n        conv2 = Conv2d(4, 4, 3);\n        bn1 = BatchNorm2d(4);\n        conv1 = Conv2d(3, 4, 3);"),
            "a comment moves with the statement it explains");
    }

    [Test]
    public void A_rewritten_network_is_initialised_as_if_its_layers_were_created_in_the_order_its_label_names()
    {
        foreach (var order in Variants(Net, count: 10))
        {
            var context = new AssemblyLoadContext(order.Label, isCollectible: true);
            try
            {
                var image = ((CompileResult.Success)Compile(order)).Image;
                var type = context.LoadFromStream(new MemoryStream(image)).GetType("Demo.Net")!;
                torch.manual_seed(5);
                using var net = (nn.Module)Activator.CreateInstance(type)!;
                torch.manual_seed(5);
                var expected = order.Layers.Split(", ").ToDictionary(name => name, Layer);
                var parameters = net.named_parameters().ToDictionary(named => named.name, named => named.parameter);

                Assert.That(parameters.Keys, Is.EquivalentTo(new[] { "conv1.weight", "conv1.bias", "bn1.weight", "bn1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias" }),
                    $"{order.Label}: the same parameters");
                foreach (var (name, layer) in expected)
                {
                    Assert.That(parameters[$"{name}.weight"].equal(layer.named_parameters().Single(named => named.name == "weight").parameter).all().item<bool>(), Is.True,
                        $"{order.Label}: {name}.weight is what a {name} created at that place draws from the generator seeded with 5");
                    layer.Dispose();
                }
            }
            finally
            {
                context.Unload();
            }
        }
    }

    [Test]
    public void A_layer_that_reads_a_field_an_earlier_statement_assigns_stays_after_it()
    {
        var source = Demo("""
            public sealed class Chain : Module<Tensor, Tensor>
            {
                private readonly Linear a;
                private readonly Linear b;
                private readonly Linear c;

                public Chain()
                    : base(nameof(Chain))
                {
                    a = Linear(2, 3);
                    b = Linear(a.weight.shape[0], 1);
                    c = Linear(2, 2);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => b.call(a.call(x)) + c.call(x).sum(1, keepdim: true);
            }
            """);

        var orders = Variants(source, count: 10);

        Assert.That(orders.Select(order => order.Layers), Is.EqualTo(new[] { "a, b, c", "a, c, b", "c, a, b" }),
            "b reads a, so of the 3! orders only those with a before b");
        Assert.That(orders.Select(Compile), Is.All.InstanceOf<CompileResult.Success>());
    }

    [Test]
    public void A_container_of_layers_created_earlier_keeps_its_place_and_a_helper_that_returns_a_layer_moves()
    {
        var source = Demo("""
            using System.Collections.Generic;

            public sealed class Stack : Module<Tensor, Tensor>
            {
                private readonly Sequential body;
                private readonly Sequential wrapped;
                private readonly Linear helper;
                private readonly Linear head;

                public Stack()
                    : base(nameof(Stack))
                {
                    var layers = new List<Module<Tensor, Tensor>> { Linear(2, 3), ReLU() };
                    body = Sequential(layers);
                    wrapped = Sequential(Linear(3, 3), ReLU());
                    helper = Square(3);
                    head = Linear(3, 1);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => head.call(helper.call(wrapped.call(body.call(x))));

                private static Linear Square(int size) => Linear(size, size);
            }
            """);

        var orders = Variants(source, count: 10);

        Assert.That(orders.Select(order => order.Layers).ToList(), Has.Count.EqualTo(6).And.Contains("head, helper, wrapped"),
            "Sequential(layers) wraps layers created before it and draws nothing; Sequential(Linear(...)) and Square(3) draw");
        Assert.That(orders.Select(order => ConstructorStatements(order.Files[0].Text)[1]), Is.All.EqualTo("body = Sequential(layers);"));
        Assert.That(orders.Select(Compile), Is.All.InstanceOf<CompileResult.Success>());
    }

    [Test]
    public void Field_declarations_that_create_layers_trade_places_and_the_other_members_stay()
    {
        var source = Demo("""
            public sealed class FieldNet : Module<Tensor, Tensor>
            {
                private readonly Linear first = Linear(2, 3);
                private readonly int width = 3;
                private readonly ReLU act = ReLU();
                private readonly Linear second = Linear(3, 1);

                public FieldNet()
                    : base(nameof(FieldNet))
                {
                    RegisterComponents();
                }

                public override Tensor forward(Tensor x) => second.call(act.call(first.call(x))) * width;
            }
            """);

        var orders = Variants(source, count: 10);

        Assert.That(orders.Select(order => order.Layers), Is.EqualTo(new[] { "first, second", "second, first" }));
        var members = CSharpSyntaxTree.ParseText(orders[1].Files[0].Text).GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()
            .Select(field => field.Declaration.Variables[0].Identifier.ValueText);
        Assert.That(members, Is.EqualTo(new[] { "second", "width", "act", "first" }), "C# runs field initialisers in declaration order");
        Assert.That(Compile(orders[1]), Is.InstanceOf<CompileResult.Success>());
    }

    [Test]
    public void The_orders_picked_for_the_course_network_are_distinct_and_the_same_on_every_run()
    {
        using var alternative = EditedSubmission.Create(Course.PathOf("tests", "Grader.Tests", "Alternatives", "09-fields-reordered-cosine"), Course.PathOf("solutions"));
        var files = SubmissionReader.Read(alternative.Root).Exercises["09-traffic-signs"];
        var compiled = (CompileResult.Success)SubmissionCompiler.Compile("Orders", files, usings: CourseUsings.WithTorchSharp);

        var first = CreationOrders.Variants(compiled.Compilation, files, 4, seed: 1);
        var again = CreationOrders.Variants(compiled.Compilation, files, 4, seed: 1);
        var otherSeed = CreationOrders.Variants(compiled.Compilation, files, 4, seed: 2);
        var all = CreationOrders.Variants(compiled.Compilation, files, 100, seed: 1);

        Assert.That(first.Select(order => order.Label), Is.Unique);
        Assert.That(first[0].Label, Is.EqualTo("order 1: head, conv3, conv2, conv1"), "the order as written first; dropout, batch norms and pooling stay in place");
        Assert.That(again.Select(order => order.Files[0].Text), Is.EqualTo(first.Select(order => order.Files[0].Text)), "the same seed picks the same orders");
        Assert.That(otherSeed.Skip(1).Select(order => order.Layers), Is.Not.EqualTo(first.Skip(1).Select(order => order.Layers)), "the seed picks the orders");
        Assert.That(all, Has.Count.EqualTo(24), "4 convolutions and linear layers: 4! orders when more are asked for");
        Assert.That(all.Select(order => order.Layers), Is.Unique);
        Assert.That(first.Skip(1).Select(Compile), Is.All.InstanceOf<CompileResult.Success>());
    }

    [Test]
    public void Every_layer_said_to_draw_no_random_numbers_leaves_the_generator_where_it_was()
    {
        var factories = new Dictionary<string, Func<nn.Module>>
        {
            ["ReLU"] = () => nn.ReLU(), ["LeakyReLU"] = () => nn.LeakyReLU(), ["GELU"] = () => nn.GELU(),
            ["Sigmoid"] = () => nn.Sigmoid(), ["Tanh"] = () => nn.Tanh(), ["Softmax"] = () => nn.Softmax(1),
            ["LogSoftmax"] = () => nn.LogSoftmax(1), ["Softplus"] = () => nn.Softplus(), ["Identity"] = () => nn.Identity(),
            ["Flatten"] = () => nn.Flatten(), ["Unflatten"] = () => nn.Unflatten(1, [2, 2]), ["Dropout"] = () => nn.Dropout(0.2),
            ["Dropout2d"] = () => nn.Dropout2d(0.2), ["MaxPool1d"] = () => nn.MaxPool1d(2), ["MaxPool2d"] = () => nn.MaxPool2d(2),
            ["AvgPool1d"] = () => nn.AvgPool1d(2), ["AvgPool2d"] = () => nn.AvgPool2d(2), ["AdaptiveAvgPool2d"] = () => nn.AdaptiveAvgPool2d(1),
            ["MaxUnpool2d"] = () => nn.MaxUnpool2d(2, 2, 0), ["BatchNorm1d"] = () => nn.BatchNorm1d(4), ["BatchNorm2d"] = () => nn.BatchNorm2d(4),
            ["LayerNorm"] = () => nn.LayerNorm(4),
        };
        Assert.That(factories.Keys, Is.EquivalentTo(CreationSteps.DrawNoRandomNumbers), "every name on the list is tried here");

        foreach (var (name, create) in factories)
        {
            Assert.That(DrawsFromTheGenerator(create, out var type), Is.False, $"creating {name} drew random numbers");
            Assert.That(type, Is.EqualTo(name), "the list names the type the factory returns, as the rewriter sees it");
        }

        Assert.That(DrawsFromTheGenerator(() => nn.Linear(4, 2), out _), Is.True, "the control: a linear layer draws its weights");
        Assert.That(DrawsFromTheGenerator(() => nn.Conv2d(3, 4, 3), out _), Is.True, "the control: a convolution draws its weights");
    }

    private static bool DrawsFromTheGenerator(Func<nn.Module> create, out string type)
    {
        torch.manual_seed(11);
        using var before = torch.rand(8);
        torch.manual_seed(11);
        using (var module = create())
        {
            type = module.GetType().Name;
        }

        using var after = torch.rand(8);
        return !before.equal(after).all().item<bool>();
    }

    /// <summary>A test network's file: the TorchSharp usings, the namespace Demo, then <paramref name="code"/>.</summary>
    private static string Demo(string code) =>
        "using TorchSharp;\nusing TorchSharp.Modules;\nusing static TorchSharp.torch;\nusing static TorchSharp.torch.nn;\n\nnamespace Demo;\n\n" + code;

    private static IReadOnlyList<CreationOrder> Variants(string source, int count)
    {
        SourceFile[] files = [new("Demo/Net.cs", source)];
        var compiled = SubmissionCompiler.Compile("Orders", files);
        Assert.That(compiled, Is.InstanceOf<CompileResult.Success>(), "the test's source compiles as written");
        return CreationOrders.Variants(((CompileResult.Success)compiled).Compilation, files, count, seed: 1);
    }

    private static CompileResult Compile(CreationOrder order) => SubmissionCompiler.Compile("Orders", order.Files, usings: CourseUsings.WithTorchSharp);

    private static List<string> ConstructorStatements(string text) =>
        [.. CSharpSyntaxTree.ParseText(text).GetRoot().DescendantNodes().OfType<ConstructorDeclarationSyntax>().Single()
            .Body!.Statements.Select(statement => statement.ToString())];

    private static string Factory(string layer) => layer switch
    {
        "conv1" => "Conv2d(3, 4, 3)",
        "conv2" => "Conv2d(4, 4, 3)",
        _ => "Linear(4, 2)",
    };

    private static nn.Module Layer(string name) => name switch
    {
        "conv1" => nn.Conv2d(3, 4, 3),
        "conv2" => nn.Conv2d(4, 4, 3),
        _ => nn.Linear(4, 2),
    };
}
