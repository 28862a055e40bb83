import ArgumentParser
import Foundation
import PaodongModel
import PaodongReports

/// `paodong merge DIR… --out DIR`: the parts of one sharded sweep into the sweep's directory, with
/// the same sweep.csv, byte for byte, as a sweep run in one process.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of one sweep (paodong sweep --shard K/N) into one sweep directory.")

    @Argument(help: "The shard directories.")
    var parts: [String]

    @Option(help: "Output directory.")
    var out: String

    @Flag(help: "Replace an existing output directory (only after the merge succeeded).")
    var force = false

    func run() throws {
        let started = Date()
        var header: [String]? = nil
        var designTable: Data? = nil
        var first: SweepOutput.Part? = nil
        var rows: [Int: [String]] = [:]
        for dir in parts {
            func read(_ name: String) throws -> Data {
                guard let data = FileManager.default.contents(atPath: dir + "/" + name) else {
                    throw fail(ScenarioError.missingFile(ScenarioIssue(file: dir, key: "", message: "not a sweep part: \(name) is missing")))
                }
                return data
            }
            let part: SweepOutput.Part
            do {
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                part = try decoder.decode(SweepOutput.Part.self, from: try read("part.json"))
            } catch let e as ExitCode { throw e } catch {
                throw fail(ScenarioError.invalid([ScenarioIssue(file: dir + "/part.json", key: "", message: "unreadable: \(error)")]))
            }
            if let first, first.designKey != part.designKey {
                throw fail(ScenarioError.invalid([ScenarioIssue(file: dir, key: "", message:
                    "belongs to another design than \(parts[0]) (design key \(part.designKey), not \(first.designKey))")]))
            }
            first = first ?? part
            let table = CSVRows.parse(String(decoding: try read("sweep.csv"), as: UTF8.self))
            guard let h = table.first, table.count == part.indices.count + 1 else {
                throw fail(ScenarioError.invalid([ScenarioIssue(file: dir + "/sweep.csv", key: "", message: "does not hold the \(part.indices.count) runs part.json lists")]))
            }
            header = header ?? h
            if designTable == nil { designTable = try read("design.csv") }
            for (index, row) in zip(part.indices, table.dropFirst()) {
                if rows[index] != nil {
                    throw fail(ScenarioError.invalid([ScenarioIssue(file: dir, key: "", message: "run \(index + 1) is also in another part; each run must be merged once")]))
                }
                rows[index] = row
            }
        }
        guard let part = first, let header, let designTable else { throw ValidationError("merge needs at least one part") }
        let missing = (0..<part.runs).filter { rows[$0] == nil }
        if !missing.isEmpty {
            throw fail(ScenarioError.invalid([ScenarioIssue(file: parts.joined(separator: ", "), key: "", message:
                "\(missing.count) of \(part.runs) runs are in no part (first missing: run \(missing[0] + 1)); merge every shard")]))
        }
        // The design as far as the tables need it: its points and the Morris parameters.
        let points = CSVRows.parse(String(decoding: designTable, as: UTF8.self)).dropFirst().map { $0.dropFirst().map { Double($0) ?? .nan } }
        let design = SweepDesign(file: "", scenario: "", scale: 1, replications: part.replications, seed: part.seed,
                                 method: SweepDesign.Method(rawValue: part.method) ?? .grid,
                                 factors: part.factors.map { .init(key: $0, integer: false, values: [], low: 0, high: 0) },
                                 samples: 0, trajectories: 0, levels: part.levels, points: points)
        let directory: RunDirectory
        do { directory = try RunDirectory(path: out, force: force) } catch { throw fail(error) }
        do {
            let all = Array(0..<part.runs)
            try SweepOutput.write(header: header, design: design, key: part.designKey, indices: all, rows: all.map { rows[$0]! },
                                  to: directory, designTable: designTable)
            try directory.commit()
        } catch {
            directory.discard()
            throw fail(error)
        }
        print("merged \(parts.count) part(s), \(part.runs) runs; wall seconds \(Format.number(Date().timeIntervalSince(started), 1)); output \(directory.path)")
    }
}
