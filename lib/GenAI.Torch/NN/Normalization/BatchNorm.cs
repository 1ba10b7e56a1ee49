// BatchNorm: normalises each feature (channel) over the batch (and spatial positions):
// y = (x - mean) / sqrt(var + eps) * gamma + beta. In training it uses the batch's
// statistics and updates running_mean/running_var with momentum; in eval it uses them.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class BatchNorm : NormBase
    {
        private readonly long[] _allowedRanks;

        public BatchNorm(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device,
            ScalarType? dtype, string name) : this(num_features, eps, momentum, affine, track_running_stats, device, dtype, name, Array.Empty<long>())
        {
        }

        internal BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device,
            ScalarType? dtype, string name, long[] allowedRanks)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, name)
        {
            _allowedRanks = allowedRanks;
        }

        public override Tensor forward(Tensor input)
        {
            var rank = input.dim();
            if (_allowedRanks.Length > 0 && !_allowedRanks.Contains(rank))
                throw new ArgumentException($"{GetName()} expects a {string.Join(" or ", _allowedRanks.Select(r => $"{r}-D"))} input, got shape {ShapeText(input.shape)}");

            double factor = momentum ?? 0.0;
            if (training && track_running_stats && num_batches_tracked is not null)
            {
                using (torch.no_grad()) num_batches_tracked.add_(1);
                // momentum = null means a cumulative average: weight 1/n for the n-th batch.
                if (momentum is null) factor = 1.0 / num_batches_tracked.item<long>();
            }
            bool useBatchStats = training || (running_mean is null && running_var is null);
            var useRunning = !training || track_running_stats;
            return torch.nn.functional.batch_norm(input, useRunning ? running_mean : null, useRunning ? running_var : null,
                weight, bias, useBatchStats, factor, eps);
        }
    }

    /// <summary>Batch norm over (N, C) or (N, C, L) inputs.</summary>
    public class BatchNorm1d : BatchNorm
    {
        internal BatchNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm1d), new long[] { 2, 3 }) { }
    }

    /// <summary>Batch norm over (N, C, H, W) inputs.</summary>
    public class BatchNorm2d : BatchNorm
    {
        internal BatchNorm2d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
            : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm2d), new long[] { 4 }) { }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class nn
        {
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1E-05, double momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1E-05, double momentum = 0.1, bool affine = true,
                bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
