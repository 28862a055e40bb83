import Foundation
import PaodongModel
import Yams

/// Reads a scenario file (following `extends:`), its CSV data tables, validates everything at once
/// and returns a frozen `Scenario`. This is the only place that knows about file formats.
public enum ScenarioLoader {
    /// Most bytes a scenario file may have.
    public static let byteLimit = 1 << 20
    /// Deepest `extends:` chain accepted.
    public static let extendsLimit = 16

    public static func load(path: String) throws -> Scenario {
        let (root, files) = try readMerged(path: path, chain: [])
        let log = IssueLog()
        let scenario = try ScenarioDecoder(root: root, log: log).decode(sourceFiles: files)
        try log.throwIfAny()
        guard let scenario else { throw ScenarioError.invalid(log.issues) }
        return scenario
    }

    /// Reads one file and the chain of parents it extends, merged child over parent.
    static func readMerged(path: String, chain: [String]) throws -> (SourceNode, [String]) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let canonical = url.resolvingSymlinksInPath().path
        if chain.contains(canonical) {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "extends",
                message: "extends cycle: \((chain + [canonical]).joined(separator: " → "))")])
        }
        if chain.count >= extendsLimit {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "extends", message: "extends chain deeper than \(extendsLimit)")])
        }
        let node = try readDocument(path: path)
        guard case .mapping(let pairs) = node.value else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, line: node.line, column: node.column, key: "",
                                                       message: "a scenario must be a YAML mapping, found \(node.kindName)")])
        }
        guard let parentEntry = pairs.first(where: { $0.key == "extends" }) else { return (node, [path]) }
        guard case .scalar(let parentName, _) = parentEntry.value.value else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, line: parentEntry.value.line, column: parentEntry.value.column,
                                                       key: "extends", message: "expected a file name, found \(parentEntry.value.kindName)")])
        }
        // A relative parent is relative to the file that names it.
        let parentPath = parentName.hasPrefix("/") ? parentName : url.deletingLastPathComponent().appendingPathComponent(parentName).path
        if !FileManager.default.fileExists(atPath: parentPath) {
            throw ScenarioError.missingFile(ScenarioIssue(file: path, line: parentEntry.value.line, column: parentEntry.value.column,
                                                          key: "extends", message: "parent scenario '\(parentPath)' not found"))
        }
        let (parent, files) = try readMerged(path: parentPath, chain: chain + [canonical])
        let own = SourceNode(value: .mapping(pairs.filter { $0.key != "extends" }), file: node.file, line: node.line, column: node.column)
        return (parent.merged(with: own), files + [path])
    }

    /// Reads and composes one YAML file into a located tree.
    static func readDocument(path: String) throws -> SourceNode {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw ScenarioError.missingFile(ScenarioIssue(file: path, key: "", message: "scenario file not found"))
        }
        if isDir.boolValue {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "is a directory, expected a YAML scenario file")])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioError.missingFile(ScenarioIssue(file: path, key: "", message: "scenario file cannot be read"))
        }
        defer { try? handle.close() }
        let data = handle.readData(ofLength: byteLimit + 1)
        guard data.count <= byteLimit else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "file is larger than \(byteLimit) bytes; a scenario file is a few kilobytes")])
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            throw ScenarioError.invalid([ScenarioIssue(file: path, line: 1, column: 1, key: "", message: "file is UTF-16; save it as UTF-8")])
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "not valid UTF-8 text")])
        }
        if text.contains("\u{0}") {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "binary data (NUL bytes) in a YAML file")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioError.invalid([yamlIssue(error, file: path)])
        } catch {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "malformed YAML: \(error)")])
        }
        guard let composed else {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "", message: "the file is empty")])
        }
        var budget = SourceNode.nodeLimit
        return try SourceNode.from(composed, file: path, budget: &budget)
    }

    static func yamlIssue(_ error: YamlError, file: String) -> ScenarioIssue {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { "\($0.text) " } ?? ""
            return ScenarioIssue(file: file, line: mark.line, column: mark.column, key: "", message: "malformed YAML: \(ctx)\(problem)")
        case .reader(let problem, let offset, _, _):
            return ScenarioIssue(file: file, key: "", message: "malformed YAML: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioIssue(file: file, line: context.mark.line, column: context.mark.column,
                                 key: duplicates.joined(separator: ", "), message: "duplicate key")
        default:
            return ScenarioIssue(file: file, key: "", message: "malformed YAML: \(error)")
        }
    }
}
