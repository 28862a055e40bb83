import CSV
import Foundation
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
}
