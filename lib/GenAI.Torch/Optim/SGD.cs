// Stochastic gradient descent with optional momentum, dampening, Nesterov
// momentum and weight decay (L2 penalty), following PyTorch's update exactly.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class SGD : OptimizerHelper, torch.optim.IMomentum
    {
        public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
            bool nesterov = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters, new Options()) }, lr, momentum, dampening, weight_decay, nesterov, maximize) { }

        public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0,
            bool nesterov = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"SGD: invalid learning rate {lr}");
            if (momentum < 0) throw new ArgumentException($"SGD: invalid momentum {momentum}");
            if (weight_decay < 0) throw new ArgumentException($"SGD: invalid weight_decay {weight_decay}");
            if (nesterov && (momentum <= 0 || dampening != 0))
                throw new ArgumentException("SGD: Nesterov momentum requires a momentum and zero dampening");
            _defaults = new Options
            {
                LearningRate = lr, InitialLearningRate = lr, momentum = momentum, dampening = dampening,
                weight_decay = weight_decay, nesterov = nesterov, maximize = maximize,
            };
            foreach (var g in parameters) add_param_group(g);
        }

        public double Momentum
        {
            get => ((Options)_defaults).momentum ?? 0;
            set { ((Options)_defaults).momentum = value; foreach (var g in _parameter_groups) ((Options)g.Options).momentum = value; }
        }

        public override Tensor? step(Func<Tensor>? closure = null) => _step(group =>
        {
            var o = (Options)group.Options;
            double lr = o.LearningRate!.Value, momentum = o.momentum!.Value, dampening = o.dampening!.Value, wd = o.weight_decay!.Value;
            bool nesterov = o.nesterov!.Value, maximize = o.maximize!.Value;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param];

                // d = g (or -g to maximize); with weight decay d = d + wd * p
                var d = maximize ? grad.neg() : grad;
                if (wd != 0) d = d.add(param, wd);
                if (momentum != 0)
                {
                    // buf = d on the first step, then buf = momentum * buf + (1 - dampening) * d
                    if (state.momentum_buffer is null)
                        state.momentum_buffer = d.clone().detach().DetachFromDisposeScope();
                    else
                        state.momentum_buffer.mul_(momentum).add_(d, 1 - dampening);
                    // Nesterov looks ahead: d = d + momentum * buf; classic momentum uses d = buf
                    d = nesterov ? d.add(state.momentum_buffer, momentum) : state.momentum_buffer;
                }
                // p = p - lr * d
                param.add_(d, -lr);
            }
        }, closure);

        protected override OptimizerOptions FillDefaults(OptimizerOptions options)
        {
            var d = (Options)_defaults;
            var o = options as Options ?? new Options { LearningRate = options.LearningRate };
            o.LearningRate ??= d.LearningRate;
            o.momentum ??= d.momentum;
            o.dampening ??= d.dampening;
            o.weight_decay ??= d.weight_decay;
            o.nesterov ??= d.nesterov;
            o.maximize ??= d.maximize;
            return o;
        }

        protected override OptimizerState NewState(Parameter parameter) => new State(parameter);

        public class Options : OptimizerOptions
        {
            public double? momentum;
            public double? dampening;
            public double? weight_decay;
            public bool? nesterov;
            public bool? maximize;

            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var s = (Options)source;
                (momentum, dampening, weight_decay, nesterov, maximize) = (s.momentum, s.dampening, s.weight_decay, s.nesterov, s.maximize);
            }

            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                momentum = reader.ReadDouble(); dampening = reader.ReadDouble(); weight_decay = reader.ReadDouble();
                nesterov = reader.ReadBoolean(); maximize = reader.ReadBoolean();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(momentum ?? 0); writer.Write(dampening ?? 0); writer.Write(weight_decay ?? 0);
                writer.Write(nesterov ?? false); writer.Write(maximize ?? false);
            }
        }

        public class ParamGroup : ParamGroup<Options>, torch.optim.IMomentum
        {
            public ParamGroup() { }

            public ParamGroup(IEnumerable<Parameter> parameters, Options? options) : base(parameters, options) { }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double momentum = 0, double dampening = 0, double weight_decay = 0,
                bool nesterov = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, momentum = momentum, dampening = dampening, weight_decay = weight_decay, nesterov = nesterov, maximize = maximize }) { }

            public double Momentum
            {
                get => Options.momentum ?? 0;
                set => Options.momentum = value;
            }
        }

        public class State : OptimizerState
        {
            public State(Parameter parameter) : base(parameter) { }

            /// <summary>The running (dampened) sum of past updates; created on the first step.</summary>
            public Tensor? momentum_buffer;

            public override bool ApproximatelyEquals(OptimizerState other) => other is State s && Close(momentum_buffer, s.momentum_buffer);
            public override void Initialize(OptimizerOptions options) { }
            public override void LoadStateDict(BinaryReader reader) { momentum_buffer?.Dispose(); momentum_buffer = ReadTensor(reader); }
            public override void LoadStateDict(OptimizerState source)
            {
                momentum_buffer?.Dispose();
                momentum_buffer = ((State)source).momentum_buffer?.clone().DetachFromDisposeScope();
            }
            public override void SaveStateDict(BinaryWriter writer) => WriteTensor(writer, momentum_buffer);
            public override void to(Device device) => momentum_buffer = Moved(momentum_buffer, device);
            protected override void Dispose(bool disposing) { if (disposing) momentum_buffer?.Dispose(); }
        }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class optim
        {
            public static SGD SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0,
                bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static SGD SGD(IEnumerable<(string name, Parameter parameter)> parameters, double learningRate, double momentum = 0, double dampening = 0,
                double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters.Select(p => p.parameter), learningRate, momentum, dampening, weight_decay, nesterov, maximize);

            public static SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double learningRate, double momentum = 0, double dampening = 0,
                double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
                new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
        }
    }
}
