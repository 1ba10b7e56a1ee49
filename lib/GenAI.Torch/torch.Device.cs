namespace TorchSharp;

public static partial class torch
{
    /// <summary>Where a tensor lives: a device type plus an index (-1 = the current device of that type).</summary>
    public class Device
    {
        public DeviceType type { get; }
        public int index { get; }

        public Device(string description)
        {
            (type, index) = Parse(description);
        }

        public Device(string deviceType, int index = -1)
        {
            type = Parse(deviceType).Item1;
            this.index = index;
        }

        public Device(DeviceType deviceType, int index = -1)
        {
            type = deviceType;
            this.index = index;
        }

        /// <summary>A CUDA device with the given index.</summary>
        public Device(int index)
        {
            type = DeviceType.CUDA;
            this.index = index;
        }

        public static implicit operator Device(string description) => new Device(description);

        public override string ToString() =>
            index < 0 ? type.ToString().ToLowerInvariant() : $"{type.ToString().ToLowerInvariant()}:{index}";

        public override bool Equals(object? obj) => obj is Device d && d.type == type && d.index == index;
        public override int GetHashCode() => HashCode.Combine(type, index);

        private static (DeviceType, int) Parse(string description)
        {
            ArgumentNullException.ThrowIfNull(description);
            var parts = description.Trim().Split(':');
            if (parts.Length > 2 || !Enum.TryParse<DeviceType>(parts[0], ignoreCase: true, out var t) ||
                !Enum.IsDefined(t) || int.TryParse(parts[0], out _))
                throw new ArgumentException($"Invalid device description '{description}': expected e.g. 'cpu', 'cuda' or 'cuda:1'.");
            var idx = -1;
            if (parts.Length == 2 && (!int.TryParse(parts[1], out idx) || idx < 0))
                throw new ArgumentException($"Invalid device index in '{description}'.");
            return (t, idx);
        }
    }

    public static readonly Device CPU = new Device(DeviceType.CPU, -1);
    public static readonly Device META = new Device(DeviceType.META, -1);
    /// <summary>The default CUDA device. Using it where CUDA is unavailable throws when a tensor is made.</summary>
    public static Device CUDA => new Device(DeviceType.CUDA, -1);
    public static Device MPS => new Device(DeviceType.MPS, -1);

    public static Device device(string description) => new Device(description);
    public static Device device(string deviceType, int index = -1) => new Device(deviceType, index);
    public static Device device(DeviceType deviceType, int index = -1) => new Device(deviceType, index);
    public static Device device(int index) => new Device(index);
}
