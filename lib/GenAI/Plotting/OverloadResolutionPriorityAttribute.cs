// The library targets net8.0, which lacks this attribute; C# 13 and later compilers (the SDK's and the
// notebook kernel's) honour it by name. It lets Chart.Line(double[]) keep choosing the array overload
// although TorchSharp converts double[] to Tensor implicitly, which would otherwise make
// Chart.Line(array) ambiguous as soon as a Chart.Line(Tensor) exists (CS0121).
#if !NET9_0_OR_GREATER
namespace System.Runtime.CompilerServices;

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute(int priority) : Attribute
{
    public int Priority { get; } = priority;
}
#endif
