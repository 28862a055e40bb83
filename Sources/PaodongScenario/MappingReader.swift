import Foundation
import PaodongModel

/// Reads one YAML mapping strictly: every key must be asked for, every value must have the
/// expected type and range, and `finish()` reports the keys nobody asked for.
///
/// Problems go to the shared `IssueLog` and a placeholder value is returned, so that reading goes
/// on and the user sees every problem of the file at once.
final class MappingReader {
    let node: SourceNode
    let path: String
    let log: IssueLog
    /// The declarations keys are read through: the scenario's, or a sweep design's.
    let schema: Parameter.Schema
    private var pairs: [(key: String, keyNode: SourceNode, value: SourceNode)] = []
    private var asked: [String] = []

    init(_ node: SourceNode, path: String, log: IssueLog, schema: Parameter.Schema = .scenario) {
        self.node = node; self.path = path; self.log = log; self.schema = schema
        if case .mapping(let p) = node.value { pairs = p } else {
            log.add(node, path, "expected a mapping, found \(node.kindName)")
        }
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The declaration of `key` here (`Parameter+Catalog.swift`): its type, range and whether it
    /// is required. Reading an undeclared key is a programmer error.
    func declared(_ key: String) -> Parameter { schema.declared(keyPath(key)) }

    /// The raw node under `key`, or nil (with an issue if `required`). `key` must be a declared
    /// key or section.
    func node(_ key: String, required: Bool = true) -> SourceNode? {
        precondition(schema.isDeclared(keyPath(key)), "key '\(keyPath(key))' is read but not declared in its schema")
        asked.append(key)
        if let pair = pairs.first(where: { $0.key == key }) { return pair.value }
        if required { log.add(node, keyPath(key), "missing required key") }
        return nil
    }

    /// Whether the optional `key` is present.
    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func mapping(_ key: String) -> MappingReader {
        let n = node(key) ?? SourceNode(value: .mapping([]), file: node.file, line: node.line, column: node.column)
        return MappingReader(n, path: keyPath(key), log: log, schema: schema)
    }

    /// A number (or share) in its declared range; the range's lower bound when absent or wrong
    /// (an issue is logged, so the value is never used).
    func double(_ key: String) -> Double {
        let spec = declared(key)
        let range: ClosedRange<Double>
        switch spec.kind {
        case .number(let r): range = r
        case .share: range = 0...1
        default: preconditionFailure("\(spec.path) is not declared as a number")
        }
        guard let n = node(key, required: spec.required) else { return range.lowerBound }
        return ValueReader.double(n, keyPath(key), range: range, allowed: spec.allowedDescription, log: log) ?? range.lowerBound
    }

    /// A probability or share in [0, 1].
    func share(_ key: String) -> Double { double(key) }

    func int(_ key: String) -> Int {
        let spec = declared(key)
        guard case .integer(let range) = spec.kind else { preconditionFailure("\(spec.path) is not declared as an integer") }
        guard let n = node(key, required: spec.required) else { return range.lowerBound }
        return ValueReader.int(n, keyPath(key), range: range, log: log) ?? range.lowerBound
    }

    func bool(_ key: String) -> Bool {
        let spec = declared(key)
        guard case .flag = spec.kind else { preconditionFailure("\(spec.path) is not declared as a flag") }
        guard let n = node(key, required: spec.required) else { return false }
        guard case .scalar(let s, true) = n.value, let b = ["true": true, "false": false][s] else {
            log.add(n, keyPath(key), "expected true or false, found \(n.kindName)")
            return false
        }
        return b
    }

    func string(_ key: String) -> String? {
        let spec = declared(key)
        guard let n = node(key, required: spec.required) else { return nil }
        guard case .scalar(let s, _) = n.value else {
            log.add(n, keyPath(key), "expected a string, found \(n.kindName)")
            return nil
        }
        return s
    }

    func list(_ key: String) -> [SourceNode] {
        let spec = declared(key)
        guard let n = node(key, required: spec.required) else { return [] }
        guard case .sequence(let items) = n.value else {
            log.add(n, keyPath(key), "expected a list, found \(n.kindName)")
            return []
        }
        return items
    }

    /// A list of numbers, each in the declared range, of exactly `count` entries where given
    /// (a length that follows from another key, e.g. one weight per opening hour), else of the
    /// declared count (if any).
    func doubles(_ key: String, count: Int? = nil) -> [Double] {
        let spec = declared(key)
        let range: ClosedRange<Double>, expected: Int?
        switch spec.kind {
        case .numbers(let declaredCount, let r): (range, expected) = (r, count ?? declaredCount)
        case .hourlyProfile: (range, expected) = (0...1e6, count)
        default: preconditionFailure("\(spec.path) is not declared as numbers")
        }
        let placeholder = Array(repeating: range.lowerBound, count: expected ?? 0)
        guard let n = node(key, required: spec.required) else { return placeholder }
        guard case .sequence(let items) = n.value else {
            log.add(n, keyPath(key), "expected a list of numbers, found \(n.kindName)")
            return placeholder
        }
        if let expected, items.count != expected {
            log.add(n, keyPath(key), "expected \(expected) numbers, found \(items.count)")
            return placeholder
        }
        return items.enumerated().map { i, item in
            ValueReader.double(item, "\(keyPath(key))[\(i)]", range: range, allowed: nil, log: log) ?? range.lowerBound
        }
    }

    /// One of an enumeration's raw values under `key`; an unknown value is reported with the
    /// allowed ones. A missing key gives `fallback` (an issue too when the key is required); `nil`
    /// only when the key is absent and `fallback` is nil.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, fallback: E?) -> E? where E.RawValue == String {
        guard let text = string(key) else { return fallback }
        if let value = E(rawValue: text) { return value }
        if let n = node(key, required: false) {
            log.add(n, keyPath(key), "found '\(text)'; allowed: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return fallback
    }

    /// Reports every key of the mapping that was never asked for.
    func finish() {
        for pair in pairs where !asked.contains(pair.key) {
            let allowed = asked.isEmpty ? "" : "; allowed here: \(Array(Set(asked)).sorted().joined(separator: ", "))"
            log.add(pair.keyNode, keyPath(pair.key), "unknown key\(allowed)")
        }
    }
}

extension MappingReader: ReformReader {
    /// `<prefix>target`, `<prefix>include` and `<prefix>added_by_volume`, optional: a reform without
    /// them keeps the random keys.
    func selection(prefix: String) -> ItemSelection {
        var s = ItemSelection()
        s.target = choice("\(prefix)target", fallback: s.target)!
        s.include = ids("\(prefix)include")
        if has("\(prefix)added_by_volume") { s.addedByVolume = int("\(prefix)added_by_volume") }
        return s
    }

    func ids(_ key: String) -> [String] {
        list(key).compactMap { n in
            guard case .scalar(let id, _) = n.value, !id.isEmpty else {
                log.add(n, keyPath(key), "expected an id, found \(n.kindName)")
                return nil
            }
            return id
        }
    }
}

/// Typed reading of scalar nodes with range checks.
enum ValueReader {
    static func double(_ n: SourceNode, _ key: String, range: ClosedRange<Double>, allowed: String?, log: IssueLog) -> Double? {
        let what = allowed ?? describe(range)
        guard case .scalar(let s, let plain) = n.value, plain, let v = parseDouble(s) else {
            log.add(n, key, "expected a number (\(what)), found \(n.kindName)")
            return nil
        }
        guard v.isFinite, range.contains(v) else {
            log.add(n, key, "\(s) is out of range; allowed: \(what)")
            return nil
        }
        return v
    }

    static func int(_ n: SourceNode, _ key: String, range: ClosedRange<Int>, log: IssueLog) -> Int? {
        let what = "an integer in \(range.lowerBound)…\(range.upperBound)"
        guard case .scalar(let raw, true) = n.value else {
            log.add(n, key, "expected \(what), found \(n.kindName)")
            return nil
        }
        let s = raw.replacingOccurrences(of: "_", with: "")
        var value: Int? = Int(s)
        if value == nil, let d = parseDouble(s), d.isFinite, d == d.rounded(), abs(d) < 9e15 { value = Int(d) }
        guard let v = value else {
            log.add(n, key, "expected \(what), found \(n.kindName)")
            return nil
        }
        guard range.contains(v) else {
            log.add(n, key, "\(raw) is out of range; allowed: \(what)")
            return nil
        }
        return v
    }

    static func parseDouble(_ raw: String) -> Double? {
        let s = raw.replacingOccurrences(of: "_", with: "")
        switch s.lowercased() {
        case ".nan", "nan": return .nan
        case ".inf", "+.inf", "inf": return .infinity
        case "-.inf", "-inf": return -.infinity
        default: break
        }
        guard let first = s.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        return Double(s)
    }

    static func describe(_ r: ClosedRange<Double>) -> String { Parameter.describe(r) }

    static func fmt(_ x: Double) -> String { Parameter.format(x) }
}
