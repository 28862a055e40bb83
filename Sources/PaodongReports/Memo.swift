import CSV
import Foundation

/// The plain-text summary a reviewer can paste into a memo (`paodong report`), built from the CSV
/// files of a run or comparison directory.
public enum Memo {
    public enum Failure: Error, CustomStringConvertible {
        /// Neither summary.csv nor comparison.csv is there (sysexits 66).
        case notARunDirectory(String)
        /// The file is there but not as paodong writes it (sysexits 65): where, and what is wrong.
        case malformed(file: String, line: Int?, message: String)

        public var description: String {
            switch self {
            case .notARunDirectory(let dir):
                return "\(dir): not a paodong run or comparison directory (no summary.csv or comparison.csv)"
            case .malformed(let file, let line, let message):
                return "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
            }
        }
    }

    public static func make(directory dir: String) throws -> String {
        let fm = FileManager.default
        if fm.fileExists(atPath: dir + "/comparison.csv") { return try comparison(dir) }
        guard fm.fileExists(atPath: dir + "/summary.csv") else { throw Failure.notARunDirectory(dir) }
        return try run(dir)
    }

    /// The metrics the memo shows: those declared for it, in summary order, labels capitalised.
    static let lines: [(String, String, Int)] = Metric.summary.filter { $0.views.contains(.memo) }.map {
        ($0.label.prefix(1).uppercased() + $0.label.dropFirst(), $0.name, $0.displayDigits)
    }

    /// Rows of a CSV file written by paodong (with or without the --excel byte-order mark), strictly:
    /// a row of another width than the header, or a field in `numeric` columns that is neither
    /// empty (an undefined metric) nor a number, is an error naming its line, never skipped.
    static func rows(_ path: String, numeric: Set<String> = []) throws -> [[String: String]] {
        var text: String
        do { text = try CSVRows.text(atPath: path) } catch { throw Failure.malformed(file: path, line: nil, message: error.reason) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: true), let header = reader.headerRow, !header.isEmpty else {
            throw Failure.malformed(file: path, line: 1, message: "no CSV header row")
        }
        var rows: [[String: String]] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            guard fields.count == header.count else {
                throw Failure.malformed(file: path, line: line, message: "row has \(fields.count) fields, the header has \(header.count)")
            }
            let row = Dictionary(zip(header, fields), uniquingKeysWith: { a, _ in a })
            for column in header where numeric.contains(column) {
                let v = row[column] ?? ""
                if !v.isEmpty && Double(v) == nil {
                    throw Failure.malformed(file: path, line: line, message: "column \(column) holds '\(v.prefix(40))', not a number")
                }
            }
            rows.append(row)
        }
        if reader.error != nil { throw Failure.malformed(file: path, line: line + 1, message: "malformed CSV (unbalanced quotes)") }
        return rows
    }

    /// The numeric columns the memo reads.
    static let numericColumns = Set(lines.map(\.1))

    static func run(_ dir: String) throws -> String {
        let reps = try rows(dir + "/summary.csv", numeric: numericColumns)
        guard let first = reps.first else { throw Failure.malformed(file: dir + "/summary.csv", line: nil, message: "holds no run") }
        func mean(_ key: String) -> Double {
            let xs = reps.compactMap { Double($0[key] ?? "") }
            return xs.isEmpty ? .nan : xs.reduce(0, +) / Double(xs.count)
        }
        var out = "# paodong: \(first["scenario"] ?? "")\n\n"
        out += "\(first["residents"] ?? "?") residents and \(first["businesses"] ?? "?") businesses, \(reps.count) replication(s), seed \(first["seed"] ?? "?").\n\n"
        out += "| measure | value |\n|---|---|\n"
        // A metric undefined in this run (the screening's, without a campaign) is left out.
        for (label, key, digits) in lines where mean(key).isFinite { out += "| \(label) | \(Format.number(mean(key), digits)) |\n" }
        return out
    }

    static func comparison(_ dir: String) throws -> String {
        let rows = try rows(dir + "/comparison.csv", numeric: ["baseline", "scenario", "delta", "ci_low", "ci_high"])
        guard let first = rows.first else { throw Failure.malformed(file: dir + "/comparison.csv", line: nil, message: "holds no comparison") }
        let base = first["baseline_name"] ?? "baseline"
        var scenarios: [String] = []
        for r in rows { if let s = r["scenario_name"], !scenarios.contains(s) { scenarios.append(s) } }
        var out = "# paodong: \(scenarios.joined(separator: ", ")) against \(base)\n\n"
        out += "Each cell: the scenario's mean, then its paired difference from \(base) with the 95 % confidence interval, over \(first["replications"] ?? "?") replications with common random numbers.\n\n"
        out += "| measure | \(base) | " + scenarios.joined(separator: " | ") + " |\n|---|---|" + scenarios.map { _ in "---|" }.joined() + "\n"
        for (label, key, digits) in lines {
            let forKey = rows.filter { $0["metric"] == key }
            guard let b = forKey.first.flatMap({ Double($0["baseline"] ?? "") }) else { continue }
            var line = "| \(label) | \(Format.number(b, digits)) |"
            for s in scenarios {
                guard let r = forKey.first(where: { $0["scenario_name"] == s }), let v = Double(r["scenario"] ?? ""),
                      let d = Double(r["delta"] ?? "") else { line += " |"; continue }
                var cell = " \(Format.number(v, digits)) (\(d >= 0 ? "+" : "")\(Format.number(d, digits))"
                if let lo = Double(r["ci_low"] ?? ""), let hi = Double(r["ci_high"] ?? "") {
                    cell += ", \(Format.number(lo, digits)) to \(Format.number(hi, digits))"
                }
                line += cell + ") |"
            }
            out += line + "\n"
        }
        return out
    }
}
