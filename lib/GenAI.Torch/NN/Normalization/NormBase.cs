// NormBase: the state shared by batch and instance norm: the affine parameters
// (gamma = weight, beta = bias) and the running statistics used in eval mode.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public abstract class NormBase : torch.nn.Module<Tensor, Tensor>
    {
        protected NormBase(long num_features, double eps, double? momentum, bool affine, bool track_running_stats, Device? device,
            ScalarType? dtype, string name) : base(name)
        {
            if (num_features <= 0) throw new ArgumentException($"{name}: num_features must be positive, got {num_features}");
            this.num_features = num_features;
            this.eps = eps;
            this.momentum = momentum;
            this.affine = affine;
            this.track_running_stats = track_running_stats;
            if (affine)
            {
                weight = NNInterop.EmptyParameter(new[] { num_features }, dtype, device);
                bias = NNInterop.EmptyParameter(new[] { num_features }, dtype, device);
            }
            if (track_running_stats)
            {
                running_mean = NNInterop.OwnedBuffer(torch.zeros(new[] { num_features }, dtype, device));
                running_var = NNInterop.OwnedBuffer(torch.ones(new[] { num_features }, dtype, device));
                num_batches_tracked = NNInterop.OwnedBuffer(torch.zeros(Array.Empty<long>(), ScalarType.Int64, device));
            }
            reset_parameters();
        }

        public Parameter? bias
        {
            get => _bias;
            set { _bias = value; ConditionallyRegisterParameter(nameof(bias), value); }
        }

        public Parameter? weight
        {
            get => _weight;
            set { _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
        }

        public Tensor? running_mean
        {
            get => _runningMean;
            set { _runningMean = value; ConditionallyRegisterBuffer(nameof(running_mean), value); }
        }

        public Tensor? running_var
        {
            get => _runningVar;
            set { _runningVar = value; ConditionallyRegisterBuffer(nameof(running_var), value); }
        }

        public Tensor? num_batches_tracked
        {
            get => _numBatchesTracked;
            set { _numBatchesTracked = value; ConditionallyRegisterBuffer(nameof(num_batches_tracked), value); }
        }

        public long num_features { get; }
        public double eps { get; set; }
        public double? momentum { get; set; }
        public bool affine { get; }
        public bool track_running_stats { get; }

        public void reset_running_stats()
        {
            using var _ = torch.no_grad();
            running_mean?.zero_();
            running_var?.fill_(1);
            num_batches_tracked?.zero_();
        }

        /// <summary>Running statistics reset; gamma = 1 and beta = 0, so a fresh layer only normalises.</summary>
        public void reset_parameters()
        {
            reset_running_stats();
            if (weight is not null) torch.nn.init.ones_(weight);
            if (bias is not null) torch.nn.init.zeros_(bias);
        }

        private Parameter? _weight;
        private Parameter? _bias;
        private Tensor? _runningMean;
        private Tensor? _runningVar;
        private Tensor? _numBatchesTracked;
    }
}
