import Foundation
import PaodongModel
import PaodongReports
import PaodongScenario

/// One part of a sharded sweep (`paodong sweep --shard K/N`) as `paodong merge` reads it, checked
/// before anything is written: part.json, sweep.csv and design.csv must tell one consistent story,
/// since a merge trusts them to stand for runs it never saw.
///
/// The rules (`SweepPartRules`) run together and every problem found is reported at once, each with its
/// file, line and what is allowed (exit 65); a missing file is exit 66. Reading is
/// O(bytes of the part).
struct SweepPartDirectory {
    let path: String
    let part: SweepOutput.Part
    /// sweep.csv: its header, and its rows in the order of `part.indices`.
    let header: [String]
    let rows: [[String]]
    /// design.csv as written (merged parts must hold the same bytes), and its rows without the header.
    let designTable: Data
    let designHeader: [String]
    let designRows: [[String]]

    /// The files of a part directory.
    static let partFile = "part.json", sweepFile = "sweep.csv", designFile = "design.csv"

    /// Reads and checks the part at `path`; throws `ScenarioError` naming every problem.
    init(path: String) throws {
        self.path = path
        func read(_ name: String) throws -> Data {
            guard let data = FileManager.default.contents(atPath: path + "/" + name) else {
                throw ScenarioError.missingFile(ScenarioIssue(file: path, key: "", message: "not a sweep part: \(name) is missing or unreadable"))
            }
            return data
        }
        func text(_ name: String, _ data: Data? = nil) throws -> String {
            do { return try CSVRows.text(of: try data ?? read(name), file: path + "/" + name) } catch let e as CSVRows.Unreadable {
                throw ScenarioError.invalid([ScenarioIssue(file: e.file, key: "", message: e.reason)])
            }
        }
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            part = try decoder.decode(SweepOutput.Part.self, from: try read(Self.partFile))
        } catch let e as ScenarioError { throw e } catch {
            throw ScenarioError.invalid([ScenarioIssue(file: path + "/" + Self.partFile, key: "", message: "unreadable: \(error)")])
        }
        // part.json first: the tables are checked against it, so an absurd one stops here.
        let partPath = path + "/" + Self.partFile, decoded = part
        try Self.throwIfAny(SweepPartRules.part.flatMap { $0(decoded, partPath) })
        let sweep = CSVRows.parse(try text(Self.sweepFile))
        header = sweep.first ?? []
        rows = Array(sweep.dropFirst())
        designTable = try read(Self.designFile)
        let design = CSVRows.parse(try text(Self.designFile, designTable))
        designHeader = design.first ?? []
        designRows = Array(design.dropFirst())
        try Self.throwIfAny(SweepPartRules.tables.flatMap { $0(self) })
    }

    private static func throwIfAny(_ issues: [ScenarioIssue]) throws {
        if !issues.isEmpty { throw ScenarioError.invalid(issues) }
    }
}

/// The checks of a sweep part, small rules run together: each returns the issues it finds (none
/// when the part keeps it).
enum SweepPartRules {
    /// A rule on part.json (the decoded part and the file's path).
    typealias PartRule = @Sendable (SweepOutput.Part, String) -> [ScenarioIssue]
    /// A rule on the tables, read after part.json passed.
    typealias TableRule = @Sendable (SweepPartDirectory) -> [ScenarioIssue]

    /// part.json's own rules: what `paodong sweep` can have written (the design loader's ranges).
    static let part: [PartRule] = [
        { p, file in
            SweepDesign.Method(rawValue: p.method) == nil
                ? [ScenarioIssue(file: file, key: "method", message: "'\(p.method)' is not a sweep method; allowed: \(SweepDesign.Method.allCases.map(\.rawValue).joined(separator: ", "))")] : []
        },
        { p, file in
            SweepDesignLoader.designParameters.first { $0.path == "replications" }.map { rule -> [ScenarioIssue] in
                guard case .integer(let range) = rule.kind, !range.contains(p.replications) else { return [] }
                return [ScenarioIssue(file: file, key: "replications", message: "\(p.replications) is outside \(range.lowerBound)…\(range.upperBound)")]
            } ?? []
        },
        { p, file in
            let limit = SweepDesignLoader.pointLimit
            guard p.replications > 0 else { return [] }
            if p.runs < 1 || p.runs % p.replications != 0 || p.runs / p.replications > limit {
                return [ScenarioIssue(file: file, key: "runs", message: "\(p.runs) runs is not points × \(p.replications) replications with 1 to \(limit) points")]
            }
            return []
        },
        { p, file in
            if p.factors.isEmpty { return [ScenarioIssue(file: file, key: "factors", message: "no factor; a sweep varies at least one scenario key")] }
            let twice = p.factors.enumerated().filter { p.factors.firstIndex(of: $0.element)! < $0.offset }.map(\.element)
            return twice.isEmpty ? [] : [ScenarioIssue(file: file, key: "factors", message: "'\(twice[0])' is named twice")]
        },
        { p, file in
            guard p.method == SweepDesign.Method.morris.rawValue else { return [] }
            var issues: [ScenarioIssue] = []
            if p.levels < 2 || p.levels % 2 != 0 {
                issues.append(ScenarioIssue(file: file, key: "levels", message: "a Morris design has an even number of levels, 2 or more (found \(p.levels))"))
            }
            if p.replications > 0 && !p.factors.isEmpty && (p.runs / p.replications) % (p.factors.count + 1) != 0 {
                issues.append(ScenarioIssue(file: file, key: "runs", message: "a Morris design's points come in trajectories of \(p.factors.count + 1) (factors + 1); \(p.runs / max(p.replications, 1)) points do not"))
            }
            return issues
        },
        { p, file in
            // Ascending and within the design: each run once, and one merge can count them.
            guard p.runs >= 1 else { return [] }
            for (k, i) in p.indices.enumerated() where i < 0 || i >= p.runs || (k > 0 && i <= p.indices[k - 1]) {
                return [ScenarioIssue(file: file, key: "indices", message: "run index \(i) (entry \(k + 1)) is outside 0…\(p.runs - 1) or not above the one before it")]
            }
            return p.indices.isEmpty ? [ScenarioIssue(file: file, key: "indices", message: "the part holds no run")] : []
        },
    ]

    /// sweep.csv and design.csv against part.json: the header this paodong writes, one row per run
    /// listed, each row's point, replication and seed those of its run index and its factor values
    /// those of its point in design.csv.
    static let tables: [TableRule] = [
        { d in
            let file = d.path + "/" + SweepPartDirectory.designFile
            let points = d.part.runs / max(d.part.replications, 1)
            if d.designHeader != ["point"] + d.part.factors {
                return [ScenarioIssue(file: file, line: 1, key: "", message: "header is not point, \(d.part.factors.joined(separator: ", ")) (part.json's factors)")]
            }
            if d.designRows.count != points {
                return [ScenarioIssue(file: file, key: "", message: "holds \(d.designRows.count) points; part.json's \(d.part.runs) runs of \(d.part.replications) replications make \(points)")]
            }
            for (p, row) in d.designRows.enumerated() {
                let values = row.dropFirst()
                if row.first != String(p + 1) || values.count != d.part.factors.count || values.contains(where: { !(Double($0)?.isFinite ?? false) }) {
                    return [ScenarioIssue(file: file, line: p + 2, key: "", message: "expected point \(p + 1) and \(d.part.factors.count) finite numbers")]
                }
            }
            return []
        },
        { d in
            let expected = SweepReport.header(factors: d.part.factors)
            guard d.header != expected else { return [] }
            let first = zip(d.header, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(d.header.count, expected.count)
            let found = first < d.header.count ? "'\(d.header[first])'" : "nothing"
            let wanted = first < expected.count ? "'\(expected[first])'" : "nothing"
            return [ScenarioIssue(file: d.path + "/" + SweepPartDirectory.sweepFile, line: 1, key: "",
                                  message: "header column \(first + 1) is \(found), not \(wanted): not a part of this design, or written by another paodong version")]
        },
        { d in
            d.rows.count == d.part.indices.count ? [] :
                [ScenarioIssue(file: d.path + "/" + SweepPartDirectory.sweepFile, key: "",
                               message: "holds \(d.rows.count) runs; part.json lists \(d.part.indices.count)")]
        },
        { d in
            let file = d.path + "/" + SweepPartDirectory.sweepFile
            let width = SweepReport.header(factors: d.part.factors).count
            let reps = max(d.part.replications, 1)
            var issues: [ScenarioIssue] = []
            for (k, (row, index)) in zip(d.rows, d.part.indices).enumerated() {
                let line = k + 2
                if row.count != width {
                    issues.append(ScenarioIssue(file: file, line: line, key: "", message: "row has \(row.count) fields, the header has \(width)"))
                } else {
                    let point = index / reps
                    let expected = SweepReport.runKey(index: index, replications: reps, seed: d.part.seed)
                    if Array(row.prefix(3)) != expected {
                        issues.append(ScenarioIssue(file: file, line: line, key: "", message:
                            "point, replication, seed are \(row.prefix(3).joined(separator: ", ")); run \(index + 1) of part.json is \(expected.joined(separator: ", "))"))
                    } else if point < d.designRows.count, Array(row[3..<(3 + d.part.factors.count)]) != Array(d.designRows[point].dropFirst()) {
                        issues.append(ScenarioIssue(file: file, line: line, key: "", message: "factor values differ from point \(point + 1) of design.csv"))
                    }
                }
                if issues.count >= 10 { break }
            }
            return issues
        },
    ]
}
