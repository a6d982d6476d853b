namespace SecurityML.Detection.IpEmbedding;

/// <summary>Which OCSF attribute names the entity of a Network Activity event.</summary>
public enum OcsfEntity
{
    /// <summary><c>actor.user.name</c>: the user.</summary>
    UserName,

    /// <summary><c>src_endpoint.instance_uid</c>: the device or cloud instance.</summary>
    InstanceUid,
}
