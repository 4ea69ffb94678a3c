using BenchmarkDotNet.Running;

// `--job short --filter '*'` for the quick table in docs/benchmarks-gas-and-import.md; no arguments asks which to run.
BenchmarkSwitcher.FromAssembly(typeof(Ledger.Bench.Micro.SampleRecord).Assembly).Run(args);
