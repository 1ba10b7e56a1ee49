using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>
/// <paramref name="layers"/> transformer blocks of one config and a final layer norm (pre-LN stacks need one: their
/// residual stream is never normalised inside the blocks). An encoder (BERT, ViT), a decoder with cross-attention
/// (T5's decoder) or a decoder-only stack (GPT), depending on the config. Layer i of a KV cache belongs to block i.
/// </summary>
public sealed class TransformerStack : nn.Module<Tensor, Tensor>
{
    readonly ModuleList<TransformerBlock> blocks;
    readonly LayerNorm? norm;

    public TransformerBlockConfig Config { get; }

    /// <param name="config">Every block's sizes.</param>
    /// <param name="layers">Number of blocks.</param>
    /// <param name="finalNorm">Add a layer norm after the last block (null: exactly when the blocks are pre-LN).</param>
    /// <param name="device">Where the weights live.</param>
    public TransformerStack(TransformerBlockConfig config, int layers, bool? finalNorm = null, Device? device = null) : base(nameof(TransformerStack))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (layers < 1) throw new ArgumentException($"Layers must be at least 1; got {layers}.", "Layers");
        Config = config;
        blocks = nn.ModuleList(Enumerable.Range(0, layers).Select(_ => new TransformerBlock(config, device)).ToArray());
        norm = (finalNorm ?? config.PreLayerNorm) ? nn.LayerNorm(config.ModelDim, device: device) : null;
        RegisterComponents();
    }

    /// <summary>The blocks, first to last.</summary>
    public IReadOnlyList<TransformerBlock> Blocks => blocks.ToArray();

    /// <summary>Number of blocks (the layers a KV cache for this stack needs).</summary>
    public int Layers => blocks.Count;

    /// <summary>The final layer norm, or null when there is none.</summary>
    public LayerNorm? FinalNorm => norm;

    public override Tensor forward(Tensor x) => Forward(x);

    /// <summary>Tokens [B, T, d] through every block (masks, memory and cache as in <see cref="TransformerBlock.Forward"/>), then the final norm.</summary>
    public Tensor Forward(Tensor x, Tensor? mask = null, Tensor? memory = null, Tensor? memoryMask = null, KvCache? cache = null)
    {
        if (cache is not null && cache.Layers < blocks.Count)
            throw new ArgumentException($"The cache has {cache.Layers} layers; this stack needs {blocks.Count}.", nameof(cache));
        using var scope = NewDisposeScope();
        for (int i = 0; i < blocks.Count; i++)
            x = blocks[i].Forward(x, mask, memory, memoryMask, cache, i);
        if (norm is not null) x = norm.call(x);
        return scope.MoveToOuter(x);
    }

    /// <summary>
    /// <see cref="Forward"/>, also returning every block's self-attention weights [Layers, B, Heads, T, Tk]
    /// and, for decoder blocks, cross-attention weights [Layers, B, Heads, T, S] (null otherwise).
    /// </summary>
    public (Tensor Output, Tensor SelfWeights, Tensor? CrossWeights) ForwardWithWeights(Tensor x, Tensor? mask = null, Tensor? memory = null,
        Tensor? memoryMask = null, KvCache? cache = null)
    {
        if (cache is not null && cache.Layers < blocks.Count)
            throw new ArgumentException($"The cache has {cache.Layers} layers; this stack needs {blocks.Count}.", nameof(cache));
        using var scope = NewDisposeScope();
        var self = new List<Tensor>();
        var cross = new List<Tensor>();
        for (int i = 0; i < blocks.Count; i++)
        {
            var (next, s, c) = blocks[i].ForwardWithWeights(x, mask, memory, memoryMask, cache, i);
            self.Add(s);
            if (c is not null) cross.Add(c);
            x = next;
        }
        if (norm is not null) x = norm.call(x);
        return (scope.MoveToOuter(x), scope.MoveToOuter(stack(self)), cross.Count == 0 ? null : scope.MoveToOuter(stack(cross)));
    }
}
