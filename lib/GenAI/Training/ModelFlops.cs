using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GenAI.Training;

/// <summary>
/// Floating-point operations of one training step, for model FLOPs utilisation. The forward pass is
/// counted by running it once with forward hooks on every Linear, Conv and ConvTranspose layer
/// (2 operations per multiply-add: for a Linear or a convolution (output elements / output features)
/// times the weight's size, for a transposed convolution (input elements / input channels) times it).
/// What the hooks cannot see (attention's two batched products, QK^T and AV) the caller adds.
/// A training step is counted as 3 forward passes: the backward pass costs about twice the forward
/// (a product for the input's gradient and one for the weight's), the usual convention (Kaplan et al.
/// 2020; nanoGPT's estimate_mfu); element-wise work, norms and the optimiser are not counted.
/// benchmarks/ divides the rate this gives by the machine's sgemm peak (model FLOPs utilisation).
/// </summary>
public static class ModelFlops
{
    /// <summary>3 x (the counted forward pass + <paramref name="extraForwardFlops"/>).</summary>
    public static double TrainingStep(nn.Module model, Action forward, double extraForwardFlops = 0) =>
        3 * (Forward(model, forward) + extraForwardFlops);

    /// <summary>The FLOPs of the Linear and convolution layers during one call of <paramref name="forward"/> (run without gradients).</summary>
    public static double Forward(nn.Module model, Action forward)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(forward);
        double flops = 0;
        var removers = new List<Action>();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    removers.Add(linear.register_forward_hook((m, input, output) =>
                    {
                        flops += 2.0 * output.numel() / linear.weight!.shape[0] * linear.weight.numel();
                        return output;
                    }).remove);
                    break;
                case Convolution conv:
                    removers.Add(conv.register_forward_hook((m, input, output) =>
                    {
                        var elements = conv.transposed ? input.numel() / conv.in_channels : output.numel() / conv.out_channels;
                        flops += 2.0 * elements * conv.weight!.numel();
                        return output;
                    }).remove);
                    break;
            }
        }
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            forward();
        }
        finally
        {
            foreach (var remove in removers) remove();
        }
        return flops;
    }

    /// <summary>QK^T and AV of softmax attention over the full T x T score matrix (causal masks still compute it): 2 products of 2·B·T·T·d.</summary>
    public static double AttentionProducts(long batch, long sequence, long modelDim, int layers) =>
        layers * 2 * 2.0 * batch * sequence * sequence * modelDim;
}
