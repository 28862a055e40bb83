import PaodongModel

/// Collects every problem found while reading a scenario, so that one run reports them all.
final class IssueLog {
    private(set) var issues: [ScenarioIssue] = []

    func add(_ node: SourceNode, _ key: String, _ message: String) {
        // Line 0: a node with no place in a file (a command-line override).
        issues.append(ScenarioIssue(file: node.file, line: node.line > 0 ? node.line : nil, column: node.line > 0 ? node.column : nil,
                                    key: key, message: message))
    }

    func add(_ issue: ScenarioIssue) { issues.append(issue) }

    /// Throws every collected issue at once, if there is any.
    func throwIfAny() throws {
        if !issues.isEmpty { throw ScenarioError.invalid(issues) }
    }
}
