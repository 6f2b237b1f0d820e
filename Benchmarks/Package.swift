// swift-tools-version: 6.1
// Benchmarks for Metro6, run with package-benchmark (ordo-one/benchmark):
//   cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
// A separate package so that the root's `swift build` and `swift test` never build them.
import PackageDescription

let package = Package(
    name: "Metro6Benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Metro6", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
    ],
    targets: [
        .executableTarget(
            name: "SimCoreBenchmarks",
            dependencies: [
                .product(name: "SimCore", package: "Metro6"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            path: "SimCoreBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ProbeBenchmarks",
            dependencies: [
                .product(name: "Packets", package: "Metro6"),
                .product(name: "Probe", package: "Metro6"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "ProbeBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RolloutBenchmarks",
            dependencies: [
                .product(name: "MetroModel", package: "Metro6"),
                .product(name: "Scenario", package: "Metro6"),
                .product(name: "SimCore", package: "Metro6"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "RolloutBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SweepBenchmarks",
            dependencies: [
                .product(name: "Runner", package: "Metro6"),
                .product(name: "Scenario", package: "Metro6"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "SweepBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
