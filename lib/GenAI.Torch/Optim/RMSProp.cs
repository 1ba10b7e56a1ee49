// RMSprop (Hinton): divides the gradient by a running root-mean-square of recent
// gradients; optionally centered (subtracts the running mean) and with momentum.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class RMSProp : OptimizerHelper, torch.optim.IMomentum
    {
        public RMSProp(IEnumerable<Parameter> parameters, double lr = 0.001, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0,
            double momentum = 0, bool centered = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters, new Options()) }, lr, alpha, eps, weight_decay, momentum, centered, maximize) { }

        public RMSProp(IEnumerable<ParamGroup> parameters, double lr = 0.001, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0,
            double momentum = 0, bool centered = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"RMSProp: invalid learning rate {lr}");
            if (alpha < 0) throw new ArgumentException($"RMSProp: invalid alpha {alpha}");
            if (eps < 0) throw new ArgumentException($"RMSProp: invalid eps {eps}");
            if (momentum < 0) throw new ArgumentException($"RMSProp: invalid momentum {momentum}");
            if (weight_decay < 0) throw new ArgumentException($"RMSProp: invalid weight_decay {weight_decay}");
            _defaults = new Options
            {
                LearningRate = lr, InitialLearningRate = lr, alpha = alpha, eps = eps, weight_decay = weight_decay,
                momentum = momentum, centered = centered, maximize = maximize,
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
            double lr = o.LearningRate!.Value, alpha = o.alpha!.Value, eps = o.eps!.Value, wd = o.weight_decay!.Value, momentum = o.momentum!.Value;
            bool centered = o.centered!.Value, maximize = o.maximize!.Value;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param];
                state.step += 1;

                var g = maximize ? grad.neg() : grad;
                // L2 penalty: g = g + wd * p
                if (wd != 0) g = g.add(param, wd);
                // s = alpha * s + (1 - alpha) * g^2       (running mean of squared gradients)
                state.square_avg.mul_(alpha).addcmul_(g, g, 1 - alpha);

                Tensor avg;
                if (centered)
                {
                    // centered: also track the mean gradient gbar and use sqrt(s - gbar^2), an estimate of the variance
                    state.grad_avg!.mul_(alpha).add_(g, 1 - alpha);
                    avg = state.square_avg.addcmul(state.grad_avg, state.grad_avg, -1).sqrt_();
                }
                else
                {
                    avg = state.square_avg.sqrt();
                }
                avg = avg.add_(eps);

                if (momentum > 0)
                {
                    // buf = momentum * buf + g / (sqrt(s) + eps);  p = p - lr * buf
                    state.momentum_buffer!.mul_(momentum).addcdiv_(g, avg);
                    param.add_(state.momentum_buffer, -lr);
                }
                else
                {
                    // p = p - lr * g / (sqrt(s) + eps)
                    param.addcdiv_(g, avg, -lr);
                }
            }
        }, closure);

        protected override OptimizerOptions FillDefaults(OptimizerOptions options)
        {
            var d = (Options)_defaults;
            var o = options as Options ?? new Options { LearningRate = options.LearningRate };
            o.LearningRate ??= d.LearningRate;
            o.alpha ??= d.alpha;
            o.eps ??= d.eps;
            o.weight_decay ??= d.weight_decay;
            o.momentum ??= d.momentum;
            o.centered ??= d.centered;
            o.maximize ??= d.maximize;
            return o;
        }

        protected override OptimizerState NewState(Parameter parameter) => new State(parameter);

        public class Options : OptimizerOptions
        {
            public bool? maximize;
            public double? momentum;
            public double? alpha;
            public double? eps;
            public double? weight_decay;
            public bool? centered;

            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var s = (Options)source;
                (maximize, momentum, alpha, eps, weight_decay, centered) = (s.maximize, s.momentum, s.alpha, s.eps, s.weight_decay, s.centered);
            }

            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                maximize = reader.ReadBoolean(); momentum = reader.ReadDouble(); alpha = reader.ReadDouble(); eps = reader.ReadDouble();
                weight_decay = reader.ReadDouble(); centered = reader.ReadBoolean();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(maximize ?? false); writer.Write(momentum ?? 0); writer.Write(alpha ?? 0.99); writer.Write(eps ?? 1e-8);
                writer.Write(weight_decay ?? 0); writer.Write(centered ?? false);
            }
        }

        public class ParamGroup : ParamGroup<Options>, torch.optim.IMomentum
        {
            public ParamGroup() { }

            public ParamGroup(IEnumerable<Parameter> parameters, Options? options) : base(parameters, options) { }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double eps = 1E-08, double alpha = 0.99, double weight_decay = 0,
                double momentum = 0, bool centered = false)
                : base(parameters, new Options { LearningRate = lr, eps = eps, alpha = alpha, weight_decay = weight_decay, momentum = momentum, centered = centered }) { }

            public double Momentum
            {
                get => Options.momentum ?? 0;
                set => Options.momentum = value;
            }
        }

        public class State : OptimizerState
        {
            public State(Parameter parameter) : base(parameter) { }

            public long step;
            public Tensor square_avg = null!;
            public Tensor? momentum_buffer;
            public Tensor? grad_avg;

            public override void Initialize(OptimizerOptions options)
            {
                var o = (Options)options;
                step = 0;
                square_avg = torch.zeros_like(_parameter).DetachFromDisposeScope();
                if (o.momentum > 0) momentum_buffer = torch.zeros_like(_parameter).DetachFromDisposeScope();
                if (o.centered == true) grad_avg = torch.zeros_like(_parameter).DetachFromDisposeScope();
            }

            public override bool ApproximatelyEquals(OptimizerState other) =>
                other is State s && s.step == step && Close(square_avg, s.square_avg) && Close(momentum_buffer, s.momentum_buffer) && Close(grad_avg, s.grad_avg);

            public override void LoadStateDict(BinaryReader reader)
            {
                Dispose(true);
                step = reader.ReadInt64();
                square_avg = ReadTensor(reader)!;
                momentum_buffer = ReadTensor(reader);
                grad_avg = ReadTensor(reader);
            }

            public override void LoadStateDict(OptimizerState source)
            {
                var s = (State)source;
                Dispose(true);
                step = s.step;
                square_avg = s.square_avg.clone().DetachFromDisposeScope();
                momentum_buffer = s.momentum_buffer?.clone().DetachFromDisposeScope();
                grad_avg = s.grad_avg?.clone().DetachFromDisposeScope();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                WriteTensor(writer, square_avg);
                WriteTensor(writer, momentum_buffer);
                WriteTensor(writer, grad_avg);
            }

            public override void to(Device device)
            {
                square_avg = Moved(square_avg, device)!;
                momentum_buffer = Moved(momentum_buffer, device);
                grad_avg = Moved(grad_avg, device);
            }

            protected override void Dispose(bool disposing)
            {
                if (!disposing) return;
                square_avg?.Dispose();
                momentum_buffer?.Dispose();
                grad_avg?.Dispose();
            }
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
            public static RMSProp RMSProp(IEnumerable<Parameter> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08, double weight_decay = 0,
                double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);

            public static RMSProp RMSProp(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08,
                double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters.Select(p => p.parameter), lr, alpha, eps, weight_decay, momentum, centered, maximize);

            public static RMSProp RMSProp(IEnumerable<Modules.RMSProp.ParamGroup> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1E-08,
                double weight_decay = 0, double momentum = 0, bool centered = false, bool maximize = false) =>
                new(parameters, lr, alpha, eps, weight_decay, momentum, centered, maximize);
        }
    }
}
