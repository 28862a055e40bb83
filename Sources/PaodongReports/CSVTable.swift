import CSV
import Foundation

/// A CSV table built in memory and encoded with CSV.swift: UTF-8, comma-separated, RFC 4180
/// quoting (fields with commas, quotes or line breaks are quoted), one header row.
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "row has \(row.count) fields, header \(header.count)")
        rows.append(row)
    }

    /// The encoded file; with `excel`, preceded by a UTF-8 byte-order mark so that Excel reads the
    /// Chinese names as UTF-8. Every field is neutralised against formula injection.
    public func encoded(excel: Bool = false) throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header.map(Self.neutralized))
        for row in rows { try writer.write(row: row.map(Self.neutralized)) }
        writer.stream.close()
        var data = excel ? Data([0xEF, 0xBB, 0xBF]) : Data()
        data.append(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data())
        data.append(0x0A)
        return data
    }

    /// A field that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
    /// carriage return) gets a leading apostrophe, unless it is a number, which stays a number.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if Double(field) != nil { return field }
        return "'" + field
    }
}

/// Fixed-precision number formatting, the same on every machine.
public enum Format {
    public static func number(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "" }
        let s = String(format: "%.\(digits)f", x)
        // A negative value that rounds to zero prints as 0, not -0.
        return s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(s.dropFirst()) : s
    }
    public static func ratio(_ a: Int64, _ b: Int64, _ digits: Int = 6) -> String {
        b > 0 ? number(Double(a) / Double(b), digits) : ""
    }
    public static func minutes(_ msTotal: Int64, per n: Int64) -> String {
        n > 0 ? number(Double(msTotal) / 60_000 / Double(n), 3) : ""
    }
    public static func hours(_ msTotal: Int64) -> String { number(Double(msTotal) / 3_600_000, 1) }
}
