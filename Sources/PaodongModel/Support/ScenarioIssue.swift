/// One problem found in a scenario or data file, located as precisely as the input allows.
public struct ScenarioIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var key: String
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.key = key; self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return key.isEmpty ? "\(location): \(message)" : "\(location): key '\(key)': \(message)"
    }
}

/// Why a scenario could not be loaded; carries every problem found, not just the first.
public enum ScenarioError: Error, Sendable, CustomStringConvertible {
    /// A file that the scenario needs does not exist or cannot be read (sysexits 66).
    case missingFile(ScenarioIssue)
    /// The data are malformed or invalid (sysexits 65).
    case invalid([ScenarioIssue])

    public var exitCode: Int32 {
        switch self {
        case .missingFile: return 66
        case .invalid: return 65
        }
    }

    public var issues: [ScenarioIssue] {
        switch self {
        case .missingFile(let issue): return [issue]
        case .invalid(let issues): return issues
        }
    }

    public var description: String {
        issues.map { "error: \($0)" }.joined(separator: "\n")
    }
}
