// torch.optim.Optimizer: holds parameter groups (each with its own options, e.g.
// its learning rate) and per-parameter state; step() applies one update.
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            /// <summary>Anything whose learning rate a scheduler can read and set (a parameter group).</summary>
            public interface ILearningRateController
            {
                double LearningRate { get; set; }
                double InitialLearningRate { get; set; }
            }

            public interface IBetas
            {
                (double, double) Betas { get; set; }
            }

            public interface IMomentum
            {
                double Momentum { get; set; }
            }

            public abstract partial class Optimizer : IDisposable
            {
                /// <summary>The parameter groups; schedulers change their LearningRate.</summary>
                public abstract IEnumerable<ILearningRateController> ParamGroups { get; }

                public abstract void add_param_group(Modules.ParamGroup param_group);

                /// <summary>Every parameter of every group.</summary>
                public abstract IEnumerable<Parameter> parameters();

                /// <summary>Applies one update. A closure, if given, is called first (with grad enabled) to recompute the loss, which is returned.</summary>
                public abstract Tensor? step(Func<Tensor>? closure = null);

                /// <summary>Drops the gradients of all parameters (PyTorch's default set_to_none behaviour).</summary>
                public abstract void zero_grad();

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                protected virtual void Dispose(bool disposing) { }
            }
        }
    }
}
