// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "paodong",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "paodong", targets: ["paodong"]),
        .executable(name: "paodong-lower-bound", targets: ["paodong-lower-bound"]),
        .library(name: "PaodongModel", targets: ["PaodongModel"]),
        .library(name: "PaodongScenario", targets: ["PaodongScenario"]),
        .library(name: "PaodongEngine", targets: ["PaodongEngine"]),
        .library(name: "PaodongReports", targets: ["PaodongReports"]),
        .library(name: "PaodongServe", targets: ["PaodongServe"]),
    ],
    // `swift build --traits MPI` links the system MPI (Open MPI's ompi-c) so that
    // `mpirun -n N paodong sweep` shares a sweep's runs among ranks; the default build needs no MPI.
    traits: [.trait(name: "MPI", description: "Share sweeps among MPI ranks (needs libopenmpi-dev).")],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // The live view's web server (`paodong serve`, `run --serve`): async, with streamed response
        // bodies for Server-Sent Events; only the PaodongServe target links it. No default traits
        // (swift-configuration and full Foundation are not needed).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev"])]
        ),
        .target(
            name: "PaodongModel",
            dependencies: ["CGSL"]
        ),
        .target(
            name: "PaodongScenario",
            dependencies: [
                "PaodongModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "PaodongEngine",
            dependencies: [
                "PaodongModel", "CGSL",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),
        .target(
            name: "PaodongReports",
            dependencies: [
                "PaodongModel", "PaodongEngine",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The live view (`paodong serve`, `run --serve`, `compare --serve`): the web server, the
        // feed of day snapshots, finished runs read from their CSVs, and the page. The simulation
        // libraries do not depend on it.
        .target(
            name: "PaodongServe",
            dependencies: [
                "PaodongModel", "PaodongEngine", "PaodongReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "paodong",
            dependencies: [
                "PaodongModel", "PaodongScenario", "PaodongEngine", "PaodongReports", "PaodongServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .target(name: "CMPI", condition: .when(traits: ["MPI"])),
            ],
            swiftSettings: [.define("MPI", .when(traits: ["MPI"]))]
        ),
        // The lower-bound kernel's driver for Benchmarks/scaling.sh (the kernel is LowerBoundKernel).
        .executableTarget(
            name: "paodong-lower-bound",
            dependencies: ["PaodongModel", "PaodongScenario", "PaodongEngine",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/LowerBound"
        ),
        // Helpers shared by both test targets: the CLI as a user runs it, temporary directories.
        .target(
            name: "PaodongTestSupport",
            path: "Tests/PaodongTestSupport"
        ),
        // In-process tests of the libraries: queue kernel against Erlang C, engine conservation,
        // calibration, pooling, the metric registry, CSV encoding.
        .testTarget(
            name: "PaodongUnitTests",
            dependencies: ["PaodongModel", "PaodongScenario", "PaodongEngine", "PaodongReports", "PaodongTestSupport",
                           .product(name: "CSV", package: "CSV.swift")]
        ),
        // The real `paodong` executable as a user runs it: scenarios, comparisons, bad input,
        // interruptions, reports, and a smoke run of every command. With the unit tests, the fast
        // tier: `swift test -c release --skip PaodongSlowTests`.
        .testTarget(
            name: "PaodongEndToEndTests",
            dependencies: ["paodong", "PaodongModel", "PaodongScenario", "PaodongEngine", "PaodongReports", "PaodongTestSupport",
                           .product(name: "CSV", package: "CSV.swift")]
        ),
        // The slow tier (`swift test -c release --filter PaodongSlowTests`): every reform's mechanism
        // and the plan and Longgang comparisons, determinism at scale, the hotline and screening in
        // the city, notebooks executed by Python.
        .testTarget(
            name: "PaodongSlowTests",
            dependencies: ["paodong", "PaodongModel", "PaodongScenario", "PaodongEngine", "PaodongReports", "PaodongTestSupport",
                           .product(name: "CSV", package: "CSV.swift")]
        ),
    ]
)
