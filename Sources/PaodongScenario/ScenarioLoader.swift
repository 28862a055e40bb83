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

    /// Loads the scenario at `path` with `overrides` (`key.path=value`, as given to `--set`)
    /// merged over it, last one winning, exactly as a child file's keys merge over its parent's;
    /// errors in an override name it.
    /// `registry` lists the reforms the file may hold (the shipped ones unless a caller adds its own).
    public static func load(path: String, overrides: [String] = [], registry: ReformRegistry = .standard) throws -> Scenario {
        var (root, files) = try readMerged(path: path, chain: [])
        for text in overrides { root = root.merged(with: try overrideNode(text)) }
        // Decode every key, check the cross-field rules, generate the catalog, check the reforms
        // against it: each step reports all it finds, and the next runs only on a clean log.
        let log = IssueLog()
        let decoded = try ScenarioDecoder(root: root, log: log, registry: registry).decode()
        try log.throwIfAny()
        guard let (parameters, tables) = decoded else { throw ScenarioError.invalid(log.issues) }
        let validator = ScenarioValidator(root: root, log: log, schema: .scenario(registry))
        validator.validate(parameters, tables: tables)
        try log.throwIfAny()
        let catalog = CatalogGenerator(parameters: parameters.catalog, seedItems: tables.seedItems,
                                       namedCertificates: tables.certificates, departments: tables.departments,
                                       lifeEvents: tables.lifeEvents,
                                       needsPerAgentYear: [parameters.demand.needsPerResidentYear, parameters.demand.needsPerBusinessYear]).generate()
        validator.validate(parameters.reforms, against: catalog)
        validator.validateForeignPermits(parameters, against: catalog)
        try log.throwIfAny()
        var scenario = Scenario(parameters: parameters, districts: tables.districts, catalog: catalog, sourceFiles: files)
        scenario.overrides = overrides
        return scenario
    }

    /// The tree of one override `a.b.c=value`: nested mappings down to the value, parsed as YAML
    /// (a number, a word, `[a, b]`, `{k: v}`), every node located in the override's text.
    static func overrideNode(_ text: String) throws -> SourceNode {
        let label = "--set \(text)"
        func issue(_ message: String) -> ScenarioError {
            .invalid([ScenarioIssue(file: label, key: "", message: message)])
        }
        guard let eq = text.firstIndex(of: "=") else { throw issue("expected key.path=value") }
        let keyText = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: eq)...])
        let parts = keyText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !keyText.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw issue("'\(keyText)' is not a key path; expected names joined by dots, e.g. reforms.e_certificates.types")
        }
        if parts[0] == "extends" { throw issue("--set cannot change extends; name the parent in a scenario file") }
        guard valueText.utf8.count <= 4096 else { throw issue("the value is longer than 4096 bytes") }
        var value: SourceNode
        do {
            try YAMLShape.check(valueText, file: label)
        } catch ScenarioError.invalid(let issues) {
            throw issue("the value is not valid YAML: \(issues.first?.message ?? "")")
        }
        do {
            guard let composed = try Yams.compose(yaml: valueText) else {
                throw issue("no value after '='; write key.path=value")
            }
            var budget = 10_000
            value = try SourceNode.from(composed, file: label, budget: &budget)
        } catch let error as YamlError {
            throw issue("the value is not valid YAML: \(yamlIssue(error, file: label).message)")
        }
        // Override nodes carry no line: the label says where they came from.
        value = value.relocated(file: label)
        let here = SourceNode(value: .null, file: label, line: 0, column: 0)
        for key in parts.reversed() {
            var keyNode = here
            keyNode.value = .scalar(key, plain: true)
            value = SourceNode(value: .mapping([(key, keyNode, value)]), file: label, line: 0, column: 0)
        }
        return value
    }

    /// The parameter reference with the values of the scenario at `path` (which must be valid) and
    /// where each was set (`paodong validate --explain SCENARIO`).
    public static func explain(path: String, registry: ReformRegistry = .standard) throws -> String {
        _ = try load(path: path, registry: registry)
        let (root, _) = try readMerged(path: path, chain: [])
        return Parameter.reference(scenario: (root, path), registry: registry)
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
        try YAMLShape.check(text, file: path)
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
