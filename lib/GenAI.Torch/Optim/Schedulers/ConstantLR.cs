// ConstantLR: multiplies the learning rate by factor for the first total_iters epochs,
// then restores it.
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
                    public class ConstantLR : LRScheduler
                    {
                        private readonly double _factor;
                        private readonly int _total;

                        public ConstantLR(Optimizer optimizer, double factor = 0.3333333333333333, int total_iters = 5, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            if (factor > 1 || factor < 0) throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be in [0, 1]");
                            _factor = factor;
                            _total = total_iters;
                            InitialStep();
                        }

                        protected override double[] get_lr()
                        {
                            var current = CurrentLrs;
                            if (_last_epoch == 0) return current.Select(lr => lr * _factor).ToArray();
                            if (_last_epoch != _total) return current;
                            return current.Select(lr => lr * (1.0 / _factor)).ToArray();
                        }

                        protected override double[] get_closed_form_lr() =>
                            _base_lrs.Select(b => b * (_factor + (_last_epoch >= _total ? 1 - _factor : 0))).ToArray();
                    }
                }

                public static LRScheduler ConstantLR(Optimizer optimizer, double factor = 0.3333333333333333, int total_iters = 5, int last_epoch = -1,
                    bool verbose = false) => new impl.ConstantLR(optimizer, factor, total_iters, last_epoch, verbose);
            }
        }
    }
}
