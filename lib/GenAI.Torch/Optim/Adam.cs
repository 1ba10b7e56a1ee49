// Adam: adaptive moment estimation (Kingma & Ba), with optional L2 weight decay
// and AMSGrad; the update follows PyTorch's step for step.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Adam : OptimizerHelper, torch.optim.IBetas
    {
        public Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false)
            : this(new[] { new ParamGroup(parameters, new Options()) }, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize) { }

        public Adam(IEnumerable<ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        {
            if (lr < 0) throw new ArgumentException($"Adam: invalid learning rate {lr}");
            if (beta1 < 0 || beta1 >= 1) throw new ArgumentException($"Adam: invalid beta1 {beta1} (must be in [0, 1))");
            if (beta2 < 0 || beta2 >= 1) throw new ArgumentException($"Adam: invalid beta2 {beta2} (must be in [0, 1))");
            if (eps < 0) throw new ArgumentException($"Adam: invalid eps {eps}");
            if (weight_decay < 0) throw new ArgumentException($"Adam: invalid weight_decay {weight_decay}");
            _defaults = new Options
            {
                LearningRate = lr, InitialLearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps,
                weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize,
            };
            foreach (var g in parameters) add_param_group(g);
        }

        public (double, double) Betas
        {
            get => (((Options)_defaults).beta1 ?? 0.9, ((Options)_defaults).beta2 ?? 0.999);
            set
            {
                ((Options)_defaults).beta1 = value.Item1;
                ((Options)_defaults).beta2 = value.Item2;
                foreach (var g in _parameter_groups) { ((Options)g.Options).beta1 = value.Item1; ((Options)g.Options).beta2 = value.Item2; }
            }
        }

        public override Tensor? step(Func<Tensor>? closure = null) => _step(group =>
        {
            var o = (Options)group.Options;
            double lr = o.LearningRate!.Value, beta1 = o.beta1!.Value, beta2 = o.beta2!.Value, eps = o.eps!.Value, wd = o.weight_decay!.Value;
            bool amsgrad = o.amsgrad!.Value, maximize = o.maximize!.Value;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param];
                state.step += 1;

                var g = maximize ? grad.neg() : grad;
                // L2 penalty folded into the gradient: g = g + wd * p
                if (wd != 0) g = g.add(param, wd);
                AdamUpdate.Apply(param, g, state.exp_avg, state.exp_avg_sq, state.max_exp_avg_sq, state.step, lr, beta1, beta2, eps, amsgrad);
            }
        }, closure);

        protected override OptimizerOptions FillDefaults(OptimizerOptions options)
        {
            var d = (Options)_defaults;
            var o = options as Options ?? new Options { LearningRate = options.LearningRate };
            o.LearningRate ??= d.LearningRate;
            o.beta1 ??= d.beta1;
            o.beta2 ??= d.beta2;
            o.eps ??= d.eps;
            o.weight_decay ??= d.weight_decay;
            o.amsgrad ??= d.amsgrad;
            o.maximize ??= d.maximize;
            return o;
        }

        protected override OptimizerState NewState(Parameter parameter) => new State(parameter);

        public class Options : OptimizerOptions
        {
            public double? beta1;
            public double? beta2;
            public double? weight_decay;
            public double? eps;
            public bool? amsgrad;
            public bool? maximize;

            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var s = (Options)source;
                (beta1, beta2, weight_decay, eps, amsgrad, maximize) = (s.beta1, s.beta2, s.weight_decay, s.eps, s.amsgrad, s.maximize);
            }

            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                beta1 = reader.ReadDouble(); beta2 = reader.ReadDouble(); weight_decay = reader.ReadDouble(); eps = reader.ReadDouble();
                amsgrad = reader.ReadBoolean(); maximize = reader.ReadBoolean();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(beta1 ?? 0.9); writer.Write(beta2 ?? 0.999); writer.Write(weight_decay ?? 0); writer.Write(eps ?? 1e-8);
                writer.Write(amsgrad ?? false); writer.Write(maximize ?? false);
            }
        }

        public class ParamGroup : ParamGroup<Options>, torch.optim.IBetas
        {
            public ParamGroup() { }

            public ParamGroup(IEnumerable<Parameter> parameters, Options? options) : base(parameters, options) { }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false)
                : base(parameters, new Options { LearningRate = lr, beta1 = beta1, beta2 = beta2, eps = eps, weight_decay = weight_decay, amsgrad = amsgrad, maximize = maximize }) { }

            public (double, double) Betas
            {
                get => (Options.beta1 ?? 0.9, Options.beta2 ?? 0.999);
                set { Options.beta1 = value.Item1; Options.beta2 = value.Item2; }
            }
        }

        public class State : OptimizerState
        {
            public State(Parameter parameter) : base(parameter) { }

            public long step;
            public Tensor exp_avg = null!;
            public Tensor exp_avg_sq = null!;
            public Tensor? max_exp_avg_sq;

            public override void Initialize(OptimizerOptions options)
            {
                step = 0;
                exp_avg = torch.zeros_like(_parameter).DetachFromDisposeScope();
                exp_avg_sq = torch.zeros_like(_parameter).DetachFromDisposeScope();
                if (((Options)options).amsgrad == true) max_exp_avg_sq = torch.zeros_like(_parameter).DetachFromDisposeScope();
            }

            public override bool ApproximatelyEquals(OptimizerState other) =>
                other is State s && s.step == step && Close(exp_avg, s.exp_avg) && Close(exp_avg_sq, s.exp_avg_sq) && Close(max_exp_avg_sq, s.max_exp_avg_sq);

            public override void LoadStateDict(BinaryReader reader)
            {
                Dispose(true);
                step = reader.ReadInt64();
                exp_avg = ReadTensor(reader)!;
                exp_avg_sq = ReadTensor(reader)!;
                max_exp_avg_sq = ReadTensor(reader);
            }

            public override void LoadStateDict(OptimizerState source)
            {
                var s = (State)source;
                Dispose(true);
                step = s.step;
                exp_avg = s.exp_avg.clone().DetachFromDisposeScope();
                exp_avg_sq = s.exp_avg_sq.clone().DetachFromDisposeScope();
                max_exp_avg_sq = s.max_exp_avg_sq?.clone().DetachFromDisposeScope();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                WriteTensor(writer, exp_avg);
                WriteTensor(writer, exp_avg_sq);
                WriteTensor(writer, max_exp_avg_sq);
            }

            public override void to(Device device)
            {
                exp_avg = Moved(exp_avg, device)!;
                exp_avg_sq = Moved(exp_avg_sq, device)!;
                max_exp_avg_sq = Moved(max_exp_avg_sq, device);
            }

            protected override void Dispose(bool disposing)
            {
                if (!disposing) return;
                exp_avg?.Dispose();
                exp_avg_sq?.Dispose();
                max_exp_avg_sq?.Dispose();
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
            public static Adam Adam(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            public static Adam Adam(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999,
                double eps = 1E-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters.Select(p => p.parameter), lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

            public static Adam Adam(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999,
                double eps = 1E-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
                new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
        }
    }
}
