// swift-tools-version:6.1
// A libFuzzer target for the scenario and sweep design loaders, in its own package so that ordinary builds never
// see it (it has no main: libFuzzer provides one). Build and run from this folder:
//   swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   mkdir -p corpus && cp ../Tests/Corpus/*.yaml ../Scenarios/*.yaml Seeds/*.yaml corpus/
//   .build/release/FuzzScenarioLoader corpus -max_total_time=300 -rss_limit_mb=4096
import PackageDescription

let package = Package(
    name: "paodong-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "paodong", path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzScenarioLoader",
            dependencies: [
                .product(name: "PaodongModel", package: "paodong"),
                .product(name: "PaodongScenario", package: "paodong"),
            ]
        ),
    ]
)
