import Foundation
import PaodongModel
import PaodongReports

/// Writes a sweep's directory: sweep.csv (its runs, by index), design.csv, sensitivity.csv (Morris,
/// complete sweeps only), part.json (the design key and which runs it holds) and manifest.json.
enum SweepOutput {
    struct Part: Codable, Equatable {
        /// Identifies the design (points, replications, seed, scale, base scenario).
        var designKey: String
        var method: String
        var runs: Int
        var replications: Int
        var seed: UInt64
        var levels: Int
        var factors: [String]
        /// The run indices this directory holds, ascending.
        var indices: [Int]
    }

    struct Manifest: Encodable {
        var paodongVersion: String
        var design: String
        var scenario: String
        var method: String
        var factors: [String]
        var points: Int
        var replications: Int
        var seed: UInt64
        var scale: Double
        var shard: String?
        var runsHere: Int
        var threads: Int
        /// MPI ranks the runs were shared among (1: one process).
        var ranks: Int
        var wallSeconds: Double
    }

    static func write(_ design: SweepDesign, key: String, indices: [Int], rows: [[String]], shard: (Int, Int)?,
                      to directory: RunDirectory, started: Date, threads: Int, ranks: Int) throws {
        try write(header: SweepReport.header(design), design: design, key: key, indices: indices, rows: rows,
                  to: directory, designTable: SweepReport.designTable(design).encoded())
        let manifest = Manifest(paodongVersion: Paodong.version, design: design.file, scenario: design.scenario,
                                method: design.method.rawValue, factors: design.factors.map(\.key), points: design.points.count,
                                replications: design.replications, seed: design.seed, scale: design.scale,
                                shard: shard.map { "\($0.0)/\($0.1)" }, runsHere: indices.count, threads: threads, ranks: ranks,
                                wallSeconds: Date().timeIntervalSince(started))
        try writeJSON(manifest, "manifest.json", to: directory)
    }

    /// The tables shared by a sweep and a merge: the same rows give the same bytes.
    static func write(header: [String], design: SweepDesign, key: String, indices: [Int], rows: [[String]],
                      to directory: RunDirectory, designTable: Data) throws {
        var table = CSVTable(header: header)
        for row in rows { table.append(row) }
        try directory.write("sweep.csv", table.encoded())
        try directory.write("design.csv", designTable)
        if design.method == .morris, indices.count == design.runCount {
            try directory.write("sensitivity.csv", SweepReport.sensitivity(design, rows: rows).encoded())
        }
        try writeJSON(Part(designKey: key, method: design.method.rawValue, runs: design.runCount, replications: design.replications,
                           seed: design.seed, levels: design.levels, factors: design.factors.map(\.key), indices: indices),
                      "part.json", to: directory)
    }

    static func writeJSON<T: Encodable>(_ value: T, _ name: String, to directory: RunDirectory) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        try directory.write(name, try encoder.encode(value) + Data("\n".utf8))
    }
}
