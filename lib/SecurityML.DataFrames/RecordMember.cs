using System.Reflection;

namespace SecurityML.DataFrames;

/// <summary>One public instance property or field of a record type, as a frame column.</summary>
internal sealed class RecordMember
{
    private RecordMember(
        string name,
        Type type,
        Func<object, object?> read,
        Action<object, object?>? write,
        bool isNullable
    )
    {
        Name = name;
        Type = type;
        Read = read;
        Write = write;
        IsNullable = isNullable;
    }

    /// <summary>The member name, also the default column name.</summary>
    public string Name { get; }

    /// <summary>The declared type.</summary>
    public Type Type { get; }

    /// <summary>Reads the member from a record.</summary>
    public Func<object, object?> Read { get; }

    /// <summary>Sets the member (init-only setters included); null for read-only members.</summary>
    public Action<object, object?>? Write { get; }

    /// <summary>True when null is a valid value: a nullable value type or a reference annotated nullable.</summary>
    public bool IsNullable { get; }

    /// <summary>The readable members of <paramref name="type"/>: public instance properties (without indexers), then
    /// public instance fields, in declaration order.</summary>
    public static IReadOnlyList<RecordMember> Of(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new List<RecordMember>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
                continue;
            var write = property.SetMethod is { IsPublic: true } ? (Action<object, object?>)property.SetValue : null;
            members.Add(
                new RecordMember(
                    property.Name,
                    property.PropertyType,
                    property.GetValue,
                    write,
                    IsNullableType(property.PropertyType, nullability.Create(property).ReadState)
                )
            );
        }
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            var write = field.IsInitOnly ? null : (Action<object, object?>)field.SetValue;
            members.Add(
                new RecordMember(
                    field.Name,
                    field.FieldType,
                    field.GetValue,
                    write,
                    IsNullableType(field.FieldType, nullability.Create(field).ReadState)
                )
            );
        }
        return members;
    }

    private static bool IsNullableType(Type type, NullabilityState state) =>
        type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : state != NullabilityState.NotNull;
}
