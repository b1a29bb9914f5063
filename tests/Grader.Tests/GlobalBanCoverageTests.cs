using Autograder.Grader.Policy;

namespace Autograder.Grader.Tests;

/// <summary>
/// Every entry of the global deny-list (the denials inside and around the allow-list) has a use here that the policy must reject, and a new
/// entry without one fails <see cref="Every_global_ban_has_a_case"/>.
/// </summary>
public sealed class GlobalBanCoverageTests
{
    private static readonly Dictionary<string, string> Uses = new()
    {
        ["System.IO.*"] = "var s = System.IO.File.Exists(\"x\");",
        ["System.Net.*"] = "var a = System.Net.IPAddress.Loopback;",
        ["System.Diagnostics.*"] = "var p = System.Diagnostics.Process.GetCurrentProcess();",
        ["System.Environment"] = "var d = Environment.CurrentDirectory;",
        ["System.AppContext"] = "var d = AppContext.BaseDirectory;",
        ["System.AppDomain"] = "var d = AppDomain.CurrentDomain;",
        ["System.Activator"] = "var o = Activator.CreateInstance(typeof(object));",
        ["System.Type"] = "var m = typeof(string).GetMembers();",
        ["System.Reflection.*"] = "var a = System.Reflection.Assembly.GetExecutingAssembly();",
        ["System.Delegate.DynamicInvoke"] = "Func<int> f = () => 1; var r = f.DynamicInvoke();",
        ["System.Delegate.Method"] = "Func<int> f = () => 1; var m = f.Method;",
        ["System.Runtime.CompilerServices.UnsafeAccessorAttribute"] = "",
        ["System.Runtime.CompilerServices.RuntimeHelpers"] = "System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(C).TypeHandle);",
        ["System.Resources.*"] = "var r = new System.Resources.ResourceManager(\"x\", null!);",
        ["System.Linq.Expressions.*"] = "var e = System.Linq.Expressions.Expression.Constant(1);",
        ["System.Runtime.Loader.*"] = "var c = System.Runtime.Loader.AssemblyLoadContext.Default;",
        ["System.Runtime.CompilerServices.ModuleInitializerAttribute"] = "",
        ["System.Runtime.InteropServices.*"] = "var h = System.Runtime.InteropServices.GCHandle.Alloc(new object());",
        ["System.Runtime.CompilerServices.Unsafe"] = "var o = System.Runtime.CompilerServices.Unsafe.As<string>(new object());",
        ["System.Buffer.MemoryCopy"] = "",
        ["System.Threading.*"] = "System.Threading.Thread.Sleep(1);",
        ["System.Timers.*"] = "var t = new System.Timers.Timer(10);",
        ["System.Console"] = "var k = Console.KeyAvailable;",
        ["System.GC"] = "GC.Collect();",
        ["System.Runtime.GCSettings"] = "var l = System.Runtime.GCSettings.LatencyMode;",
        ["System.Runtime.MemoryFailPoint"] = "using var f = new System.Runtime.MemoryFailPoint(10);",
        ["TorchSharp.torch.set_num_threads"] = "TorchSharp.torch.set_num_threads(8);",
        ["TorchSharp.torch.set_num_interop_threads"] = "TorchSharp.torch.set_num_interop_threads(8);",
        ["TorchSharp.torch.jit"] = "var m = TorchSharp.torch.jit.load(new byte[0]);",
        ["TorchSharp.torch.export"] = "var p = TorchSharp.torch.export.load(\"model.pt2\");",
        ["TorchSharp.ExportedProgram"] = "TorchSharp.ExportedProgram? p = null;",
        ["TorchSharp.torch.hub"] = "TorchSharp.torch.hub.download_url_to_file(\"http://example.com/w\", \"w\", \"\", false);",
        ["TorchSharp.torch.utils.tensorboard"] = "var w = TorchSharp.torch.utils.tensorboard.SummaryWriter(\"logs\");",
        ["TorchSharp.Utils.tensorboard.*"] = "var t = typeof(TorchSharp.Utils.tensorboard.Enums.HistogramBinSelector);",
        ["TorchSharp.Data.*"] = "TorchSharp.Data.DataIterator? d = null;",
        ["TorchSharp.Utils.Decompress"] = "TorchSharp.Utils.Decompress.ExtractTGZ(\"a.tgz\", \"out\");",
        ["TorchSharp.torch.from_file"] = "var t = TorchSharp.torch.from_file(\"weights.bin\");",
        ["TorchSharp.torch.Tensor.Handle"] = "var h = TorchSharp.torch.zeros(1).Handle;",
        ["TorchSharp.torch.Tensor.UnsafeCreateTensor"] = "var t = TorchSharp.torch.Tensor.UnsafeCreateTensor(IntPtr.Zero);",
        ["TorchSharp.torch.Tensor.DecoupleFromNativeHandle"] = "var h = TorchSharp.torch.zeros(1).DecoupleFromNativeHandle();",
        ["TorchSharp.torch.Generator.Handle"] = "var h = new TorchSharp.torch.Generator(1).Handle;",
        ["TorchSharp.torch.Storage.data_ptr"] = "var p = TorchSharp.torch.zeros(1).storage<float>().data_ptr();",
        ["TorchSharp.AllocatePinnedArray"] = "TorchSharp.AllocatePinnedArray? a = null;",
        ["TorchSharp.AllocateIndexedNativeTensorOrScalarArray"] = "TorchSharp.AllocateIndexedNativeTensorOrScalarArray? a = null;",
        ["TorchSharp.DistanceFunctionNative"] = "TorchSharp.DistanceFunctionNative? f = null;",
        ["TorchSharp.FieldInfoExtensionMethods"] = "var t = typeof(TorchSharp.FieldInfoExtensionMethods);",
        ["TorchSharp.torch.set_default_dtype"] = "TorchSharp.torch.set_default_dtype(TorchSharp.torch.float64);",
        ["System.Delegate.CreateDelegate"] = "var d = Delegate.CreateDelegate(typeof(Action), typeof(C), \"M\");",
        ["System.TypedReference"] = "TypedReference r = default;",
        ["System.ArgIterator"] = "",
        ["System.RuntimeArgumentHandle"] = "",
        ["System.Linq.ParallelEnumerable"] = "var s = System.Linq.ParallelEnumerable.AsParallel(new[] { 1 });",
        ["System.Linq.AsyncEnumerable"] = "var e = System.Linq.AsyncEnumerable.Empty<int>();",
        ["System.Linq.Queryable"] = "var q = System.Linq.Queryable.AsQueryable(new[] { 1 });",
        ["System.Text.EncodingProvider"] = "System.Text.EncodingProvider? p = null;",
        ["System.Text.Encoding.RegisterProvider"] = "System.Text.Encoding.RegisterProvider(null!);",
    };

    /// <summary>Bans that need a declaration rather than a statement.</summary>
    private static readonly Dictionary<string, string> Members = new()
    {
        ["System.Runtime.CompilerServices.UnsafeAccessorAttribute"] =
            "[System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"M\")] static extern void Call(C c);",
        ["System.Runtime.CompilerServices.ModuleInitializerAttribute"] = "[System.Runtime.CompilerServices.ModuleInitializer] internal static void Boot() { }",
        ["System.Buffer.MemoryCopy"] = "static unsafe void Copy(byte* a, byte* b) => Buffer.MemoryCopy(a, b, 1, 1);",
        ["System.ArgIterator"] = "static int Count(__arglist) => new ArgIterator(__arglist).GetRemainingCount();",
        ["System.RuntimeArgumentHandle"] = "static void Keep(__arglist) { RuntimeArgumentHandle h = __arglist; }",
    };

    public static IEnumerable<TestCaseData> Bans() =>
        GlobalBans.All.Select(ban => new TestCaseData(ban.Pattern).SetName($"GlobalBan({ban.Pattern})"));

    [Test]
    public void Every_global_ban_has_a_case()
    {
        Assert.That(Uses.Keys, Is.EquivalentTo(GlobalBans.All.Select(ban => ban.Pattern)));
    }

    [TestCaseSource(nameof(Bans))]
    public void A_use_of_the_banned_api_is_rejected(string pattern)
    {
        var member = Members.GetValueOrDefault(pattern, "");
        var code = "using System;\npublic class C {\n" + member + "\npublic static void M() {\n" + Uses[pattern] + "\n}\n}";

        var violations = PolicyOf.Violations(code, "01-perceptron/C.cs");

        var reason = GlobalBans.All.Single(ban => ban.Pattern == pattern).Reason;
        Assert.That(violations.Select(violation => violation.Reason), Has.Member(reason), string.Join('\n', violations));
    }
}
