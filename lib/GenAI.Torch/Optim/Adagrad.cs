// Adagrad (Duchi et al.): each weight's step is divided by the root of the sum of
// all its past squared gradients, so often-updated weights slow down.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class Adagrad : OptimizerHelper
    {
        public Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1E-10)
            : this(new[] { new ParamGroup(parameters, new Options()) }, lr, lr_decay, weight_decay, initial_accumulator_value, eps) { }

        public Adagrad(IEnumerable<ParamGroup> parameters, double lr = 0.01, double lr_decay = 0, double weight_decay = 0,
            double initial_accumulator_value = 0, double eps = 1E-10)
        {
            if (lr < 0) throw new ArgumentException($"Adagrad: invalid learning rate {lr}");
            if (lr_decay < 0) throw new ArgumentException($"Adagrad: invalid lr_decay {lr_decay}");
            if (weight_decay < 0) throw new ArgumentException($"Adagrad: invalid weight_decay {weight_decay}");
            if (initial_accumulator_value < 0) throw new ArgumentException($"Adagrad: invalid initial_accumulator_value {initial_accumulator_value}");
            if (eps < 0) throw new ArgumentException($"Adagrad: invalid eps {eps}");
            _defaults = new Options
            {
                LearningRate = lr, InitialLearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay,
                initial_accumulator_value = initial_accumulator_value, eps = eps,
            };
            foreach (var g in parameters) add_param_group(g);
        }

        public override Tensor? step(Func<Tensor>? closure = null) => _step(group =>
        {
            var o = (Options)group.Options;
            double lr = o.LearningRate!.Value, lrDecay = o.lr_decay!.Value, wd = o.weight_decay!.Value, eps = o.eps!.Value;
            foreach (var param in group.Parameters)
            {
                var grad = param.grad;
                if (grad is null) continue;
                var state = (State)_state[param];
                state.step += 1;

                var g = grad;
                // L2 penalty: g = g + wd * p
                if (wd != 0) g = g.add(param, wd);
                // decayed learning rate: clr = lr / (1 + (t - 1) * lr_decay)
                double clr = lr / (1 + (state.step - 1) * lrDecay);
                // G = G + g^2                 (sum of squared gradients so far)
                state.sum.addcmul_(g, g, 1);
                // p = p - clr * g / (sqrt(G) + eps)
                var std = state.sum.sqrt().add_(eps);
                param.addcdiv_(g, std, -clr);
            }
        }, closure);

        protected override OptimizerOptions FillDefaults(OptimizerOptions options)
        {
            var d = (Options)_defaults;
            var o = options as Options ?? new Options { LearningRate = options.LearningRate };
            o.LearningRate ??= d.LearningRate;
            o.lr_decay ??= d.lr_decay;
            o.weight_decay ??= d.weight_decay;
            o.initial_accumulator_value ??= d.initial_accumulator_value;
            o.eps ??= d.eps;
            return o;
        }

        protected override OptimizerState NewState(Parameter parameter) => new State(parameter);

        public class Options : OptimizerOptions
        {
            public double? lr_decay;
            public double? initial_accumulator_value;
            public double? eps;
            public double? weight_decay;

            public override void LoadStateDict(OptimizerOptions source)
            {
                base.LoadStateDict(source);
                var s = (Options)source;
                (lr_decay, initial_accumulator_value, eps, weight_decay) = (s.lr_decay, s.initial_accumulator_value, s.eps, s.weight_decay);
            }

            public override void LoadStateDict(BinaryReader reader)
            {
                base.LoadStateDict(reader);
                lr_decay = reader.ReadDouble(); initial_accumulator_value = reader.ReadDouble(); eps = reader.ReadDouble(); weight_decay = reader.ReadDouble();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                base.SaveStateDict(writer);
                writer.Write(lr_decay ?? 0); writer.Write(initial_accumulator_value ?? 0); writer.Write(eps ?? 1e-10); writer.Write(weight_decay ?? 0);
            }
        }

        public class ParamGroup : ParamGroup<Options>
        {
            public ParamGroup() { }

            public ParamGroup(IEnumerable<Parameter> parameters, Options? options) : base(parameters, options) { }

            public ParamGroup(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0, double weight_decay = 0,
                double initial_accumulator_value = 0, double eps = 1E-10)
                : base(parameters, new Options { LearningRate = lr, lr_decay = lr_decay, weight_decay = weight_decay, initial_accumulator_value = initial_accumulator_value, eps = eps }) { }
        }

        public class State : OptimizerState
        {
            public State(Parameter parameter) : base(parameter) { }

            public long step;
            public Tensor sum = null!;

            /// <summary>The accumulator starts at initial_accumulator_value everywhere.</summary>
            public override void Initialize(OptimizerOptions options)
            {
                step = 0;
                sum = torch.full_like(_parameter, ((Options)options).initial_accumulator_value ?? 0).DetachFromDisposeScope();
            }

            public override bool ApproximatelyEquals(OptimizerState other) => other is State s && s.step == step && Close(sum, s.sum);

            public override void LoadStateDict(BinaryReader reader)
            {
                Dispose(true);
                step = reader.ReadInt64();
                sum = ReadTensor(reader)!;
            }

            public override void LoadStateDict(OptimizerState source)
            {
                var s = (State)source;
                Dispose(true);
                step = s.step;
                sum = s.sum.clone().DetachFromDisposeScope();
            }

            public override void SaveStateDict(BinaryWriter writer)
            {
                writer.Write(step);
                WriteTensor(writer, sum);
            }

            public override void to(Device device) => sum = Moved(sum, device)!;

            protected override void Dispose(bool disposing)
            {
                if (disposing) sum?.Dispose();
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
            public static Adagrad Adagrad(IEnumerable<Parameter> parameters, double lr = 0.01, double lr_decay = 0, double weight_decay = 0,
                double initial_accumulator_value = 0, double eps = 1E-10) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);

            public static Adagrad Adagrad(IEnumerable<(string name, Parameter parameter)> parameters, double lr = 0.01, double lr_decay = 0,
                double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1E-10) =>
                new(parameters.Select(p => p.parameter), lr, lr_decay, weight_decay, initial_accumulator_value, eps);

            public static Adagrad Adagrad(IEnumerable<Modules.Adagrad.ParamGroup> parameters, double lr = 0.01, double lr_decay = 0,
                double weight_decay = 0, double initial_accumulator_value = 0, double eps = 1E-10) =>
                new(parameters, lr, lr_decay, weight_decay, initial_accumulator_value, eps);
        }
    }
}
