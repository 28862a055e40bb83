import Foundation
import PaodongEngine
import PaodongModel

/// Writes a run directory: summary.csv with one row per replication, the detailed tables of the
/// first replication, and the manifest, all atomically.
public enum RunWriter {
    public static let files = ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "window_groups.csv", "waits_by_level.csv", "daily.csv", "hotline.csv", "manifest.json"]

    /// Writes the files, under `prefix` (a subdirectory name followed by "/") when given. The
    /// tables are encoded on up to `threads` threads (each is a pure function of the results),
    /// then written one by one in a fixed order: the bytes never depend on `threads`.
    public static func write(_ results: [RunResult], to directory: RunDirectory, prefix: String = "", excel: Bool = false,
                             threads: Int = 1, manifest: (RunResult) -> Manifest) throws {
        precondition(!results.isEmpty)
        let first = results[0]
        var tables: [(name: String, encode: @Sendable () -> Data)] = [
            ("summary.csv", {
                var summary = CSVTable(header: RunReport.summaryHeader)
                for (k, r) in results.enumerated() { summary.append(RunReport.summaryRow(r, replication: k + 1)) }
                return summary.encoded(excel: excel)
            }),
            ("by_item.csv", { RunReport.byItem(first).encoded(excel: excel) }),
            ("by_segment.csv", { RunReport.bySegment(first).encoded(excel: excel) }),
            ("by_district.csv", { RunReport.byDistrict(first).encoded(excel: excel) }),
            ("halls.csv", { RunReport.halls(first).encoded(excel: excel) }),
            ("window_groups.csv", { RunReport.windowGroups(first).encoded(excel: excel) }),
            ("waits_by_level.csv", { RunReport.waitsByLevel(first).encoded(excel: excel) }),
            ("daily.csv", { RunReport.daily(first).encoded(excel: excel) }),
            ("hotline.csv", { RunReport.hotline(first).encoded(excel: excel) }),
        ]
        if let screening = RunReport.screening(first) { tables.append(("screening.csv", { screening.encoded(excel: excel) })) }
        var encoded = [Data](repeating: Data(), count: tables.count)
        encoded.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            let encoders = tables.map(\.encode)
            if threads <= 1 {
                for i in encoders.indices { out[i] = encoders[i]() }
            } else {
                DispatchQueue.concurrentPerform(iterations: encoders.count) { i in out[i] = encoders[i]() }
            }
        }
        for (i, table) in tables.enumerated() { try directory.write(prefix + table.name, encoded[i]) }
        try directory.write(prefix + "manifest.json", try manifest(first).encoded())
    }
}
