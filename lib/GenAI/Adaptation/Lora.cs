using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Adaptation;

/// <summary>
/// LoRA (Hu et al., 2021): a frozen linear layer plus a trainable low-rank update,
/// y = W x + b + (alpha / r) · B A x, with A [r, d_in] drawn at random and B [d_out, r] zero, so that before the first
/// step the wrapped layer computes exactly what the base layer computes. Only A and B train:
/// r · (d_in + d_out) numbers instead of d_in · d_out.
/// </summary>
public sealed class LoraLinear : nn.Module<Tensor, Tensor>
{
    readonly Linear base_layer;
    readonly Parameter lora_A;   // [r, d_in], random
    readonly Parameter lora_B;   // [d_out, r], zero
    bool merged;

    /// <summary>Rank r of the update.</summary>
    public int Rank { get; }
    /// <summary>alpha of the scaling alpha / r.</summary>
    public double Alpha { get; }
    /// <summary>The factor alpha / r in front of B A.</summary>
    public double Scaling => Alpha / Rank;
    /// <summary>The frozen layer being adapted.</summary>
    public Linear Base => base_layer;
    /// <summary>A [r, d_in] and B [d_out, r].</summary>
    public Parameter A => lora_A;
    public Parameter B => lora_B;
    /// <summary>True once <see cref="Merge"/> has folded B A into W: the wrapper then only calls the base layer.</summary>
    public bool IsMerged => merged;

    /// <param name="baseLayer">The layer to adapt; its weight and bias are frozen (requires_grad = false).</param>
    /// <param name="rank">Rank r, at least 1 and at most min(d_in, d_out).</param>
    /// <param name="alpha">Scale alpha (the update is multiplied by alpha / r); the paper uses alpha = r or 2r.</param>
    /// <param name="generator">Seeds A's random draw.</param>
    public LoraLinear(Linear baseLayer, int rank, double alpha = 1.0, Generator? generator = null) : base(nameof(LoraLinear))
    {
        ArgumentNullException.ThrowIfNull(baseLayer);
        var weight = baseLayer.weight ?? throw new ArgumentException("The base layer has no weight.", nameof(baseLayer));
        long dOut = weight.shape[0], dIn = weight.shape[1];
        if (rank < 1 || rank > Math.Min(dIn, dOut))
            throw new ArgumentException($"rank must be in 1..min(d_in, d_out) = 1..{Math.Min(dIn, dOut)} for a {dIn} -> {dOut} layer; got {rank}.", nameof(rank));
        if (!(alpha > 0) || double.IsInfinity(alpha))
            throw new ArgumentException($"alpha must be a positive number; got {alpha}.", nameof(alpha));
        Rank = rank;
        Alpha = alpha;
        base_layer = baseLayer;
        foreach (var p in baseLayer.parameters()) p.requires_grad = false;
        using (no_grad())
        {
            // A ~ U(-1/sqrt(d_in), 1/sqrt(d_in)) (the paper: random Gaussian; PEFT: Kaiming-uniform), B = 0  =>  B A = 0 at the start
            double bound = 1.0 / Math.Sqrt(dIn);
            var a = empty(rank, dIn, weight.dtype, weight.device);
            a.uniform_(-bound, bound, generator);   // Tensor.uniform_: TorchSharp 0.107's nn.init.uniform_ ignores its generator
            lora_A = new Parameter(a);
            lora_B = new Parameter(zeros(dOut, rank, weight.dtype, weight.device));
        }
        RegisterComponents();
    }

    /// <summary>The low-rank part alone, (alpha / r) · B A x: x [..., d_in] -> [..., d_out].</summary>
    public Tensor Delta(Tensor x)
    {
        using var scope = NewDisposeScope();
        // x A^T is [..., r], then times B^T: [..., d_out]
        var h = nn.functional.linear(x, lora_A);
        return scope.MoveToOuter(nn.functional.linear(h, lora_B).mul(Scaling));
    }

    /// <summary>y = W x + b + (alpha / r) · B A x (after merging: W' x + b with W' = W + (alpha / r) B A).</summary>
    public override Tensor forward(Tensor x)
    {
        if (merged) return base_layer.call(x);
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(base_layer.call(x).add(Delta(x)));
    }

    /// <summary>The update (alpha / r) · B A as a [d_out, d_in] matrix (what merging adds to W).</summary>
    public Tensor DeltaWeight()
    {
        using var noGrad = no_grad();
        return lora_B.mm(lora_A).mul(Scaling);
    }

    /// <summary>
    /// Folds the update into the base layer, W ← W + (alpha / r) B A, and returns that layer: it now computes what the
    /// adapted layer computed, at the base layer's cost, with no adapter left. The wrapper forwards to it from then on.
    /// </summary>
    public Linear Merge()
    {
        if (merged) throw new InvalidOperationException("This LoRA layer is already merged into its base layer.");
        using (no_grad())
        using (var delta = DeltaWeight())
            base_layer.weight!.add_(delta);
        merged = true;
        return base_layer;
    }

    /// <summary>Trainable numbers a rank-r adapter adds to a d_in -> d_out layer: r · (d_in + d_out).</summary>
    public static long TrainableCount(long dIn, long dOut, int rank) => rank * (dIn + dOut);
}

/// <summary>
/// LoRA adapters attached to chosen <see cref="Linear"/> layers of an existing model, found by name
/// (<c>named_modules()</c>, e.g. "encoder.blocks.0.attention.q_proj"). Each chosen layer keeps its place in the model;
/// a forward hook adds (alpha / r) · B A x to its output, so the model's own code is unchanged. Every parameter of the model is
/// frozen except those <paramref name="trainable"/> names; the adapters' A and B are the parameters of this module (train
/// <see cref="TrainableParameters"/>). <see cref="Merge"/> folds every update into its W and removes the hooks.
/// </summary>
public sealed class LoraAdapters : nn.Module
{
    readonly List<(string Name, LoraLinear Lora, IDisposable? Hook)> adapters = [];
    readonly List<Parameter> alsoTrained = [];
    readonly List<Action> removeHooks = [];
    bool merged;

    LoraAdapters() : base(nameof(LoraAdapters)) { }

    /// <summary>The names of the adapted layers, in the model's order.</summary>
    public IReadOnlyList<string> LayerNames => adapters.Select(a => a.Name).ToList();
    /// <summary>The adapter of each adapted layer.</summary>
    public IReadOnlyList<LoraLinear> Layers => adapters.Select(a => a.Lora).ToList();
    public bool IsMerged => merged;

    /// <summary>A and B of every adapter plus the model parameters left trainable (a new head, say): what the optimiser gets.</summary>
    public IReadOnlyList<Parameter> TrainableParameters =>
        merged ? alsoTrained : adapters.SelectMany(a => new[] { a.Lora.A, a.Lora.B }).Concat(alsoTrained).ToList();

    /// <summary>How many numbers train: Σ r · (d_in + d_out) over the adapted layers, plus the parameters left trainable.</summary>
    public long TrainableCount => TrainableParameters.Sum(p => p.numel());

    /// <summary>
    /// Freezes <paramref name="model"/> and attaches a rank-<paramref name="rank"/> adapter to every Linear whose name
    /// <paramref name="select"/> accepts.
    /// </summary>
    /// <param name="trainable">Model parameters (by name, as in named_parameters) to leave trainable, e.g. a new classification head.</param>
    public static LoraAdapters Apply(nn.Module model, Func<string, bool> select, int rank, double alpha, long seed,
        Func<string, bool>? trainable = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(select);
        var result = new LoraAdapters();
        foreach (var (name, p) in model.named_parameters())
        {
            bool keep = trainable?.Invoke(name) ?? false;
            p.requires_grad = keep;
            if (keep) result.alsoTrained.Add(p);
        }
        using var generator = new Generator((ulong)seed);
        foreach (var (name, module) in model.named_modules())
        {
            if (!select(name)) continue;
            if (module is not Linear linear)
                throw new ArgumentException($"LoRA adapts Linear layers; '{name}' is a {module.GetType().Name}.", nameof(select));
            var lora = new LoraLinear(linear, rank, alpha, generator);
            // the hook replaces the layer's output y = W x + b by y + (alpha / r) B A x
            var hook = linear.register_forward_hook((_, input, output) => output.add(lora.Delta(input)));
            result.adapters.Add((name, lora, null));
            result.removeHooks.Add(hook.remove);
            result.register_module(name.Replace('.', '_'), lora);
        }
        if (result.adapters.Count == 0)
            throw new ArgumentException("No Linear layer of the model matched the selection; list them with named_modules().", nameof(select));
        return result;
    }

    /// <summary>Attaches adapters to the layers with exactly these names.</summary>
    public static LoraAdapters Apply(nn.Module model, IReadOnlyCollection<string> layerNames, int rank, double alpha, long seed,
        Func<string, bool>? trainable = null)
    {
        var known = model.named_modules().Select(m => m.Item1).ToHashSet();
        foreach (var n in layerNames)
            if (!known.Contains(n)) throw new ArgumentException($"The model has no layer named '{n}'.", nameof(layerNames));
        return Apply(model, layerNames.Contains, rank, alpha, seed, trainable);
    }

    /// <summary>Folds every adapter into its layer's W and removes the hooks: the model is a plain model again, as cheap as the base.</summary>
    public void Merge()
    {
        if (merged) throw new InvalidOperationException("The adapters are already merged.");
        foreach (var remove in removeHooks) remove();
        foreach (var (_, lora, _) in adapters) lora.Merge();
        merged = true;
    }
}
