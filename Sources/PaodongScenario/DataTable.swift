import CSV
import Foundation
import PaodongModel

/// A CSV data table read with a real CSV parser; rows keep their line numbers for errors.
struct DataTable {
    struct Row {
        let line: Int
        let fields: [String: String]
    }

    let file: String
    let rows: [Row]
    let log: IssueLog

    /// Most bytes a data table may have; the city's tables are a few hundred kilobytes.
    static let byteLimit = 32 << 20

    /// Reads `path`, requiring exactly the given columns (in any order).
    init(path: String, columns: [String], log: IssueLog) throws {
        file = path
        self.log = log
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ScenarioError.missingFile(ScenarioIssue(file: path, key: "", message: "data file not found"))
        }
        if isDir.boolValue {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "is a directory, expected a CSV file")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError.missingFile(ScenarioIssue(file: path, key: "", message: "data file cannot be read"))
        }
        guard data.count <= Self.byteLimit else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "file is \(data.count) bytes; data tables may have at most \(Self.byteLimit)")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "not valid UTF-8 text")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ScenarioError.invalid([ScenarioIssue(file: path, line: 1, key: "", message: "cannot read the CSV header row")])
        }
        let header = reader.headerRow ?? []
        var problems: [ScenarioIssue] = []
        for c in columns where !header.contains(c) {
            problems.append(ScenarioIssue(file: path, line: 1, key: c, message: "missing column; expected columns: \(columns.joined(separator: ", "))"))
        }
        for c in header where !columns.contains(c) {
            problems.append(ScenarioIssue(file: path, line: 1, key: c, message: "unknown column; expected columns: \(columns.joined(separator: ", "))"))
        }
        if !problems.isEmpty { throw ScenarioError.invalid(problems) }
        var rows: [Row] = []
        var line = 1
        while let fields = reader.next() {
            line += 1
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if fields.count != header.count {
                log.add(ScenarioIssue(file: path, line: line, key: "", message: "row has \(fields.count) fields, the header has \(header.count)"))
                continue
            }
            rows.append(Row(line: line, fields: Dictionary(uniqueKeysWithValues: zip(header, fields))))
        }
        if reader.error != nil {
            throw ScenarioError.invalid([ScenarioIssue(file: path, line: line + 1, key: "", message: "malformed CSV (unbalanced quotes or bad encoding)")])
        }
        self.rows = rows
    }

    func string(_ row: Row, _ column: String) -> String {
        let s = row.fields[column] ?? ""
        if s.isEmpty { log.add(ScenarioIssue(file: file, line: row.line, key: column, message: "empty value")) }
        return s
    }

    func double(_ row: Row, _ column: String, in range: ClosedRange<Double>) -> Double {
        let s = row.fields[column] ?? ""
        guard let v = Double(s.trimmingCharacters(in: .whitespaces)), v.isFinite, range.contains(v) else {
            log.add(ScenarioIssue(file: file, line: row.line, key: column,
                                  message: "found '\(s)'; allowed: \(ValueReader.describe(range))"))
            return range.lowerBound
        }
        return v
    }

    func int(_ row: Row, _ column: String, in range: ClosedRange<Int>) -> Int {
        let s = row.fields[column] ?? ""
        guard let v = Int(s.trimmingCharacters(in: .whitespaces)), range.contains(v) else {
            log.add(ScenarioIssue(file: file, line: row.line, key: column,
                                  message: "found '\(s)'; allowed: an integer in \(range.lowerBound)…\(range.upperBound)"))
            return range.lowerBound
        }
        return v
    }

    func bool(_ row: Row, _ column: String) -> Bool {
        let s = row.fields[column] ?? ""
        switch s.trimmingCharacters(in: .whitespaces) {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default:
            log.add(ScenarioIssue(file: file, line: row.line, key: column, message: "found '\(s)'; allowed: true, false, 1, 0, yes, no"))
            return false
        }
    }

    /// A semicolon-separated list of ids; empty cell means none.
    func list(_ row: Row, _ column: String) -> [String] {
        (row.fields[column] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func issue(_ row: Row, _ column: String, _ message: String) {
        log.add(ScenarioIssue(file: file, line: row.line, key: column, message: message))
    }
}
