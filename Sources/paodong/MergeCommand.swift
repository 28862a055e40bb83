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
        var first: SweepPartDirectory? = nil
        var rows: [Int: [String]] = [:]
        for dir in parts {
            let d: SweepPartDirectory
            do { d = try SweepPartDirectory(path: dir) } catch { throw fail(error) }
            if let first {
                if first.part.designKey != d.part.designKey {
                    throw fail(ScenarioError.invalid([ScenarioIssue(file: dir, key: "", message:
                        "belongs to another design than \(first.path) (design key \(d.part.designKey), not \(first.part.designKey))")]))
                }
                var same = d.part
                same.indices = first.part.indices
                if same != first.part || d.designTable != first.designTable {
                    throw fail(ScenarioError.invalid([ScenarioIssue(file: dir, key: "", message:
                        "has the design key of \(first.path) but not the same part.json fields or design.csv; was one of them edited?")]))
                }
            }
            first = first ?? d
            for (index, row) in zip(d.part.indices, d.rows) {
                if rows[index] != nil {
                    throw fail(ScenarioError.invalid([ScenarioIssue(file: dir, key: "", message: "run \(index + 1) is also in another part; each run must be merged once")]))
                }
                rows[index] = row
            }
        }
        guard let first else { throw ValidationError("merge needs at least one part") }
        let part = first.part, header = first.header, designTable = first.designTable
        if rows.count < part.runs, let firstMissing = (0..<part.runs).first(where: { rows[$0] == nil }) {
            throw fail(ScenarioError.invalid([ScenarioIssue(file: parts.joined(separator: ", "), key: "", message:
                "\(part.runs - rows.count) of \(part.runs) runs are in no part (first missing: run \(firstMissing + 1)); merge every shard")]))
        }
        // The design as far as the tables need it: its points and the Morris parameters.
        let points = first.designRows.map { $0.dropFirst().map { Double($0)! } }
        let design = SweepDesign(file: "", scenario: "", scale: 1, replications: part.replications, seed: part.seed,
                                 method: SweepDesign.Method(rawValue: part.method)!,
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
