import Foundation
import PaodongModel
import PaodongEngine
import PaodongReports

/// What the page draws of a finished run: its reports as tables of the strings the CSV files hold
/// (so that the page shows exactly the files' figures), and the hotline summed by line and hour.
///
/// Made from a run directory's files (`paodong serve DIR`) or, at the end of a live run, from the
/// same `RunReport` tables that were written to them; either way the page gets the same shape.
public struct RunView: Encodable, Sendable {
    /// A table as read from a CSV file: its header and rows of strings.
    public struct Table: Encodable, Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]

        public init(header: [String], rows: [[String]]) { self.header = header; self.rows = rows }
        /// As the file holds it (fields neutralised against formula injection, as `CSVTable.encoded` writes them).
        init(_ table: CSVTable) {
            header = table.header.map(CSVTable.neutralized)
            rows = table.rows.map { $0.map(CSVTable.neutralized) }
        }

        /// The column named `name`, or nil.
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
    }

    /// Attempts by line and hour of the day, summed over the days (from hotline.csv).
    public struct HotlineHour: Encodable, Sendable, Equatable {
        public var line: String
        public var hour: Int
        public var attempts: Int64
        public var answered: Int64
        public var within: Int64
    }

    public var name: String
    /// summary.csv: one row per replication.
    public var summary: Table
    /// daily.csv (the first replication), by_district.csv, halls.csv.
    public var daily: Table?
    public var districts: Table?
    public var halls: Table?
    public var hotline: [HotlineHour]
    /// The report files the page links to (names only; served from the run's directory).
    public var files: [String]

    public init(name: String, summary: Table, daily: Table?, districts: Table?, halls: Table?, hotline: Table?, files: [String]) {
        self.name = name; self.summary = summary; self.daily = daily; self.districts = districts; self.halls = halls
        self.files = files
        self.hotline = hotline.map(Self.hotlineByHour) ?? []
    }

    /// The view of a finished run from its result, with the tables its directory holds.
    public init(name: String, results: [RunResult]) {
        let first = results[0]
        var summary = CSVTable(header: RunReport.summaryHeader)
        for (k, r) in results.enumerated() { summary.append(RunReport.summaryRow(r, replication: k + 1)) }
        self.init(name: name, summary: Table(summary), daily: Table(RunReport.daily(first)), districts: Table(RunReport.byDistrict(first)),
                  halls: Table(RunReport.halls(first)), hotline: Table(RunReport.hotline(first)), files: RunWriter.files)
    }

    /// Sums hotline.csv's rows by line and hour. O(rows).
    static func hotlineByHour(_ t: Table) -> [HotlineHour] {
        guard let line = t.column("line"), let hour = t.column("hour"), let attempts = t.column("attempts"),
              let answered = t.column("answered"), let within = t.column("answered_within_standard") else { return [] }
        var sums: [String: [HotlineHour]] = [:]
        var order: [String] = []
        for row in t.rows where row.count == t.header.count {
            guard let h = Int(row[hour]), (0..<24).contains(h) else { continue }
            if sums[row[line]] == nil {
                order.append(row[line])
                sums[row[line]] = (0..<24).map { HotlineHour(line: row[line], hour: $0, attempts: 0, answered: 0, within: 0) }
            }
            sums[row[line]]![h].attempts += Int64(row[attempts]) ?? 0
            sums[row[line]]![h].answered += Int64(row[answered]) ?? 0
            sums[row[line]]![h].within += Int64(row[within]) ?? 0
        }
        return order.flatMap { sums[$0]! }
    }
}
