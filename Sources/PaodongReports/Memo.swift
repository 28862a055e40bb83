import CSV
import Foundation

/// The plain-text summary a reviewer can paste into a memo (`paodong report`), built from the CSV
/// files of a run or comparison directory.
public enum Memo {
    public enum Failure: Error { case notARunDirectory(String) }

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

    /// Rows of a CSV file written by paodong (with or without the --excel byte-order mark).
    static func rows(_ path: String) throws -> [[String: String]] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader = try CSVReader(string: text, hasHeaderRow: true)
        let header = reader.headerRow ?? []
        var rows: [[String: String]] = []
        while let fields = reader.next() {
            guard fields.count == header.count else { continue }
            rows.append(Dictionary(zip(header, fields), uniquingKeysWith: { a, _ in a }))
        }
        return rows
    }

    static func run(_ dir: String) throws -> String {
        let reps = try rows(dir + "/summary.csv")
        guard let first = reps.first else { throw Failure.notARunDirectory(dir) }
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
        let rows = try rows(dir + "/comparison.csv")
        guard let first = rows.first else { throw Failure.notARunDirectory(dir) }
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
