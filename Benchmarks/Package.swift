// swift-tools-version:6.1
// The package-benchmark suite, kept in its own package so that the main build and CI's test
// build never fetch or compile the benchmark dependency. Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "paodong-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "paodong", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PaodongBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "PaodongModel", package: "paodong"),
                .product(name: "PaodongScenario", package: "paodong"),
                .product(name: "PaodongEngine", package: "paodong"),
            ],
            path: "Benchmarks/PaodongBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
