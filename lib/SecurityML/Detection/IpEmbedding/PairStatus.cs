namespace SecurityML.Detection.IpEmbedding;

/// <summary>How an (entity, IP) pair was scored: by what the model learned about the entity, or by a
/// fallback.</summary>
public enum PairStatus
{
    /// <summary>The entity was in the training data; the score uses what the model learned about it.</summary>
    KnownEntity,

    /// <summary>The entity was not in the training data; the score is the model's documented fallback (how common
    /// the address is across all trained entities), not a judgement about this entity.</summary>
    UnseenEntity,

    /// <summary>Hashed vocabulary (an opt-in memory bound, or a model file of payload version 1): the entity's hashed
    /// row was trained, but possibly by other entities only, so the score may be another entity's profile.</summary>
    HashedEntity,

    /// <summary>The pair cannot be scored (empty entity, address not IPv4); the score is NaN.</summary>
    Invalid,
}
