// SequentialLR: hands the schedule over from one scheduler to the next at the given
// epochs (milestones), e.g. a linear warm-up for 5 epochs and then cosine decay.
// At a milestone the next scheduler restarts from its epoch 0.
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
                    public class SequentialLR : LRScheduler
                    {
                        private readonly LRScheduler[] _schedulers;
                        private readonly int[] _milestones;

                        public SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1)
                            : base(optimizer, last_epoch)
                        {
                            _schedulers = schedulers.ToArray();
                            _milestones = milestones.ToArray();
                            if (_schedulers.Length == 0) throw new ArgumentException("SequentialLR needs at least one scheduler");
                            if (_milestones.Length != _schedulers.Length - 1)
                                throw new ArgumentException($"SequentialLR: {_schedulers.Length} schedulers need {_schedulers.Length - 1} milestone(s), got {_milestones.Length}");
                            foreach (var s in _schedulers)
                                if (!ReferenceEquals(s.Optimizer, optimizer))
                                    throw new ArgumentException("SequentialLR: every scheduler must drive the optimizer given to SequentialLR");
                            _last_epoch = last_epoch + 1;
                            // Undo the initial steps the schedulers took when they were built, then
                            // redo only the first one's, from the initial learning rates.
                            foreach (var g in optimizer.ParamGroups) g.LearningRate = g.InitialLearningRate;
                            foreach (var s in _schedulers) s.LastEpoch -= 1;
                            _schedulers[0].RedoInitialStep();
                            _last_lrs = _schedulers[0].get_last_lr().ToArray();
                        }

                        protected override double[] get_lr() => _last_lrs;

                        public override void step()
                        {
                            _last_epoch++;
                            int idx = _milestones.Count(m => m <= _last_epoch);
                            var scheduler = _schedulers[idx];
                            // Crossing a milestone restarts the next scheduler at its epoch 0.
                            if (idx > 0 && _milestones[idx - 1] == _last_epoch) scheduler.step(0);
                            else scheduler.step();
                            _last_lrs = scheduler.get_last_lr().ToArray();
                        }
                    }

                    /// <summary>Steps every scheduler at once, so their factors multiply (each must be chainable).</summary>
                    public class ChainedLR : LRScheduler
                    {
                        private readonly LRScheduler[] _schedulers;

                        public ChainedLR(IEnumerable<LRScheduler> schedulers)
                        {
                            _schedulers = schedulers.ToArray();
                            if (_schedulers.Length == 0) throw new ArgumentException("ChainedLR needs at least one scheduler");
                            _last_lrs = CurrentGroupLrs();
                        }

                        private double[] CurrentGroupLrs() => _schedulers[^1].Optimizer.ParamGroups.Select(g => g.LearningRate).ToArray();

                        protected override double[] get_lr() => _last_lrs;

                        public override void step()
                        {
                            foreach (var s in _schedulers) s.step();
                            _last_lrs = CurrentGroupLrs();
                        }
                    }
                }

                public static LRScheduler SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1) =>
                    new impl.SequentialLR(optimizer, schedulers, milestones, last_epoch);

                public static LRScheduler ChainedLR(IEnumerable<LRScheduler> schedulers) => new impl.ChainedLR(schedulers);
            }
        }
    }
}
