// LinearLR (warm-up): scales the learning rate by a factor that moves linearly from
// start_factor to end_factor over total_iters epochs, then stays at end_factor.
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
                    public class LinearLR : LRScheduler
                    {
                        private readonly double _start;
                        private readonly double _end;
                        private readonly int _total;

                        public LinearLR(Optimizer optimizer, double start_factor = 0.3333333333333333, double end_factor = 1, int total_iters = 5,
                            int last_epoch = -1, bool verbose = false) : base(optimizer, last_epoch, verbose)
                        {
                            if (start_factor > 1 || start_factor <= 0)
                                throw new ArgumentOutOfRangeException(nameof(start_factor), start_factor, "start_factor must be in (0, 1]");
                            if (end_factor > 1 || end_factor < 0)
                                throw new ArgumentOutOfRangeException(nameof(end_factor), end_factor, "end_factor must be in [0, 1]");
                            _start = start_factor;
                            _end = end_factor;
                            _total = total_iters;
                            InitialStep();
                        }

                        // Each step multiplies by the ratio of consecutive factors (PyTorch's chainable form).
                        protected override double[] get_lr()
                        {
                            var current = CurrentLrs;
                            if (_last_epoch == 0) return current.Select(lr => lr * _start).ToArray();
                            if (_last_epoch > _total) return current;
                            return current.Select(lr => lr * (1.0 + (_end - _start) / (_total * _start + (_last_epoch - 1) * (_end - _start)))).ToArray();
                        }

                        protected override double[] get_closed_form_lr() =>
                            _base_lrs.Select(b => b * (_start + (_end - _start) * Math.Min(_total, _last_epoch) / _total)).ToArray();
                    }
                }

                public static LRScheduler LinearLR(Optimizer optimizer, double start_factor = 0.3333333333333333, double end_factor = 1, int total_iters = 5,
                    int last_epoch = -1, bool verbose = false) =>
                    new impl.LinearLR(optimizer, start_factor, end_factor, total_iters, last_epoch, verbose);
            }
        }
    }
}
