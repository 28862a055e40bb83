import Foundation

/// A CSV table built in memory and encoded as UTF-8, comma-separated, RFC 4180 quoting (fields
/// with commas, quotes or line breaks are quoted, quotes doubled), one header row, LF line ends.
///
/// Encoded here rather than with CSV.swift's writer, which writes one byte at a time to an
/// `OutputStream` and bridges every field to `NSString` to decide on quoting: 0.7 s of a 10 s
/// full-scale run (perf). The bytes are the same; `ReportTests` checks them against CSV.swift's
/// writer on hostile fields, and every reader of our files uses CSV.swift.
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
    public func encoded(excel: Bool = false) -> Data {
        var bytes: [UInt8] = excel ? [0xEF, 0xBB, 0xBF] : []
        bytes.reserveCapacity(64 * (rows.count + 1) * max(1, header.count) / 4)
        Self.append(header, to: &bytes)
        for row in rows { Self.append(row, to: &bytes) }
        return Data(bytes)
    }

    /// Appends one record and its line end. O(bytes of the record).
    static func append(_ record: [String], to bytes: inout [UInt8]) {
        for (k, field) in record.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = neutralized(field).utf8
            if utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 0x0A || $0 == 0x0D }) {
                bytes.append(UInt8(ascii: "\""))
                for b in utf8 {
                    bytes.append(b)
                    if b == UInt8(ascii: "\"") { bytes.append(b) }
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(0x0A)
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
    /// `x` with `digits` decimals (C's `%.*f`), "" if not finite, never "-0". O(digits of x).
    public static func number(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "" }
        let s = fixed(x, digits)
        // A negative value that rounds to zero prints as 0, not -0.
        return s.hasPrefix("-") && s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(s.dropFirst()) : s
    }
    /// C's `%.*f` through the C library's `vsnprintf`: the bytes Foundation's `String(format:)`
    /// gives for `%f` (it formats doubles with the C library), without its format parsing and
    /// string bridging, which made report writing 6 % of a 10 % city's CPU (a test compares the
    /// two on a million values).
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let written = withVaList([Int32(digits), x]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.*f", $0) }
            guard written >= 0 && Int(written) < buffer.count else { return String(format: "%.\(digits)f", x) }
            return String(cString: buffer.baseAddress!)
        }
    }

    public static func ratio(_ a: Int64, _ b: Int64, _ digits: Int = 6) -> String {
        b > 0 ? number(Double(a) / Double(b), digits) : ""
    }
    public static func minutes(_ msTotal: Int64, per n: Int64) -> String {
        n > 0 ? number(Double(msTotal) / 60_000 / Double(n), 3) : ""
    }
    public static func hours(_ msTotal: Int64) -> String { number(Double(msTotal) / 3_600_000, 1) }
}
