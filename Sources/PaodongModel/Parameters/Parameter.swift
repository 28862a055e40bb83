/// One scenario key, declared once with its type, range, unit and meaning (the scenario's keys in
/// PaodongScenario's `Parameter+Catalog.swift`, each reform's in its own file under `Reforms/`). The decoder reads every key through its declaration, the validator
/// names keys that must be declared, and `paodong validate --explain` and docs/parameters.md are
/// generated from the declarations.
///
/// A path may hold one placeholder in angle brackets (`halls.levels.<level>.travel_min`), declared
/// once and expanded for each of `each`.
public struct Parameter: Sendable {
    /// What a key's value must be.
    public enum Kind: Sendable {
        case text
        case integer(ClosedRange<Int>)
        case number(ClosedRange<Double>)
        /// A probability or share in [0, 1].
        case share
        case flag
        /// One of these words.
        case choice([String])
        /// A list of numbers, of exactly `count` entries where given, each in the range.
        case numbers(count: Int?, ClosedRange<Double>)
        case date
        case dates
        /// Opening periods "HH:MM-HH:MM", in order, not overlapping.
        case periods
        /// Per opening hour weights, or `flat`.
        case hourlyProfile
        /// A list of item (or life-event) ids.
        case ids
        /// A list of mappings (a sweep design's factors).
        case mappings
    }

    /// The dotted path, with at most one `<placeholder>`.
    public let path: String
    public let kind: Kind
    /// Unit of the value ("" where it has none).
    public let unit: String
    /// One or two sentences: what the key means and what it acts on.
    public let doc: String
    /// Whether the key must be present; an optional key's `fallback` says what its absence means.
    public let required: Bool
    public let fallback: String?
    /// Whether `none` (or null) is allowed, meaning "no limit".
    public let noneAllowed: Bool
    /// What the placeholder stands for, in order.
    public let each: [String]
    /// A sentence that replaces the generated range description in error messages.
    public let allowed: String?

    public init(_ path: String, _ kind: Kind, unit: String = "", each: [String] = [], required: Bool = true,
                fallback: String? = nil, noneAllowed: Bool = false, allowed: String? = nil, doc: String) {
        self.path = path; self.kind = kind; self.unit = unit; self.each = each; self.required = required
        self.fallback = fallback; self.noneAllowed = noneAllowed; self.allowed = allowed; self.doc = doc
    }

    /// The concrete paths this declaration stands for.
    public var concretePaths: [String] {
        guard let open = path.firstIndex(of: "<"), let close = path.firstIndex(of: ">") else { return [path] }
        return each.map { path.replacingCharacters(in: open...close, with: $0) }
    }

    /// What the value may be, in words (for errors and the reference).
    public var allowedDescription: String {
        if let allowed { return allowed }
        switch kind {
        case .text: return "text"
        case .integer(let r): return "an integer in \(r.lowerBound)…\(r.upperBound)"
        case .number(let r): return Self.describe(r)
        case .share: return "a share between 0 and 1"
        case .flag: return "true or false"
        case .choice(let words): return "one of " + words.joined(separator: ", ")
        case .numbers(let count, let r):
            return (count.map { "a list of \($0) numbers" } ?? "a list of numbers") + ", each " + Self.describe(r).replacingOccurrences(of: "a number ", with: "")
        case .date: return "a date YYYY-MM-DD"
        case .dates: return "a list of dates YYYY-MM-DD"
        case .periods: return "a list of periods \"HH:MM-HH:MM\", in order, not overlapping"
        case .hourlyProfile: return "flat, or one weight (≥ 0) per opening hour"
        case .ids: return "a list of ids"
        case .mappings: return "a list of mappings"
        }
    }

    /// A range of numbers in words, open ends (±greatestFiniteMagnitude) left out.
    public static func describe(_ r: ClosedRange<Double>) -> String {
        let lo = r.lowerBound == -Double.greatestFiniteMagnitude ? nil : r.lowerBound
        let hi = r.upperBound == Double.greatestFiniteMagnitude ? nil : r.upperBound
        switch (lo, hi) {
        case let (l?, h?): return "a number from \(format(l)) to \(format(h))"
        case let (l?, nil): return "a number ≥ \(format(l))"
        case let (nil, h?): return "a number ≤ \(format(h))"
        default: return "a finite number"
        }
    }

    /// A whole number without its `.0`.
    public static func format(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
}
