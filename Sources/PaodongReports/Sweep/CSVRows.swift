import CSV
import Foundation

/// Reads back a CSV file paodong wrote (with or without the --excel byte-order mark), all rows
/// including the header, with CSV.swift.
public enum CSVRows {
    /// A table file that cannot be read as text: which file, and why.
    public struct Unreadable: Error, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "\(file): \(reason)" }
    }

    /// The text of the table at `path`: UTF-8, as paodong writes it. The one check of a table's
    /// bytes for every reader of paodong's outputs (report, merge, serve). O(bytes).
    public static func text(atPath path: String) throws(Unreadable) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw Unreadable(file: path, reason: "cannot be read") }
        return try text(of: data, file: path)
    }

    /// `data`, read from `file`, as UTF-8 text. O(bytes).
    public static func text(of data: Data, file: String) throws(Unreadable) -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw Unreadable(file: file, reason: "not valid UTF-8 text") }
        return text
    }

    public static func parse(_ text: String) -> [[String]] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return [] }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }
}
