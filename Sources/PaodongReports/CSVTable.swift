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

    /// The encoded file.
    public func encoded() throws -> Data {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        data.append(0x0A)
        return data
    }
}

/// Fixed-precision number formatting, the same on every machine.
public enum Format {
    public static func number(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "" }
        let s = String(format: "%.\(digits)f", x)
        return s == "-0." + String(repeating: "0", count: digits) ? String(s.dropFirst()) : s
    }
    public static func ratio(_ a: Int64, _ b: Int64, _ digits: Int = 6) -> String {
        b > 0 ? number(Double(a) / Double(b), digits) : ""
    }
    public static func minutes(_ msTotal: Int64, per n: Int64) -> String {
        n > 0 ? number(Double(msTotal) / 60_000 / Double(n), 3) : ""
    }
    public static func hours(_ msTotal: Int64) -> String { number(Double(msTotal) / 3_600_000, 1) }
}
