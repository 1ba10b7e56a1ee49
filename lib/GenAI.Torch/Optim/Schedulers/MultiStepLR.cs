// MultiStepLR: multiplies the learning rate by gamma at each milestone epoch.
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
                    public class MultiStepLR : LRScheduler
                    {
                        private readonly IList<int> _milestones;
                        private readonly double _gamma;

                        public MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false)
                            : base(optimizer, last_epoch, verbose)
                        {
                            _milestones = milestones.OrderBy(m => m).ToList();
                            _gamma = gamma;
                            InitialStep();
                        }

                        protected override double[] get_lr()
                        {
                            // A milestone listed twice applies gamma twice (PyTorch counts them).
                            int hits = _milestones.Count(m => m == _last_epoch);
                            return hits == 0 ? CurrentLrs : CurrentLrs.Select(lr => lr * Math.Pow(_gamma, hits)).ToArray();
                        }

                        protected override double[] get_closed_form_lr() =>
                            _base_lrs.Select(b => b * Math.Pow(_gamma, _milestones.Count(m => m <= _last_epoch))).ToArray();
                    }
                }

                public static LRScheduler MultiStepLR(Optimizer optimizer, IList<int> milestones, double gamma = 0.1, int last_epoch = -1, bool verbose = false) =>
                    new impl.MultiStepLR(optimizer, milestones, gamma, last_epoch, verbose);
            }
        }
    }
}
