// Embedding: a learned lookup table; row i of weight is the vector of token i.
// Equivalent to one_hot(i) @ weight, without building the one-hot vectors.
using TorchSharp.PInvoke;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Embedding : torch.nn.Module<Tensor, Tensor>
    {
        private readonly long _paddingIdx;
        private readonly double? _maxNorm;
        private readonly double _normType;
        private readonly bool _scaleGradByFreq;
        private readonly bool _sparse;

        internal Embedding(long num_embeddings, long embedding_dims, long? padding_idx, double? max_norm, double norm_type,
            bool scale_grad_by_freq, bool sparse, Device? device, ScalarType? dtype, Tensor? pretrained, bool freeze) : base(nameof(Embedding))
        {
            if (padding_idx is { } pi)
            {
                if (pi >= num_embeddings || pi < -num_embeddings)
                    throw new ArgumentOutOfRangeException(nameof(padding_idx), pi, $"padding_idx must be within the {num_embeddings} embeddings");
                _paddingIdx = pi < 0 ? pi + num_embeddings : pi;
            }
            else _paddingIdx = -1;
            _maxNorm = max_norm;
            _normType = norm_type;
            _scaleGradByFreq = scale_grad_by_freq;
            _sparse = sparse;

            if (pretrained is not null)
            {
                // from_pretrained: the given tensor becomes the weight (shared, as in PyTorch).
                using var moved = pretrained.to(dtype ?? pretrained.dtype, device ?? pretrained.device);
                weight = new Parameter(moved, requires_grad: !freeze);
                return;
            }
            weight = NNInterop.EmptyParameter(new[] { num_embeddings, embedding_dims }, dtype, device);
            // PyTorch: normal_(weight), then the padding row is zeroed.
            torch.nn.init.normal_(weight);
            if (_paddingIdx >= 0)
                using (torch.no_grad())
                using (var row = weight[_paddingIdx])
                    row.zero_();
        }

        public Parameter weight
        {
            get => _weight!;
            set { ArgumentNullException.ThrowIfNull(value); _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
        }

        /// <summary>Looks up the rows of weight at the (integer) indices: output shape = input shape + [embedding_dim].</summary>
        public override Tensor forward(Tensor input)
        {
            if (_maxNorm is { } maxNorm)
            {
                var status = NativeMethods.gt_nn_embedding_renorm(weight.Handle, input.Handle, maxNorm, _normType);
                GC.KeepAlive(input);
                Check(status);
            }
            var r = NativeMethods.gt_nn_embedding(weight.Handle, input.Handle, _paddingIdx, _scaleGradByFreq, _sparse);
            GC.KeepAlive(input);
            GC.KeepAlive(weight);
            return NNInterop.Wrap(r);
        }

        private Parameter? _weight;
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) =>
                new(num_embeddings, embedding_dims, padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, device, dtype, null, false);

            /// <summary>An embedding whose table is the given (num_embeddings, embedding_dim) tensor; frozen by default.</summary>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null,
                double norm_type = 2, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null)
            {
                if (embeddings.dim() != 2)
                    throw new ArgumentException($"Embedding_from_pretrained expects a 2-D tensor, got shape {Module.ShapeText(embeddings.shape)}", nameof(embeddings));
                return new(embeddings.shape[0], embeddings.shape[1], padding_idx, max_norm, norm_type, scale_grad_by_freq, sparse, device, dtype, embeddings, freeze);
            }
        }
    }
}
