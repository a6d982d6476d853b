using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/SecurityML.Benchmarks -- --filter '*' --job short
// Engines (one run per path, child processes): ... -- engines 10000000 [parquet-only | distinct | quoted];
// engine-check FILE.csv compares the .NET path and SummarizeFile value for value (see LogonEngineComparison).
if (args.Length > 1 && args[0] is "engines" or "engine-run" or "engine-check")
    SecurityML.Benchmarks.LogonEngineComparison.Run(args);
else
    BenchmarkSwitcher.FromAssembly(typeof(SecurityML.Benchmarks.LogonAggregationBenchmark).Assembly).Run(args);
