import Foundation
import PaodongModel
import Yams

/// A YAML node that remembers the file, line and column it came from, so that every error can
/// name them even after `extends:` has merged several files.
public struct SourceNode: Sendable {
    public enum Value: Sendable {
        case scalar(String, plain: Bool)
        case mapping([(key: String, keyNode: SourceNode, value: SourceNode)])
        case sequence([SourceNode])
        case null
    }

    public var value: Value
    public var file: String
    public var line: Int
    public var column: Int

    /// Most nodes a scenario file may expand to; guards against alias bombs ("billion laughs").
    public static let nodeLimit = 200_000

    /// Converts a composed Yams tree, expanding aliases but refusing to expand beyond `nodeLimit`.
    static func from(_ node: Node, file: String, budget: inout Int) throws -> SourceNode {
        budget -= 1
        if budget < 0 {
            throw ScenarioError.invalid([ScenarioIssue(
                file: file, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, key: "",
                message: "the document expands to more than \(nodeLimit) nodes (an alias bomb?); scenario files are small")])
        }
        let line = node.mark?.line ?? 0, column = node.mark?.column ?? 0
        switch node {
        case .scalar(let s):
            if s.style == .plain && (s.string.isEmpty || s.string == "~" || s.string == "null" || s.string == "Null" || s.string == "NULL") {
                return SourceNode(value: .null, file: file, line: line, column: column)
            }
            return SourceNode(value: .scalar(s.string, plain: s.style == .plain), file: file, line: line, column: column)
        case .mapping(let m):
            var pairs: [(key: String, keyNode: SourceNode, value: SourceNode)] = []
            var seen = Set<String>()
            for (k, v) in m {
                let keyNode = try from(k, file: file, budget: &budget)
                guard case .scalar(let ks, _) = keyNode.value else {
                    throw ScenarioError.invalid([ScenarioIssue(file: file, line: keyNode.line, column: keyNode.column,
                                                               key: "", message: "mapping keys must be plain strings")])
                }
                if !seen.insert(ks).inserted {
                    throw ScenarioError.invalid([ScenarioIssue(file: file, line: keyNode.line, column: keyNode.column,
                                                               key: ks, message: "duplicate key")])
                }
                pairs.append((ks, keyNode, try from(v, file: file, budget: &budget)))
            }
            return SourceNode(value: .mapping(pairs), file: file, line: line, column: column)
        case .sequence(let seq):
            var items: [SourceNode] = []
            for n in seq { items.append(try from(n, file: file, budget: &budget)) }
            return SourceNode(value: .sequence(items), file: file, line: line, column: column)
        case .alias:
            throw ScenarioError.invalid([ScenarioIssue(file: file, line: line, column: column, key: "",
                                                       message: "unresolved YAML alias")])
        }
    }

    /// The same tree with every node in `file` at no particular line (command-line overrides).
    func relocated(file: String) -> SourceNode {
        var copy = self
        copy.file = file; copy.line = 0; copy.column = 0
        switch value {
        case .mapping(let pairs): copy.value = .mapping(pairs.map { ($0.key, $0.keyNode.relocated(file: file), $0.value.relocated(file: file)) })
        case .sequence(let items): copy.value = .sequence(items.map { $0.relocated(file: file) })
        case .scalar, .null: break
        }
        return copy
    }

    /// Merges `child` over `self`: mappings merge key by key, anything else is replaced.
    func merged(with child: SourceNode) -> SourceNode {
        guard case .mapping(let base) = value, case .mapping(let over) = child.value else { return child }
        var pairs = base
        for entry in over {
            if let i = pairs.firstIndex(where: { $0.key == entry.key }) {
                pairs[i] = (entry.key, entry.keyNode, pairs[i].value.merged(with: entry.value))
            } else {
                pairs.append(entry)
            }
        }
        return SourceNode(value: .mapping(pairs), file: child.file, line: child.line, column: child.column)
    }

    var kindName: String {
        switch value {
        case .scalar(let s, _): return "'\(s.count > 40 ? String(s.prefix(40)) + "…" : s)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .null: return "nothing"
        }
    }
}

extension SourceNode {
    /// The node at a dotted path, or nil.
    func find(_ path: String) -> SourceNode? {
        let (node, complete) = walk(path)
        return complete ? node : nil
    }

    /// The node at a dotted path, or the deepest one on the way to it that the file has (an
    /// optional key may be absent).
    func nearest(_ path: String) -> SourceNode { walk(path).node }

    private func walk(_ path: String) -> (node: SourceNode, complete: Bool) {
        var current = self
        for part in path.split(separator: ".") {
            guard case .mapping(let pairs) = current.value, let next = pairs.first(where: { $0.key == part }) else { return (current, false) }
            current = next.value
        }
        return (current, true)
    }

    /// The value on one line: a scalar as written, a list in brackets, a mapping in braces.
    var compactText: String {
        switch value {
        case .scalar(let s, _): return s
        case .null: return "null"
        case .sequence(let items): return "[" + items.map(\.compactText).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { "\($0.key): \($0.value.compactText)" }.joined(separator: ", ") + "}"
        }
    }
}
