import CSV
import Foundation

/// Reads back a CSV file paodong wrote (with or without the --excel byte-order mark), all rows
/// including the header, with CSV.swift.
public enum CSVRows {
    public static func parse(_ text: String) -> [[String]] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return [] }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }
}
