namespace SecurityML.Data;

/// <summary>
/// Turns one Security Lake Parquet row into an <see cref="OcsfNetworkActivity"/> with the rules of the JSON Lines
/// reader: <c>category_uid</c>, <c>class_uid</c>, <c>time</c> and the <c>src_endpoint</c> struct are required; a
/// missing struct or value is null ("not logged"; a null traffic counter inside a present <c>traffic</c> struct is
/// 0, as an absent JSON property is); then <see cref="ICheckedRecord.Check"/> applies (class 4001, time in range).
/// </summary>
internal static class OcsfParquetRow
{
    /// <summary>The record, or the first problem of the row.</summary>
    public static (OcsfNetworkActivity? Record, RecordProblem? Problem) ToNetworkActivity(OcsfParquetValues row)
    {
        var record = new OcsfNetworkActivity
        {
            ActivityId = row.Int32("activity_id") ?? 0,
            CategoryUid = row.Int32("category_uid") ?? row.Missing<int>("category_uid", "a whole number"),
            ClassUid = row.Int32("class_uid") ?? row.Missing<int>("class_uid", "4001 (Network Activity)"),
            TypeUid = row.Int64("type_uid") ?? 0,
            SeverityId = row.Int32("severity_id") ?? 0,
            Time = row.EpochMilliseconds("time") ?? row.Missing<long>("time", "milliseconds since 1970-01-01 UTC"),
            Actor = row.HasStruct("actor") ? new OcsfActor { User = User(row) } : null,
            SourceEndpoint = Endpoint(row, "src_endpoint")!,
            DestinationEndpoint = Endpoint(row, "dst_endpoint"),
            Traffic = Traffic(row),
            ActionId = row.Int32("action_id"),
            Metadata = Metadata(row),
        };
        if (row.Problem is { } problem)
            return (null, problem);
        if (record.SourceEndpoint is null)
            return (null, new RecordProblem("src_endpoint", "null", "a struct such as {ip: '10.0.0.1'} (required)"));
        return ((ICheckedRecord)record).Check() is { } broken ? (null, broken) : (record, null);
    }

    private static OcsfUser? User(OcsfParquetValues row) =>
        row.HasStruct("actor.user") ? new OcsfUser { Name = row.Text("actor.user.name") } : null;

    private static OcsfEndpoint? Endpoint(OcsfParquetValues row, string path) =>
        row.HasStruct(path)
            ? new OcsfEndpoint
            {
                Ip = row.Text(path + ".ip"),
                Port = row.Int32(path + ".port"),
                InstanceUid = row.Text(path + ".instance_uid"),
            }
            : null;

    private static OcsfTraffic? Traffic(OcsfParquetValues row) =>
        row.HasStruct("traffic")
            ? new OcsfTraffic
            {
                BytesOut = row.Int64("traffic.bytes_out") ?? 0,
                BytesIn = row.Int64("traffic.bytes_in") ?? 0,
                PacketsOut = row.Int64("traffic.packets_out") ?? 0,
                PacketsIn = row.Int64("traffic.packets_in") ?? 0,
            }
            : null;

    private static OcsfMetadata? Metadata(OcsfParquetValues row) =>
        row.HasStruct("metadata")
            ? new OcsfMetadata
            {
                Version = row.Text("metadata.version"),
                Product = row.HasStruct("metadata.product")
                    ? new OcsfProduct
                    {
                        Name = row.Text("metadata.product.name"),
                        VendorName = row.Text("metadata.product.vendor_name"),
                    }
                    : null,
            }
            : null;
}
