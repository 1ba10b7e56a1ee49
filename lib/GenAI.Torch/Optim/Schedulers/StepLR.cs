// StepLR: multiplies the learning rate by gamma every step_size epochs:
// lr(epoch) = base_lr * gamma^floor(epoch / step_size).
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
                    public class StepLR : LRScheduler
                    {
                        private readonly int _stepSize;
                        private readonly double _gamma;

                        public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            if (step_size <= 0) throw new ArgumentOutOfRangeException(nameof(step_size), step_size, "step_size must be positive");
                            _stepSize = step_size;
                            _gamma = gamma;
                            InitialStep();
                        }

                        protected override double[] get_lr() =>
                            _last_epoch == 0 || _last_epoch % _stepSize != 0 ? CurrentLrs : CurrentLrs.Select(lr => lr * _gamma).ToArray();

                        protected override double[] get_closed_form_lr() =>
                            _base_lrs.Select(b => b * Math.Pow(_gamma, _last_epoch / _stepSize)).ToArray();
                    }
                }

                public static LRScheduler StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.StepLR(optimizer, step_size, gamma, last_epoch, verbose);
            }
        }
    }
}
