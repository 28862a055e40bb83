import Foundation
import PaodongTestSupport
import Testing

/// Notebooks a reviewer opens: generated, validated and executed with Python (nbformat, nbclient).
@Suite struct NotebookTests {
    /// The exported notebooks are valid and executed, and a fresh one executes without a cell error
    /// (Python with nbformat, nbclient, ipykernel, pandas, matplotlib and scipy; .ci/run installs them).
    @Test func notebooksValidateAndExecute() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/notebooks/check.py").path, CLI.executable.path]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-nb-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "notebook checks failed (pip install nbformat nbclient ipykernel pandas matplotlib scipy):\n\(output.suffix(2000))")
    }
}
