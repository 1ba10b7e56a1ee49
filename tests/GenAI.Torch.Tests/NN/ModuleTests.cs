// Module bookkeeping: registration from fields, traversal order, train/eval, state_dict,
// load_state_dict errors, save/load files, device/dtype conversion, containers and hooks.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Torch.Tests.NN;

[Collection(SeededCollection.Name)]
public class ModuleTests
{
    private static bool Same(Tensor a, Tensor b) => a.equal(b).item<bool>();

    // Fields deliberately out of alphabetical order: registration follows declaration order.
    private sealed class TwoLayer : nn.Module<Tensor, Tensor>
    {
        private readonly Linear fc2;
        private readonly Linear fc1;
        private readonly Parameter scale;
        private readonly Tensor offset;
        private readonly BatchNorm1d norm;

        public TwoLayer() : base(nameof(TwoLayer))
        {
            fc2 = nn.Linear(4, 3);
            fc1 = nn.Linear(2, 4);
            scale = nn.Parameter(torch.ones(3));
            offset = torch.zeros(3);
            norm = nn.BatchNorm1d(4);
            RegisterComponents();
        }

        public override Tensor forward(Tensor input)
        {
            using var h = norm.call(fc1.call(input));
            using var y = fc2.call(h);
            return y * scale + offset;
        }
    }

    [Fact]
    public void RegisterComponents_registers_fields_in_declaration_order_own_parameters_first()
    {
        using var m = new TwoLayer();
        Assert.Equal(new[] { "scale", "fc2.weight", "fc2.bias", "fc1.weight", "fc1.bias", "norm.weight", "norm.bias" },
            m.named_parameters().Select(p => p.name));
        Assert.Equal(new[] { "fc2", "fc1", "norm" }, m.named_children().Select(c => c.name));
        Assert.Equal(new[] { "", "fc2", "fc1", "norm" }, m.named_modules().Select(c => c.name));
        Assert.Equal(new[] { "offset", "norm.running_mean", "norm.running_var", "norm.num_batches_tracked" }, m.named_buffers().Select(b => b.name));
        Assert.Equal(new[] { "scale", "offset", "fc2.weight", "fc2.bias", "fc1.weight", "fc1.bias",
            "norm.weight", "norm.bias", "norm.running_mean", "norm.running_var", "norm.num_batches_tracked" }, m.state_dict().Keys);
        Assert.Same(m.get_parameter("fc1.weight"), ((Linear)m.named_children().First(c => c.name == "fc1").module).weight);
        Assert.True(m.has_buffer("norm.running_var"));
        Assert.False(m.has_parameter("norm.running_var"));
    }

    [Fact]
    public void Parameter_count_of_a_16_to_5_layer_is_85()
    {
        using var layer = nn.Linear(16, 5);
        Assert.Equal(85, layer.parameters().Sum(p => p.numel()));
        using var noBias = nn.Linear(16, 5, hasBias: false);
        Assert.Equal(80, noBias.parameters().Sum(p => p.numel()));
        Assert.Null(noBias.bias);
        Assert.Equal(new[] { "weight" }, noBias.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Train_and_eval_reach_every_descendant()
    {
        using var m = new TwoLayer();
        Assert.True(m.training);
        m.eval();
        Assert.All(m.modules(), x => Assert.False(x.training));
        m.train();
        Assert.All(m.modules(), x => Assert.True(x.training));
    }

    [Fact]
    public void State_dict_round_trip_copies_values_into_another_model()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(1);
        using var a = new TwoLayer();
        torch.manual_seed(2);
        using var b = new TwoLayer();
        Assert.False(a.get_parameter("fc1.weight").allclose(b.get_parameter("fc1.weight")));
        var (missing, unexpected) = b.load_state_dict(a.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        foreach (var (name, p) in a.named_parameters())
            Assert.True(Same(p, b.get_parameter(name)), name);
        var x = torch.randn(5, 2);
        a.eval(); b.eval();
        Assert.True(Same(a.call(x), b.call(x)));
    }

    [Fact]
    public void Load_state_dict_with_a_wrong_shape_names_the_key_and_both_shapes_and_changes_nothing()
    {
        using var scope = NewDisposeScope();
        using var m = nn.Linear(3, 2);
        var before = m.weight.clone();
        var sd = new Dictionary<string, Tensor> { ["weight"] = torch.zeros(2, 4), ["bias"] = torch.zeros(2) };
        var e = Assert.Throws<ArgumentException>(() => m.load_state_dict(sd));
        Assert.Contains("'weight'", e.Message);
        Assert.Contains("[2, 4]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
        Assert.True(Same(m.weight, before));
        Assert.False(Same(m.bias!, torch.zeros(2)));
    }

    [Fact]
    public void Strict_load_lists_missing_and_unexpected_keys_non_strict_returns_them()
    {
        using var scope = NewDisposeScope();
        using var m = nn.Linear(3, 2);
        var sd = new Dictionary<string, Tensor> { ["weight"] = torch.ones(2, 3), ["extra.thing"] = torch.zeros(1) };
        var e = Assert.Throws<ArgumentException>(() => m.load_state_dict(sd));
        Assert.Contains("missing key(s): 'bias'", e.Message);
        Assert.Contains("unexpected key(s): 'extra.thing'", e.Message);
        var (missing, unexpected) = m.load_state_dict(sd, strict: false);
        Assert.Equal(new[] { "bias" }, missing);
        Assert.Equal(new[] { "extra.thing" }, unexpected);
        Assert.True(Same(m.weight, torch.ones(2, 3)));
    }

    [Fact]
    public void Save_and_load_round_trip_through_a_file()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"genai-module-{Guid.NewGuid():N}.bin");
        try
        {
            torch.manual_seed(3);
            using var a = new TwoLayer();
            a.train();
            a.call(torch.randn(6, 2)); // moves the batch-norm statistics away from their defaults
            a.save(path);
            torch.manual_seed(4);
            using var b = new TwoLayer();
            var loaded = new Dictionary<string, bool>();
            b.load(path, loadedParameters: loaded);
            foreach (var (name, t) in a.state_dict())
                Assert.True(Same(t, b.state_dict()[name]), name);
            Assert.Equal(1L, b.get_buffer("norm.num_batches_tracked").item<long>());
            Assert.Equal(a.state_dict().Keys.OrderBy(k => k), loaded.Keys.OrderBy(k => k));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_garbage_file_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"genai-garbage-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllText(path, "this is not a model");
            using var m = nn.Linear(3, 2);
            var e = Assert.Throws<InvalidDataException>(() => m.load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("not a GenAI.Torch module file", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Loading_a_truncated_file_or_the_wrong_model_names_the_file()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(Path.GetTempPath(), $"genai-trunc-{Guid.NewGuid():N}.bin");
        try
        {
            using var m = nn.Linear(3, 2);
            m.save(path);
            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..(bytes.Length - 5)]);
            var e = Assert.Throws<InvalidDataException>(() => m.load(path));
            Assert.Contains(path, e.Message);
            Assert.Contains("truncated", e.Message);

            m.save(path);
            using var other = nn.Linear(4, 2);
            var e2 = Assert.Throws<ArgumentException>(() => other.load(path));
            Assert.Contains(path, e2.Message);
            Assert.Contains("'weight'", e2.Message);

            var missing = Path.Combine(Path.GetTempPath(), $"genai-none-{Guid.NewGuid():N}.bin");
            var e3 = Assert.Throws<FileNotFoundException>(() => m.load(missing));
            Assert.Contains(missing, e3.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void To_double_converts_floating_tensors_in_place_and_keeps_integer_buffers()
    {
        using var scope = NewDisposeScope();
        using var m = new TwoLayer();
        var weight = m.get_parameter("fc1.weight");
        var before = weight.to(ScalarType.Float64);
        m.to(ScalarType.Float64);
        Assert.Same(weight, m.get_parameter("fc1.weight"));
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.True(weight.requires_grad);
        Assert.True(Same(weight, before));
        Assert.Equal(ScalarType.Int64, m.get_buffer("norm.num_batches_tracked").dtype);
        Assert.Equal(ScalarType.Float64, m.get_buffer("norm.running_mean").dtype);
        m.eval();
        Assert.Equal(ScalarType.Float64, m.call(torch.randn(2, 2, ScalarType.Float64)).dtype);
        m.cpu();
        Assert.Equal(DeviceType.CPU, weight.device_type);
    }

    [Fact]
    public void Moving_to_cuda_without_cuda_is_an_exception_not_a_crash()
    {
        if (torch.cuda.is_available()) return; // the CUDA path is exercised on GPU machines
        using var m = nn.Linear(2, 2);
        Assert.ThrowsAny<Exception>(() => m.cuda());
        Assert.Equal(DeviceType.CPU, m.weight.device_type);
    }

    [Fact]
    public void Zero_grad_drops_every_gradient()
    {
        using var scope = NewDisposeScope();
        using var m = new TwoLayer();
        m.call(torch.randn(4, 2)).sum().backward();
        Assert.All(m.parameters(), p => Assert.NotNull(p.grad));
        m.zero_grad();
        Assert.All(m.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Sequential_names_children_by_position_and_slices()
    {
        using var scope = NewDisposeScope();
        using var seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3));
        Assert.Equal(3, seq.Count);
        Assert.Equal(new[] { "0.weight", "0.bias", "2.weight", "2.bias" }, seq.named_parameters().Select(p => p.name));
        var head = seq[..2];
        Assert.Equal(2, head.Count);
        Assert.Equal(new long[] { 5, 8 }, head.call(torch.randn(5, 4)).shape);
        using var named = nn.Sequential(("enc", nn.Linear(2, 2)), ("act", nn.Tanh()));
        Assert.Equal(new[] { "enc.weight", "enc.bias" }, named.named_parameters().Select(p => p.name));
        var x = torch.randn(3, 4);
        var manual = ((Linear)seq[2]).call(torch.nn.functional.relu(((Linear)seq[0]).call(x)));
        Assert.True(manual.allclose(seq.call(x)));
    }

    [Fact]
    public void ModuleList_and_ModuleDict_register_their_items()
    {
        using var list = nn.ModuleList(nn.Linear(2, 3), nn.Linear(3, 1));
        list.Add(nn.Linear(1, 1));
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "2.weight", "2.bias" }, list.named_parameters().Select(p => p.name));
        list.RemoveAt(0);
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias" }, list.named_parameters().Select(p => p.name));
        using var dict = nn.ModuleDict(("encoder", (nn.Module)nn.Linear(2, 2)), ("decoder", nn.Linear(2, 1)));
        Assert.Equal(new[] { "encoder.weight", "encoder.bias", "decoder.weight", "decoder.bias" }, dict.named_parameters().Select(p => p.name));
        Assert.True(dict.ContainsKey("decoder"));
        using var plist = nn.ParameterList(nn.Parameter(torch.zeros(2)), nn.Parameter(torch.ones(3)));
        Assert.Equal(new[] { "0", "1" }, plist.named_parameters().Select(p => p.name));
    }

    [Fact]
    public void Forward_hooks_can_replace_the_output_and_be_removed()
    {
        using var scope = NewDisposeScope();
        using var relu = nn.ReLU();
        var handle = relu.register_forward_hook((m, input, output) => output * 10);
        var x = torch.tensor(new float[] { -1, 2 });
        Assert.Equal(new float[] { 0, 20 }, relu.call(x).data<float>().ToArray());
        handle.remove();
        Assert.Equal(new float[] { 0, 2 }, relu.call(x).data<float>().ToArray());
    }

    [Fact]
    public void Registering_a_duplicate_or_dotted_name_is_an_error()
    {
        using var seq = nn.Sequential(("a", nn.Linear(1, 1)));
        Assert.Throws<ArgumentException>(() => seq.append("a", nn.Linear(1, 1)));
        using var lin = nn.Linear(1, 1);
        var e = Assert.Throws<ArgumentException>(() => lin.register_parameter("x.y", nn.Parameter(torch.zeros(1))));
        Assert.Contains("x.y", e.Message);
    }

    [Fact]
    public void Embedding_from_pretrained_shares_the_table_and_is_frozen_by_default()
    {
        using var scope = NewDisposeScope();
        var table = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 3, 2 });
        using var frozen = nn.Embedding_from_pretrained(table);
        Assert.False(frozen.weight.requires_grad);
        Assert.Equal(new float[] { 5, 6, 1, 2 }, frozen.call(torch.tensor(new long[] { 2, 0 })).data<float>().ToArray());
        using var trainable = nn.Embedding_from_pretrained(table, freeze: false);
        Assert.True(trainable.weight.requires_grad);
        var e = Assert.Throws<ArgumentException>(() => nn.Embedding_from_pretrained(torch.zeros(6)));
        Assert.Contains("[6]", e.Message);
    }

    [Fact]
    public void Embedding_index_out_of_range_is_an_exception()
    {
        using var scope = NewDisposeScope();
        using var emb = nn.Embedding(4, 2);
        var e = Assert.ThrowsAny<Exception>(() => emb.call(torch.tensor(new long[] { 1, 9 })));
        Assert.Contains("out of range", e.Message);
    }

    [Fact]
    public void Recurrent_layers_accept_unbatched_sequences()
    {
        using var scope = NewDisposeScope();
        using var lstm = nn.LSTM(3, 4, numLayers: 2);
        var (output, h, c) = lstm.call(torch.randn(5, 3));
        Assert.Equal(new long[] { 5, 4 }, output.shape);
        Assert.Equal(new long[] { 2, 4 }, h.shape);
        Assert.Equal(new long[] { 2, 4 }, c.shape);
        using var cell = nn.GRUCell(3, 4);
        Assert.Equal(new long[] { 4 }, cell.call(torch.randn(3)).shape);
    }

    [Fact]
    public void Parameters_survive_the_dispose_scope_the_module_was_built_in()
    {
        Linear lin;
        using (var scope = NewDisposeScope())
        {
            lin = nn.Linear(3, 2);
        }
        using (lin)
        {
            Assert.False(lin.weight.IsInvalid);
            using var y = lin.call(torch.ones(1, 3));
            Assert.Equal(new long[] { 1, 2 }, y.shape);
        }
        Assert.True(lin.weight.IsInvalid);
    }
}
