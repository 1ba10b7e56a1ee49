// Per-group hyper-parameters and per-parameter state of an optimizer. Options fields
// left null take the optimizer's defaults when a group is added.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class OptimizerOptions
    {
        public double? LearningRate { get; set; }
        public double InitialLearningRate { get; set; }

        /// <summary>Copies the options of another instance of the same kind.</summary>
        public virtual void LoadStateDict(OptimizerOptions source)
        {
            LearningRate = source.LearningRate;
            InitialLearningRate = source.InitialLearningRate;
        }

        public virtual void LoadStateDict(BinaryReader reader)
        {
            LearningRate = reader.ReadDouble();
            InitialLearningRate = reader.ReadDouble();
        }

        public virtual void SaveStateDict(BinaryWriter writer)
        {
            writer.Write(LearningRate ?? double.NaN);
            writer.Write(InitialLearningRate);
        }
    }

    /// <summary>What an optimizer remembers about one parameter between steps (momentum buffers, averages...).</summary>
    public abstract class OptimizerState : IDisposable
    {
        protected OptimizerState(Parameter parameter) => _parameter = parameter;

        protected readonly Parameter _parameter;

        public abstract bool ApproximatelyEquals(OptimizerState other);
        public abstract void Initialize(OptimizerOptions options);
        public abstract void LoadStateDict(BinaryReader reader);
        public abstract void LoadStateDict(OptimizerState source);
        public abstract void SaveStateDict(BinaryWriter writer);
        public abstract void to(Device device);

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing) { }

        // Helpers for the concrete states: optional tensors on disk (a flag, then the tensor's dtype, shape and bytes).
        protected static void WriteTensor(BinaryWriter writer, Tensor? t)
        {
            writer.Write(t is not null);
            if (t is null) return;
            writer.Write((int)t.dtype);
            var shape = t.shape;
            writer.Write(shape.Length);
            foreach (var d in shape) writer.Write(d);
            using var cpu = t.detach().cpu().contiguous();
            var bytes = cpu.bytes;
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }

        protected Tensor? ReadTensor(BinaryReader reader)
        {
            if (!reader.ReadBoolean()) return null;
            var dtype = (ScalarType)reader.ReadInt32();
            var shape = new long[reader.ReadInt32()];
            for (int k = 0; k < shape.Length; k++) shape[k] = reader.ReadInt64();
            var bytes = reader.ReadBytes(reader.ReadInt32());
            using var cpu = torch.empty(shape, dtype);
            cpu.bytes = bytes;
            return cpu.to(_parameter.device).DetachFromDisposeScope();
        }

        protected static bool Close(Tensor? a, Tensor? b) =>
            (a is null && b is null) || (a is not null && b is not null && a.shape.SequenceEqual(b.shape) && a.allclose(b));

        protected Tensor? Moved(Tensor? t, Device device)
        {
            if (t is null) return null;
            var moved = t.to(device).DetachFromDisposeScope();
            if (!ReferenceEquals(moved, t)) t.Dispose();
            return moved;
        }
    }

    /// <summary>A set of parameters that share options (learning rate, momentum...).</summary>
    public class ParamGroup : torch.optim.ILearningRateController
    {
        public ParamGroup() { }

        public ParamGroup(IEnumerable<Parameter> parameters, OptimizerOptions? options = null)
        {
            Parameters = parameters;
            Options = options ?? new OptimizerOptions();
        }

        public IEnumerable<Parameter> Parameters { get; set; } = Array.Empty<Parameter>();

        public OptimizerOptions Options { get; set; } = new();

        public double LearningRate
        {
            get => Options.LearningRate ?? throw new InvalidOperationException("this parameter group has no learning rate yet (it gets one when added to an optimizer)");
            set => Options.LearningRate = value;
        }

        public double InitialLearningRate
        {
            get => Options.InitialLearningRate;
            set => Options.InitialLearningRate = value;
        }

        /// <summary>
        /// Set once a scheduler has recorded this group's initial rate: later schedulers on the
        /// same optimizer keep it (PyTorch's setdefault('initial_lr')), so chained schedules all
        /// start from the rate the first one saw.
        /// </summary>
        internal bool InitialRateRecorded { get; set; }
    }

    public class ParamGroup<TOptions> : ParamGroup where TOptions : OptimizerOptions, new()
    {
        public ParamGroup() { base.Options = new TOptions(); }

        public ParamGroup(IEnumerable<Parameter> parameters, TOptions? options = null) : base(parameters, options ?? new TOptions()) { }

        public new TOptions Options
        {
            get => (TOptions)base.Options;
            set => base.Options = value;
        }
    }
}
