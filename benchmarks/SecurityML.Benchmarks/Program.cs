using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project benchmarks/SecurityML.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(SecurityML.Benchmarks.LogonAggregationBenchmark).Assembly).Run(args);
