namespace SecurityML.Detection.RandomCutForest;

/// <summary>The combined host and network activity of one instance in one time bucket (see
/// <see cref="HostActivityFeatures"/>).</summary>
/// <param name="InstanceUid">The instance (OCSF <c>src_endpoint.instance_uid</c> / <c>device.instance_uid</c>).</param>
/// <param name="Hostname">The host name from the process events; empty when none was seen.</param>
/// <param name="BucketStart">The bucket's start (UTC).</param>
/// <param name="Features">The values of <see cref="HostActivityFeatures.Names"/>, in order.</param>
public sealed record HostActivityBucket(
    string InstanceUid,
    string Hostname,
    DateTimeOffset BucketStart,
    double[] Features
);
