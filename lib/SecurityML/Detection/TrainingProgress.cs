namespace SecurityML.Detection;

/// <summary>Progress of training, reported once per iteration, epoch or batch.</summary>
/// <param name="Stage">What is being done, e.g. "ALS iteration" or "epoch".</param>
/// <param name="Step">1-based step number.</param>
/// <param name="TotalSteps">Number of steps planned.</param>
/// <param name="Loss">The training loss after the step, when the technique has one.</param>
public sealed record TrainingProgress(string Stage, int Step, int TotalSteps, double? Loss = null);
