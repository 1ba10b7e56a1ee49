// TensorDataset: wraps tensors that share their first dimension; item i is the list
// (t0[i], t1[i], ...). The DataLoader batches it with one index_select per tensor.
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    public class TensorDataset : torch.utils.data.IterableDataset
    {
        private readonly Tensor[] _tensors;

        internal TensorDataset(Tensor[] tensors)
        {
            if (tensors is null || tensors.Length == 0) throw new ArgumentException("TensorDataset needs at least one tensor");
            foreach (var t in tensors)
                if (t.dim() == 0) throw new ArgumentException("TensorDataset: every tensor needs a first (item) dimension; got a 0-D tensor");
            long n = tensors[0].shape[0];
            for (int k = 1; k < tensors.Length; k++)
                if (tensors[k].shape[0] != n)
                    throw new ArgumentException($"TensorDataset: all tensors must have the same size in dimension 0; tensor 0 has {n} items, tensor {k} has {tensors[k].shape[0]}");
            _tensors = tensors;
        }

        public override long Count => _tensors[0].shape[0];

        public IList<Tensor> this[long index] => GetTensor(index);

        public override IList<Tensor> GetTensor(long index)
        {
            if (index < 0 || index >= Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"TensorDataset has {Count} items");
            return _tensors.Select(t => t.select(0, index)).ToList();
        }

        /// <summary>The items at the given indices, stacked: one index_select per tensor.</summary>
        internal IList<Tensor> Batch(long[] indices, Device? device)
        {
            var result = new List<Tensor>(_tensors.Length);
            using var index = torch.tensor(indices, device: _tensors[0].device);
            foreach (var t in _tensors)
            {
                var batch = t.index_select(0, index);
                if (device is not null && !SameDevice(batch.device, device))
                {
                    var moved = batch.to(device);
                    batch.Dispose();
                    batch = moved;
                }
                result.Add(batch);
            }
            return result;
        }

        private static bool SameDevice(Device a, Device b) => a.type == b.type && (a.index == b.index || b.index < 0);

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            foreach (var t in _tensors) t.Dispose();
        }
    }
}
