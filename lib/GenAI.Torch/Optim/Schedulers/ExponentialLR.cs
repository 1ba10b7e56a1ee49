// ExponentialLR: multiplies the learning rate by gamma every epoch: lr(epoch) = base_lr * gamma^epoch.
namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class optim
        {
            public static partial class lr_scheduler
            {
                public static partial class impl
                {
                    public class ExponentialLR : LRScheduler
                    {
                        private readonly double _gamma;

                        public ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            _gamma = gamma;
                            InitialStep();
                        }

                        protected override double[] get_lr() => _last_epoch == 0 ? CurrentLrs : CurrentLrs.Select(lr => lr * _gamma).ToArray();

                        protected override double[] get_closed_form_lr() => _base_lrs.Select(b => b * Math.Pow(_gamma, _last_epoch)).ToArray();
                    }
                }

                public static LRScheduler ExponentialLR(Optimizer optimizer, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.ExponentialLR(optimizer, gamma, last_epoch, verbose);
            }
        }
    }
}
