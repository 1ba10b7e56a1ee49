using System.Reflection;
using System.Reflection.Emit;
using System.Security.Cryptography;
using System.Text;

namespace GenAI.Training;

/// <summary>
/// A hash of the code of some types, so a checkpoint is retrained when the model's code changes: for each
/// type and its nested types (the closures of its lambdas), every field's type and name and every
/// method's signature and IL, with the IL's metadata tokens replaced by the names they stand for (a raw
/// token changes whenever anything else in the assembly is added, a name only when this code changes).
/// It sees the listed types' own code, not the code they call in other types.
/// </summary>
public static class CodeFingerprint
{
    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>First 16 hex digits of the SHA-256 of the types' described code.</summary>
    public static string Of(params Type[] types)
    {
        var text = new StringBuilder();
        foreach (var type in types.Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal))
            Describe(type, text);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    /// <summary>The text that is hashed (for tests and for seeing what changed).</summary>
    public static string Describe(Type type)
    {
        var text = new StringBuilder();
        Describe(type, text);
        return text.ToString();
    }

    static void Describe(Type type, StringBuilder text)
    {
        text.Append("type ").Append(type.FullName).Append(" : ").Append(type.BaseType?.FullName).Append('\n');
        foreach (var field in type.GetFields(Declared).OrderBy(f => f.Name, StringComparer.Ordinal))
            text.Append("  field ").Append(field.FieldType.FullName ?? field.FieldType.Name).Append(' ').Append(field.Name).Append('\n');
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))
            .Select(m => (Signature: m.ToString() ?? m.Name, Method: m)).OrderBy(m => m.Signature, StringComparer.Ordinal);
        foreach (var (signature, method) in methods)
        {
            text.Append("  method ").Append(signature).Append('\n').Append("    ");
            AppendIL(method, text);
            text.Append('\n');
        }
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).OrderBy(t => t.FullName, StringComparer.Ordinal))
            Describe(nested, text);
    }

    static void AppendIL(MethodBase method, StringBuilder text)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) return;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE && i < il.Length) value = unchecked((short)(0xFE00 | il[i++]));
            if (!OpCodesByValue.TryGetValue(value, out var op)) { text.Append($"?{value:x} "); continue; }
            text.Append(op.Name);
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    text.Append(' ').Append(il[i]); i += 1; break;
                case OperandType.InlineVar:
                    text.Append(' ').Append(BitConverter.ToInt16(il, i)); i += 2; break;
                case OperandType.InlineI or OperandType.InlineBrTarget:
                    text.Append(' ').Append(BitConverter.ToInt32(il, i)); i += 4; break;
                case OperandType.ShortInlineR:
                    text.Append(' ').Append(BitConverter.ToSingle(il, i).ToString("R")); i += 4; break;
                case OperandType.InlineI8:
                    text.Append(' ').Append(BitConverter.ToInt64(il, i)); i += 8; break;
                case OperandType.InlineR:
                    text.Append(' ').Append(BitConverter.ToDouble(il, i).ToString("R")); i += 8; break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, i);
                    i += 4;
                    for (int k = 0; k < n; k++, i += 4) text.Append(' ').Append(BitConverter.ToInt32(il, i));
                    break;
                case OperandType.InlineString:
                    text.Append(' ').Append(Resolve(() => method.Module.ResolveString(BitConverter.ToInt32(il, i)))); i += 4; break;
                case OperandType.InlineSig:
                    text.Append(" sig"); i += 4; break;
                default:   // InlineMethod, InlineField, InlineType, InlineTok: a member, written by name
                    int token = BitConverter.ToInt32(il, i);
                    i += 4;
                    text.Append(' ').Append(Resolve(() =>
                    {
                        var member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                        return member is Type t ? t.FullName ?? t.Name : $"{member?.DeclaringType?.FullName}::{member}";
                    }));
                    break;
            }
            text.Append(' ');
        }
    }

    static string Resolve(Func<string?> resolve)
    {
        try { return resolve() ?? "?"; }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or MissingMemberException or TypeLoadException) { return "?"; }
    }
}
