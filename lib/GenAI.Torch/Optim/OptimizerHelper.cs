// The machinery every optimizer here shares: parameter groups with options that
// fall back to the optimizer's defaults, per-parameter state, zero_grad, the
// closure protocol of step(), and saving/loading the optimizer's state.
using System.Text;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public abstract class OptimizerHelper : torch.optim.Optimizer
    {
        protected readonly List<ParamGroup> _parameter_groups = new();
        protected readonly Dictionary<Parameter, OptimizerState> _state = new(ReferenceEqualityComparer.Instance);
        protected OptimizerOptions _defaults = new();

        protected OptimizerHelper() { }

        public override IEnumerable<torch.optim.ILearningRateController> ParamGroups => _parameter_groups;

        /// <summary>Adds a group: options it leaves null take the optimizer's defaults; each parameter gets fresh state.</summary>
        public override void add_param_group(ParamGroup param_group)
        {
            ArgumentNullException.ThrowIfNull(param_group);
            var parameters = param_group.Parameters.ToList();
            foreach (var p in parameters)
                if (_state.ContainsKey(p))
                    throw new ArgumentException("a parameter appears in more than one parameter group of this optimizer");
            param_group.Parameters = parameters;
            param_group.Options = FillDefaults(param_group.Options);
            if (param_group.Options.LearningRate is not { } lr || lr < 0)
                throw new ArgumentException($"invalid learning rate {param_group.Options.LearningRate}");
            param_group.Options.InitialLearningRate = lr;
            _parameter_groups.Add(param_group);
            foreach (var p in parameters)
            {
                var state = NewState(p);
                state.Initialize(param_group.Options);
                _state[p] = state;
            }
        }

        /// <summary>
        /// This optimizer's options for a new group: the group's own values where it set them,
        /// the optimizer's defaults elsewhere (a group made with plain OptimizerOptions keeps its learning rate).
        /// </summary>
        protected abstract OptimizerOptions FillDefaults(OptimizerOptions options);

        /// <summary>The (empty) state of one parameter, before its first step.</summary>
        protected abstract OptimizerState NewState(Parameter parameter);

        public override IEnumerable<Parameter> parameters() => _parameter_groups.SelectMany(g => g.Parameters);

        public override void zero_grad()
        {
            foreach (var p in parameters())
            {
                var g = p.grad;
                if (g is null) continue;
                p.grad = null;
                g.Dispose();
            }
        }

        /// <summary>
        /// Runs the closure (if any) with grad enabled, then the update for each group without
        /// grad; temporaries of the update are freed by a dispose scope (state tensors are
        /// created outside any scope by the states themselves).
        /// </summary>
        protected Tensor? _step(Action<ParamGroup> update, Func<Tensor>? closure)
        {
            Tensor? loss = null;
            if (closure is not null)
                using (torch.enable_grad()) loss = closure();
            using (torch.no_grad())
                foreach (var group in _parameter_groups)
                {
                    using var scope = torch.NewDisposeScope();
                    update(group);
                }
            return loss;
        }

        public void to(Device device)
        {
            foreach (var s in _state.Values) s.to(device);
        }

        /// <summary>Options of each group and state of each parameter, in group order.</summary>
        public torch.optim.Optimizer.StateDictionary state_dict()
        {
            var sd = new torch.optim.Optimizer.StateDictionary();
            int index = 0;
            foreach (var g in _parameter_groups)
            {
                sd.Options.Add(g.Options);
                var refs = new List<int>();
                foreach (var p in g.Parameters)
                {
                    sd.State.Add(_state[p]);
                    refs.Add(index++);
                }
                sd.StateIndexRef.Add(refs);
            }
            return sd;
        }

        public void load_state_dict(torch.optim.Optimizer.StateDictionary state_dict)
        {
            if (state_dict.Options.Count != _parameter_groups.Count)
                throw new ArgumentException($"the optimizer state has {state_dict.Options.Count} parameter group(s), this optimizer has {_parameter_groups.Count}");
            int k = 0;
            for (int g = 0; g < _parameter_groups.Count; g++)
            {
                _parameter_groups[g].Options.LoadStateDict(state_dict.Options[g]);
                foreach (var p in _parameter_groups[g].Parameters)
                {
                    if (k >= state_dict.State.Count) throw new ArgumentException("the optimizer state holds fewer parameter states than this optimizer has parameters");
                    _state[p].LoadStateDict(state_dict.State[k++]);
                }
            }
        }

        private static readonly byte[] Magic = Encoding.ASCII.GetBytes("GAITOPT1");

        public void save_state_dict(string location)
        {
            using var stream = File.Create(location);
            using var writer = new BinaryWriter(stream);
            save_state_dict(writer);
        }

        /// <summary>Format: magic "GAITOPT1", group count, then per group its options and the state of each of its parameters.</summary>
        public void save_state_dict(BinaryWriter writer)
        {
            writer.Write(Magic);
            writer.Write(_parameter_groups.Count);
            foreach (var g in _parameter_groups)
            {
                g.Options.SaveStateDict(writer);
                var ps = g.Parameters.ToList();
                writer.Write(ps.Count);
                foreach (var p in ps) _state[p].SaveStateDict(writer);
            }
        }

        public void load_state_dict(string location)
        {
            if (!File.Exists(location)) throw new FileNotFoundException($"optimizer state file '{location}' does not exist", location);
            using var stream = File.OpenRead(location);
            using var reader = new BinaryReader(stream);
            try
            {
                load_state_dict(reader);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
            {
                throw new InvalidDataException($"file '{location}' is not a valid optimizer state for this optimizer: {e.Message}", e);
            }
        }

        public void load_state_dict(BinaryReader reader)
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                throw new InvalidDataException("not an optimizer state file (bad header)");
            int groups = reader.ReadInt32();
            if (groups != _parameter_groups.Count)
                throw new InvalidDataException($"the saved state has {groups} parameter group(s), this optimizer has {_parameter_groups.Count}");
            foreach (var g in _parameter_groups)
            {
                g.Options.LoadStateDict(reader);
                var ps = g.Parameters.ToList();
                int count = reader.ReadInt32();
                if (count != ps.Count)
                    throw new InvalidDataException($"the saved group has {count} parameter(s), this optimizer's group has {ps.Count}");
                foreach (var p in ps) _state[p].LoadStateDict(reader);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            foreach (var s in _state.Values) s.Dispose();
            _state.Clear();
        }
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            public abstract partial class Optimizer
            {
                /// <summary>A snapshot of an optimizer: the options of each group and the state of each parameter.</summary>
                public sealed class StateDictionary
                {
                    public List<Modules.OptimizerOptions> Options { get; } = new();
                    public List<Modules.OptimizerState> State { get; } = new();
                    public List<List<int>> StateIndexRef { get; } = new();
                }
            }
        }
    }
}
