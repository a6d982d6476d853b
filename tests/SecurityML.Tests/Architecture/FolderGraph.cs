using Mono.Cecil;
using Mono.Cecil.Cil;

namespace SecurityML.Tests.Architecture;

/// <summary>
/// Which top-level folder (namespace <c>SecurityML.{Folder}...</c>) of an assembly references which, read from its IL
/// with Mono.Cecil: base types, interfaces, attributes, fields, properties, events, method signatures, generic
/// constraints, and in method bodies the local variables and every type, method and field an instruction names.
/// Nested and compiler-generated types (lambdas, iterators, async state machines) count for the type declaring them.
/// </summary>
public static class FolderGraph
{
    /// <summary>The name used for types directly in the root namespace.</summary>
    public const string Root = "(root)";

    /// <summary>The edges between different folders of the assembly at <paramref name="path"/>, one per pair (the first
    /// example found, types in name order), sorted by <see cref="FolderEdge.Key"/>.</summary>
    /// <param name="path">The assembly file.</param>
    /// <param name="rootNamespace">The namespace whose next part names the folder, e.g. <c>SecurityML</c>.</param>
    public static IReadOnlyList<FolderEdge> Read(string path, string rootNamespace)
    {
        using var module = ModuleDefinition.ReadModule(path);
        return Read(module, rootNamespace);
    }

    /// <summary>As <see cref="Read(string, string)"/>, over a loaded module.</summary>
    public static IReadOnlyList<FolderEdge> Read(ModuleDefinition module, string rootNamespace)
    {
        ArgumentNullException.ThrowIfNull(module);
        var edges = new Dictionary<string, FolderEdge>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes().OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            var owner = Outermost(type);
            if (FolderOf(owner.Namespace, rootNamespace) is not { } from)
                continue;
            foreach (var used in References(type))
            {
                if (used.Scope != module)
                    continue;
                var target = Outermost(used);
                if (FolderOf(target.Namespace, rootNamespace) is not { } to || to == from)
                    continue;
                edges.TryAdd(from + "→" + to, new FolderEdge(from, to, owner.FullName, target.FullName));
            }
        }
        return edges.Values.OrderBy(edge => edge.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The folder of a namespace: <c>SecurityML.Data.Records</c> → <c>Data</c>, <c>SecurityML</c> →
    /// <see cref="Root"/>; null for namespaces outside the root (compiler-embedded attributes,
    /// <c>&lt;Module&gt;</c>).</summary>
    public static string? FolderOf(string ns, string rootNamespace)
    {
        if (ns == rootNamespace)
            return Root;
        if (!ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal))
            return null;
        var rest = ns[(rootNamespace.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } declaring)
            type = declaring;
        return type;
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        if (type.BaseType is { } baseType)
            found.Add(baseType);
        found.AddRange(type.Interfaces.Select(item => item.InterfaceType));
        found.AddRange(Attributes(type));
        found.AddRange(type.GenericParameters.SelectMany(Constraints));
        found.AddRange(type.Fields.SelectMany(field => Attributes(field).Append(field.FieldType)));
        found.AddRange(type.Properties.SelectMany(property => Attributes(property).Append(property.PropertyType)));
        found.AddRange(type.Events.SelectMany(item => Attributes(item).Append(item.EventType)));
        foreach (var method in type.Methods)
        {
            found.AddRange(Signature(method));
            found.AddRange(Attributes(method));
            found.AddRange(method.GenericParameters.SelectMany(Constraints));
            if (method.HasBody)
                found.AddRange(Body(method.Body));
        }
        return found.SelectMany(Parts);
    }

    private static IEnumerable<TypeReference> Body(MethodBody body)
    {
        foreach (var variable in body.Variables)
            yield return variable.VariableType;
        foreach (var handler in body.ExceptionHandlers.Where(handler => handler.CatchType is not null))
            yield return handler.CatchType;
        foreach (var instruction in body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference type:
                    yield return type;
                    break;
                case MethodReference method:
                    foreach (var part in Signature(method))
                        yield return part;
                    break;
                case FieldReference field:
                    yield return field.DeclaringType;
                    yield return field.FieldType;
                    break;
            }
        }
    }

    private static IEnumerable<TypeReference> Signature(MethodReference method)
    {
        yield return method.DeclaringType;
        yield return method.ReturnType;
        foreach (var parameter in method.Parameters)
            yield return parameter.ParameterType;
        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
                yield return argument;
        }
    }

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(attribute =>
            attribute
                .ConstructorArguments.Select(argument => argument.Value)
                .OfType<TypeReference>()
                .Prepend(attribute.AttributeType)
        );

    private static IEnumerable<TypeReference> Constraints(GenericParameter parameter) =>
        parameter.Constraints.Select(constraint => constraint.ConstraintType);

    /// <summary>A type and the types it is made of: generic arguments, array/pointer/by-ref element types.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType))
                    yield return part;
                foreach (var part in generic.GenericArguments.SelectMany(Parts))
                    yield return part;
                yield break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType))
                    yield return part;
                yield break;
            default:
                yield return type;
                yield break;
        }
    }
}
