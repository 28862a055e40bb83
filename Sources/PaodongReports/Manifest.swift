import Foundation
import PaodongEngine
import PaodongModel

/// `manifest.json`: what was run, how, and what it cost.
public struct Manifest: Encodable {
    public var paodongVersion: String
    public var scenario: Scenario.Parameters
    public var sourceFiles: [String]
    /// The `--set key.path=value` overrides merged over the files, in order (already in `scenario`).
    public var overrides: [String]
    public var seed: UInt64
    public var replications: Int
    public var replicationSeeds: [UInt64]
    public var threads: Int
    public var residents: Int
    public var businesses: Int
    public var catalogItems: Int
    public var halls: Int
    public var kioskPools: Int
    public var wallSeconds: Double
    public var peakMemoryBytes: Int
    /// The estimate checked before the run (MemoryEstimate), to compare with the peak.
    public var estimatedMemoryBytes: Int
    public var warnings: [String]
    public var files: [String]

    public init(paodongVersion: String, scenario: Scenario.Parameters, sourceFiles: [String], overrides: [String] = [], seed: UInt64,
                replications: Int, replicationSeeds: [UInt64], threads: Int, residents: Int, businesses: Int,
                catalogItems: Int, halls: Int, kioskPools: Int, wallSeconds: Double, peakMemoryBytes: Int,
                estimatedMemoryBytes: Int, warnings: [String], files: [String]) {
        self.paodongVersion = paodongVersion; self.scenario = scenario; self.sourceFiles = sourceFiles; self.overrides = overrides; self.seed = seed
        self.replications = replications; self.replicationSeeds = replicationSeeds; self.threads = threads
        self.residents = residents; self.businesses = businesses; self.catalogItems = catalogItems; self.halls = halls
        self.kioskPools = kioskPools; self.wallSeconds = wallSeconds; self.peakMemoryBytes = peakMemoryBytes
        self.estimatedMemoryBytes = estimatedMemoryBytes
        self.warnings = warnings; self.files = files
    }

    /// The manifest of a run's replications.
    public static func of(_ results: [RunResult], sourceFiles: [String], overrides: [String] = [], threads: Int, started: Date,
                          version: String) -> Manifest {
        let first = results[0]
        return Manifest(paodongVersion: version, scenario: first.scenario, sourceFiles: sourceFiles, overrides: overrides,
                        seed: first.scenario.seed, replications: results.count,
                        replicationSeeds: results.map(\.scenario.seed), threads: threads,
                        residents: first.residents, businesses: first.businesses, catalogItems: first.catalog.items.count,
                        halls: first.queues.filter { $0.level != "kiosk" }.count,
                        kioskPools: first.queues.filter { $0.level == "kiosk" }.count,
                        wallSeconds: Date().timeIntervalSince(started), peakMemoryBytes: peakMemory(),
                        estimatedMemoryBytes: first.estimatedMemoryBytes, warnings: first.warnings, files: RunWriter.files + (first.screening != nil ? ["screening.csv"] : []))
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Peak resident memory of this process so far, in bytes.
    public static func peakMemory() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024  // kilobytes on Linux
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss  // bytes on Darwin
        #endif
    }
}
