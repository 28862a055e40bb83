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
    /// C's `%.*f`: the bytes Foundation's `String(format:)` gives (it formats doubles with the C
    /// library), for `digits` from 0 to 9. Most values are rounded exactly in integers: x × 10^d is
    /// p + e exactly (p the product, e = fma(x, 10^d, −p) its error), so the nearest integer, ties to
    /// even as the C library rounds, is p's unless p lies exactly half-way and e breaks the tie.
    /// Values too large or too small for that (|p| ≥ 2^51, |x| < 10^−290), and more digits, go
    /// through `vsnprintf`. Report writing spent most of its time in `String(format:)`; a test
    /// compares both on a million values. O(digits of x).
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        if digits >= 0 && digits <= 9 {
            let scale = powersOfTen[digits]
            let p = x * scale
            if x == 0 || (abs(x) > 1e-290 && abs(p) < 0x1p51) {
                let e = (-p).addingProduct(x, scale)  // fma(x, scale, −p): x·scale − p, exactly
                var n = p.rounded(.toNearestOrEven)
                let r = p - n
                if r == 0.5 && e > 0 { n += 1 } else if r == -0.5 && e < 0 { n -= 1 }
                return decimal(Int64(n), digits: digits, negative: x.sign == .minus)
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            let written = withVaList([Int32(digits), x]) { vsnprintf(buffer.baseAddress!, buffer.count, "%.*f", $0) }
            guard written >= 0 && Int(written) < buffer.count else { return String(format: "%.\(digits)f", x) }
            return String(cString: buffer.baseAddress!)
        }
    }

    private static let powersOfTen: [Double] = (0...9).map { pow(10, Double($0)) }

    /// `n` / 10^digits written with `digits` decimals, a minus sign if `negative` (as C prints
    /// −0.0 and negative values that round to zero). O(digits of n).
    private static func decimal(_ n: Int64, digits: Int, negative: Bool) -> String {
        var magnitude = n.magnitude
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        var written = 0
        repeat {
            if written == digits && digits > 0 { bytes.append(UInt8(ascii: ".")) }
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
            written += 1
        } while magnitude > 0 || written <= digits
        if negative { bytes.append(UInt8(ascii: "-")) }
        bytes.reverse()
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func ratio(_ a: Int64, _ b: Int64, _ digits: Int = 6) -> String {
        b > 0 ? number(Double(a) / Double(b), digits) : ""
    }
    public static func minutes(_ msTotal: Int64, per n: Int64) -> String {
        n > 0 ? number(Double(msTotal) / 60_000 / Double(n), 3) : ""
    }
    public static func hours(_ msTotal: Int64) -> String { number(Double(msTotal) / 3_600_000, 1) }
}
