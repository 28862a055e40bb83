import Foundation
import PaodongEngine
import PaodongModel

/// Writes a run directory: summary.csv with one row per replication, the detailed tables of the
/// first replication, and the manifest, all atomically.
public enum RunWriter {
    public static let files = ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "waits_by_level.csv", "daily.csv", "hotline.csv", "manifest.json"]

    /// Writes the files, under `prefix` (a subdirectory name followed by "/") when given.
    public static func write(_ results: [RunResult], to directory: RunDirectory, prefix: String = "", excel: Bool = false,
                             manifest: (RunResult) -> Manifest) throws {
        precondition(!results.isEmpty)
        var summary = CSVTable(header: RunReport.summaryHeader)
        for (k, r) in results.enumerated() { summary.append(RunReport.summaryRow(r, replication: k + 1)) }
        let first = results[0]
        try directory.write(prefix + "summary.csv", summary.encoded(excel: excel))
        try directory.write(prefix + "by_item.csv", RunReport.byItem(first).encoded(excel: excel))
        try directory.write(prefix + "by_segment.csv", RunReport.bySegment(first).encoded(excel: excel))
        try directory.write(prefix + "by_district.csv", RunReport.byDistrict(first).encoded(excel: excel))
        try directory.write(prefix + "halls.csv", RunReport.halls(first).encoded(excel: excel))
        try directory.write(prefix + "waits_by_level.csv", RunReport.waitsByLevel(first).encoded(excel: excel))
        try directory.write(prefix + "daily.csv", RunReport.daily(first).encoded(excel: excel))
        try directory.write(prefix + "hotline.csv", RunReport.hotline(first).encoded(excel: excel))
        if let screening = RunReport.screening(first) { try directory.write(prefix + "screening.csv", screening.encoded(excel: excel)) }
        try directory.write(prefix + "manifest.json", try manifest(first).encoded())
    }
}
