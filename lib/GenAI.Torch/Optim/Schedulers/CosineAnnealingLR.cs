// CosineAnnealingLR: follows half a cosine from base_lr down to eta_min over T_max epochs:
// lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2.
// Like PyTorch it computes each value from the previous one (so it composes with other
// schedulers), and past T_max it climbs back up the cosine.
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
                    public class CosineAnnealingLR : LRScheduler
                    {
                        private readonly double _tMax;
                        private readonly double _etaMin;

                        public CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            if (T_max <= 0) throw new ArgumentOutOfRangeException(nameof(T_max), T_max, "T_max must be positive");
                            _tMax = T_max;
                            _etaMin = eta_min;
                            InitialStep();
                        }

                        protected override double[] get_lr()
                        {
                            var current = CurrentLrs;
                            if (_last_epoch == 0) return current;
                            if (_step_count == 1 && _last_epoch > 0) return get_closed_form_lr();
                            if ((_last_epoch - 1 - _tMax) % (2 * _tMax) == 0)
                                // At the bottom of the cosine the recursive form would divide by zero; step up instead.
                                return current.Select((lr, k) => lr + (_base_lrs[k] - _etaMin) * (1 - Math.Cos(Math.PI / _tMax)) / 2).ToArray();
                            return current.Select(lr =>
                                (1 + Math.Cos(Math.PI * _last_epoch / _tMax)) / (1 + Math.Cos(Math.PI * (_last_epoch - 1) / _tMax)) * (lr - _etaMin) + _etaMin).ToArray();
                        }

                        protected override double[] get_closed_form_lr() =>
                            _base_lrs.Select(b => _etaMin + (b - _etaMin) * (1 + Math.Cos(Math.PI * _last_epoch / _tMax)) / 2).ToArray();
                    }
                }

                public static LRScheduler CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false) =>
                    new impl.CosineAnnealingLR(optimizer, T_max, eta_min, last_epoch, verbose);
            }
        }
    }
}
