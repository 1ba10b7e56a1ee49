namespace TorchSharp.Utils;

/// <summary>Gives a module field a registration name other than the field's own (see Module.RegisterComponents).</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ComponentNameAttribute : Attribute
{
    public string Name { get; set; } = "";
}
