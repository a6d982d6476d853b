namespace SecurityML.Detection.AccessAnomaly;

/// <summary>
/// One (tenant, user, resource) access and how likely it is, the input item of <see cref="AccessAnomalyDetector"/>
/// and <see cref="AccessAnomalyModel"/>. Build these from raw events with <see cref="AccessLikelihoodBuilder"/>
/// (or <see cref="FileShareAccessAnomalies"/> for Windows event 5140, from events or from daily aggregates).
/// </summary>
/// <param name="Tenant">The isolation unit (a workspace, a customer, an organisation); users and resources are
/// indexed per tenant, so the same name in two tenants is two different entities. Names compare ordinally
/// (case-sensitive): normalise case upstream when the source does not.</param>
/// <param name="User">The accessing account, e.g. <c>CONTOSO\anna.berg</c>.</param>
/// <param name="Resource">The accessed resource, e.g. the share <c>\\*\Finance</c>.</param>
/// <param name="Likelihood">How often the user accesses the resource per unit of time (any finite value; training
/// rescales it per tenant into [<see cref="AccessAnomalyOptions.LowValue"/>,
/// <see cref="AccessAnomalyOptions.HighValue"/>]). Ignored when scoring and in access histories.</param>
public sealed record AccessLikelihood(string Tenant, string User, string Resource, double Likelihood = 1.0);
