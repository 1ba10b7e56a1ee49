using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Transformers;

/// <summary>The nonlinearity between the feed-forward network's two layers.</summary>
public enum FeedForwardActivation
{
    /// <summary>GELU (GPT, BERT, ViT): x Φ(x), a smooth ReLU.</summary>
    Gelu,
    /// <summary>ReLU (the original transformer; PyTorch's TransformerEncoderLayer's default).</summary>
    Relu,
}

/// <summary>
/// The position-wise feed-forward network: the same two-layer MLP on every token, d -> FfnDim -> d
/// (usually FfnDim = 4d): FFN(x) = Dropout(act(x W_1 + b_1) W_2 + b_2). Attention lets tokens exchange
/// information; this is where each token processes what it gathered, alone.
/// </summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1;   // d -> FfnDim
    readonly nn.Module<Tensor, Tensor> activation;
    readonly Linear fc2;   // FfnDim -> d
    readonly Dropout dropout;

    public int ModelDim { get; }
    public int FfnDim { get; }

    /// <param name="modelDim">Width d of the tokens in and out.</param>
    /// <param name="ffnDim">Hidden width (4d in GPT and BERT).</param>
    /// <param name="dropout">Dropout on the output while training, in [0, 1).</param>
    /// <param name="activation">GELU (default) or ReLU.</param>
    /// <param name="device">Where the weights live.</param>
    public FeedForward(int modelDim, int ffnDim, double dropout = 0, FeedForwardActivation activation = FeedForwardActivation.Gelu, Device? device = null)
        : base(nameof(FeedForward))
    {
        if (modelDim < 1) throw new ArgumentException($"modelDim must be at least 1; got {modelDim}.", nameof(modelDim));
        if (ffnDim < 1) throw new ArgumentException($"ffnDim must be at least 1; got {ffnDim}.", nameof(ffnDim));
        if (dropout is < 0 or >= 1 || double.IsNaN(dropout)) throw new ArgumentException($"dropout must be in [0, 1); got {dropout}.", nameof(dropout));
        ModelDim = modelDim;
        FfnDim = ffnDim;
        fc1 = nn.Linear(modelDim, ffnDim, device: device);
        this.activation = activation switch
        {
            FeedForwardActivation.Gelu => nn.GELU(),
            FeedForwardActivation.Relu => nn.ReLU(),
            _ => throw new ArgumentException($"Unknown activation {activation}.", nameof(activation)),
        };
        fc2 = nn.Linear(ffnDim, modelDim, device: device);
        this.dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>x [..., d] -> [..., d], the same MLP on every position.</summary>
    public override Tensor forward(Tensor x)
    {
        if (x.ndim < 1 || x.shape[^1] != ModelDim)
            throw new ArgumentException($"Expected tokens [..., {ModelDim}]; got {ShapeText.Of(x)}.", nameof(x));
        // FFN(x) = act(x W_1 + b_1) W_2 + b_2
        using var scope = NewDisposeScope();
        return scope.MoveToOuter(dropout.call(fc2.call(activation.call(fc1.call(x)))));
    }
}
