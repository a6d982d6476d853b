namespace SecurityML.Data;

/// <summary>Outbound traffic of an instance to one destination, aggregated per hour as a VPC flow log record.</summary>
internal sealed record FlowPattern(
    string DestinationIp,
    int Port,
    double BytesOut,
    double BytesIn,
    double Probability,
    ActivityShape Shape,
    int Hour = 0
);
