import Foundation
import PaodongTestSupport
import Testing

/// The corpus of hostile and broken scenario files in Tests/Corpus: each file gets its sysexits
/// code and a message naming what is wrong, quickly, without a crash, within a memory limit, and
/// leaves no run directory behind.
@Suite(.serialized) struct CorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var exit: Int32
        var mentions: [String]
        var description: String { file }
    }

    static let directory = CLI.packageRoot.appendingPathComponent("Tests/Corpus")

    /// cases.csv: file, expected exit code, and the fragments the message must contain (";"-separated).
    static let cases: [Case] = {
        guard let text = try? String(contentsOf: directory.appendingPathComponent("cases.csv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let parts = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3, let code = Int32(parts[1]) else { return nil }
            let mentions = parts[2].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).split(separator: ";").map(String.init)
            return Case(file: parts[0], exit: code, mentions: mentions)
        }
    }()

    @Test func theCorpusIsLargeAndComplete() throws {
        #expect(Self.cases.count >= 40)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.cases.map(\.file)), "every corpus file has a line in cases.csv and back")
    }

    @Test(arguments: cases) func rejected(_ c: Case) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("out")
        // A hostile file must not make the loader swell (2 GB of address space) or hang (the
        // guard kills it after 120 s, a hundred times what loading any scenario takes).
        let r = try CLI.run(["run", Self.directory.appendingPathComponent(c.file).path, "--out", out, "--quiet"],
                            memoryLimitKB: 2_000_000, hangGuardSeconds: 120)
        #expect(r.status == c.exit, "exit \(r.status), stderr: \(r.stderr.prefix(500))")
        for m in c.mentions { #expect(r.stderr.contains(m), "message lacks '\(m)': \(r.stderr.prefix(500))") }
        #expect(r.stderr.hasPrefix("error: "), "one clear error line first: \(r.stderr.prefix(200))")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A 100 MB scenario file is refused from its size, without reading it into memory.
    @Test func aHundredMegabyteFile() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = tmp.path("huge.yaml")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let line = Data(("# " + String(repeating: "x", count: 1021) + "\n").utf8)
        var chunk = Data()
        for _ in 0..<1024 { chunk.append(line) }
        for _ in 0..<100 { handle.write(chunk) }
        try handle.close()
        let r = try CLI.run(["validate", path], memoryLimitKB: 2_000_000, hangGuardSeconds: 120)
        #expect(r.status == 65)
        // "larger than" is the size check's message: the file was refused before it was parsed.
        #expect(r.stderr.contains("huge.yaml") && r.stderr.contains("larger than"))
    }
}
