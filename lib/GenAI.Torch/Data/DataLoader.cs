// DataLoader: iterates over a dataset in batches of batch_size items, optionally
// shuffled (a new permutation every epoch, reproducible with a seed) and dropping
// a last incomplete batch. Batches are built on the calling thread.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class DataLoader<T, S> : IEnumerable<S>, IDisposable
    {
        private readonly IEnumerable<long>? _fixedOrder;
        private readonly Generator? _generator;
        private readonly bool _shuffle;

        public DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, IEnumerable<long> shuffler,
            Device? device = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : this(dataset, batchSize, collate_fn, device, num_worker, drop_last, disposeBatch, disposeDataset)
        {
            _fixedOrder = shuffler ?? throw new ArgumentNullException(nameof(shuffler));
        }

        public DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, bool shuffle = false,
            Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : this(dataset, batchSize, collate_fn, device, num_worker, drop_last, disposeBatch, disposeDataset)
        {
            _shuffle = shuffle;
            // A seeded loader owns its generator: the same seed gives the same sequence of epochs.
            if (shuffle && seed is { } s) _generator = new Generator((ulong)s);
        }

        private DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, Device? device,
            int num_worker, bool drop_last, bool disposeBatch, bool disposeDataset)
        {
            if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be positive");
            this.dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
            batch_size = batchSize;
            this.collate_fn = collate_fn ?? throw new ArgumentNullException(nameof(collate_fn));
            Device = device ?? torch.CPU;
            num_workers = Math.Max(1, num_worker);
            this.drop_last = drop_last;
            DisposeBatch = disposeBatch;
            DisposeDataset = disposeDataset;
        }

        public torch.utils.data.Dataset<T> dataset { get; }
        public int batch_size { get; }
        public bool drop_last { get; }
        /// <summary>The index order of one epoch (a fresh permutation each time it is read when shuffling).</summary>
        public IEnumerable<long> sampler => Order();
        public int num_workers { get; }
        public Func<IEnumerable<T>, Device, S> collate_fn { get; }
        public Device Device { get; }
        public bool DisposeBatch { get; }
        public bool DisposeDataset { get; }

        /// <summary>Number of batches per epoch.</summary>
        public long Count => drop_last ? dataset.Count / batch_size : (dataset.Count + batch_size - 1) / batch_size;

        private long[] Order()
        {
            long n = dataset.Count;
            if (_fixedOrder is not null) return _fixedOrder.ToArray();
            if (!_shuffle)
            {
                var order = new long[n];
                for (long k = 0; k < n; k++) order[k] = k;
                return order;
            }
            using var perm = torch.randperm(n, generator: _generator);
            return perm.data<long>().ToArray();
        }

        public IEnumerator<S> GetEnumerator()
        {
            var order = Order();
            S? previous = default;
            bool hasPrevious = false;
            for (long start = 0; start < order.LongLength; start += batch_size)
            {
                long size = Math.Min(batch_size, order.LongLength - start);
                if (size < batch_size && drop_last) break;
                var indices = new long[size];
                Array.Copy(order, start, indices, 0, size);
                var batch = MakeBatch(indices);
                // The previous batch is freed once the caller has moved on (disposeBatch).
                if (hasPrevious && DisposeBatch) DisposeItem(previous);
                previous = batch;
                hasPrevious = true;
                yield return batch;
            }
            if (hasPrevious && DisposeBatch) DisposeItem(previous);
        }

        /// <summary>Builds the batch for the given item indices (the generic path calls collate_fn on the items).</summary>
        protected virtual S MakeBatch(long[] indices)
        {
            var items = indices.Select(i => dataset.GetTensor(i)).ToList();
            try
            {
                return collate_fn(items, Device);
            }
            finally
            {
                foreach (var item in items) DisposeItem(item);
            }
        }

        /// <summary>Moves a batch tensor to the loader's device (consuming the original when a copy is made).</summary>
        protected static Tensor MoveTo(Tensor t, Device device)
        {
            if (t.device_type == device.type && (device.index < 0 || t.device_index == device.index)) return t;
            var moved = t.to(device);
            t.Dispose();
            return moved;
        }

        private static void DisposeItem(object? item)
        {
            switch (item)
            {
                case Tensor t: t.Dispose(); break;
                case IEnumerable<Tensor> ts: foreach (var t in ts) t.Dispose(); break;
                case IDictionary<string, Tensor> d: foreach (var t in d.Values) t.Dispose(); break;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        protected virtual void Dispose(bool disposing)
        {
            if (!disposing) return;
            if (DisposeDataset) dataset.Dispose();
            _generator?.Dispose();
        }
    }

    /// <summary>Batches a Dataset of named tensors: each name's tensors are stacked along a new first dimension.</summary>
    public class DataLoader : DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>
    {
        public DataLoader(torch.utils.data.Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null, int num_worker = 1,
            bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) { }

        public DataLoader(torch.utils.data.Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) { }

        private static Dictionary<string, Tensor> Collate(IEnumerable<Dictionary<string, Tensor>> items, Device device)
        {
            var list = items.ToList();
            var batch = new Dictionary<string, Tensor>();
            foreach (var key in list[0].Keys)
            {
                var stacked = torch.stack(list.Select(i => i.TryGetValue(key, out var t) ? t
                    : throw new InvalidOperationException($"DataLoader: an item lacks the key '{key}' that the first item of the batch has")).ToArray());
                batch[key] = MoveTo(stacked, device);
            }
            return batch;
        }
    }

    /// <summary>Batches a dataset of tensor lists: position k of every item is stacked into batch[k].</summary>
    public class IterableDataLoader : DataLoader<IList<Tensor>, IList<Tensor>>
    {
        public IterableDataLoader(torch.utils.data.IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset) { }

        public IterableDataLoader(torch.utils.data.IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
            int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true)
            : base(dataset, batchSize, Collate, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset) { }

        // A TensorDataset is batched with index_select (one op per tensor, not one per item).
        protected override IList<Tensor> MakeBatch(long[] indices) =>
            dataset is TensorDataset td ? td.Batch(indices, Device) : base.MakeBatch(indices);

        private static IList<Tensor> Collate(IEnumerable<IList<Tensor>> items, Device device)
        {
            var list = items.ToList();
            int width = list[0].Count;
            var batch = new List<Tensor>(width);
            for (int k = 0; k < width; k++)
            {
                int position = k;
                var stacked = torch.stack(list.Select(i => i.Count == width ? i[position]
                    : throw new InvalidOperationException($"DataLoader: items of one batch have different lengths ({width} and {i.Count})")).ToArray());
                batch.Add(MoveTo(stacked, device));
            }
            return batch;
        }
    }
}

namespace TorchSharp
{
    using TorchSharp.Modules;

    public static partial class torch
    {
        public static partial class utils
        {
            public static partial class data
            {
                public static Modules.DataLoader DataLoader(Dataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null, int num_worker = 1,
                    bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);

                public static Modules.DataLoader DataLoader(Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);

                public static IterableDataLoader DataLoader(IterableDataset dataset, int batchSize, IEnumerable<long> shuffler, Device? device = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffler, device, num_worker, drop_last, disposeBatch, disposeDataset);

                public static IterableDataLoader DataLoader(IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                    int num_worker = 1, bool drop_last = false, bool disposeBatch = true, bool disposeDataset = true) =>
                    new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last, disposeBatch, disposeDataset);
            }
        }
    }
}
