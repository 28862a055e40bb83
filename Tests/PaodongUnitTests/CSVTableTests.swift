import CSV
import Foundation
import PaodongModel
import PaodongReports
import PaodongTestSupport
import Testing

/// CSV cells reviewers can open safely, written as CSV.swift writes them.
@Suite struct CSVTableTests {
    /// Formula injection: a text cell starting with =, +, -, @, tab or CR gets an apostrophe; numbers stay numbers.
    @Test func cellsAreNeutralisedAgainstFormulas() throws {
        var t = CSVTable(header: ["a", "b", "c", "d", "e", "f"])
        t.append(["=HYPERLINK(\"x\")", "-3.5", "@SUM(A1)", "+1e3", "-cmd", "居住证申领, 1"])
        let text = String(decoding: t.encoded(), as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
        #expect(text.contains(",-3.5,"))
        #expect(text.contains("'@SUM"))
        #expect(text.contains(",+1e3,"))
        #expect(text.contains("'-cmd"))
        #expect(text.contains("\"居住证申领, 1\""), "RFC 4180 quoting of a field with a comma")
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(Format.number(-0.0001, 0) == "0" && Format.number(-0.0, 3) == "0.000" && Format.number(-0.6, 0) == "-1")
        let excel = t.encoded(excel: true)
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    /// Our encoder writes exactly what CSV.swift's writer writes (the library we read with), on
    /// fields that need quoting, doubled quotes, line breaks of every kind and non-ASCII text;
    /// and CSV.swift reads every field back unchanged.
    @Test func encodingMatchesCSVSwiftByteForByte() throws {
        let header = ["名称", "say \"hi\"", "a,b"]
        let rows = [["line\nbreak", "cr\rhere", "crlf\r\nboth"], ["", "\"", "🇨🇳 深圳, 福田"],
                    ["plain", "=1+1", "\"quoted, twice\" \"\""]]
        var table = CSVTable(header: header)
        rows.forEach { table.append($0) }

        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header.map(CSVTable.neutralized))
        for row in rows { try writer.write(row: row.map(CSVTable.neutralized)) }
        writer.stream.close()
        let reference = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()) + [0x0A]
        #expect(table.encoded() == reference)

        let reader = try CSVReader(string: String(decoding: table.encoded(), as: UTF8.self), hasHeaderRow: true)
        #expect(reader.headerRow == header)
        var read: [[String]] = []
        while let row = reader.next() { read.append(row) }
        #expect(read == rows.map { $0.map(CSVTable.neutralized) })
    }

    /// The reports' numbers are formatted by the C library's `%.*f` directly; they must be the
    /// bytes Foundation's `String(format:)` gives, on values of every magnitude and sign, ties at
    /// the last decimal, and values that round to zero (which print as 0, never -0).
    @Test func numbersAreFoundationsFixedFormat() {
        var bits = SplitMix64(state: 20201219)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.00005, -0.00004, 1e-300, 1e300, -1e300,
                                .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 123456.78905]
        for _ in 0..<1_000_000 {
            let u = Double(bits.next() >> 11) * 0x1p-53
            let scale = pow(10, Double(Int(bits.next() % 24)) - 8)
            let x = (u - 0.5) * scale
            // Also values on a tie at some decimal: k / 2^m.
            values.append(bits.next() % 4 == 0 ? (Double(Int(bits.next() % 20_000)) - 10_000) / 16 : x)
        }
        var mismatches = 0, first = ""
        for (k, x) in values.enumerated() {
            let digits = k % 7
            let expected = String(format: "%.\(digits)f", x)
            if Format.fixed(x, digits) != expected {
                mismatches += 1
                if first.isEmpty { first = "\(x) at \(digits): \(Format.fixed(x, digits)) vs \(expected)" }
            }
        }
        // Products that round to an exact half in binary while the true value lies to one side
        // of it (found by exact rational arithmetic): the tie the fast path must not break by
        // parity, at each of the digits it was found for.
        let halfwayProducts: [(Double, Int)] = [(954965.65, 1), (105875.65, 1), (427934.85, 1), (831202.15, 1), (754120.85, 1), (792296.05, 1), (63688.865, 2), (15747.025, 2), (81848.765, 2), (4755.915, 2), (65399.065, 2), (72606.265, 2), (35.3335, 3), (7472.3575, 3), (4468.2855, 3), (3837.9935, 3), (9917.9085, 3), (1715.0875, 3), (532.55855, 4), (51.32145, 4), (908.33945, 4), (15.44335, 4), (48.72235, 4), (885.21525, 4), (3.7193685, 6), (7.3465345, 6), (8.3183495, 6), (9.2754445, 6), (3.9105085, 6), (5.7998905, 6)]
        for (x, digits) in halfwayProducts + halfwayProducts.map({ (-$0.0, $0.1) }) {
            let expected = String(format: "%.\(digits)f", x)
            if Format.fixed(x, digits) != expected {
                mismatches += 1
                if first.isEmpty { first = "\(x) at \(digits): \(Format.fixed(x, digits)) vs \(expected)" }
            }
        }
        #expect(mismatches == 0, "first: \(first)")
        #expect(Format.number(-0.00004, 4) == "0.0000" && Format.number(-0.5, 0) == "0" && Format.number(.nan) == "")
    }
}
