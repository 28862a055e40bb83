import PaodongEngine

/// One number a run reports: declared once with its name, unit, format, meaning and how it is
/// computed; summary.csv, comparison.csv, the printed tables, the memo and the notebook all derive
/// from the declarations in `Metric+Catalog.swift` (`Metric.summary`).
///
/// To add a metric: declare it there as a `static let` and append it to `summary` (its column
/// position); a test runs a scenario and fails if any declared metric has no value.
public struct Metric: Sendable {
    /// What the number counts or measures.
    public enum Unit: String, Sendable {
        case agents, needs, applications, trips, visits, findings, calls, share, ratio, seconds, minutes, days, hours
    }

    /// How summary.csv writes the number.
    public enum Precision: Sendable, Equatable {
        /// A whole number (the value truncated toward zero).
        case integer
        /// Fixed decimals.
        case decimals(Int)
    }

    /// Where, besides summary.csv and comparison.csv (which carry every metric), it is shown.
    public struct Views: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The table `paodong compare` prints.
        public static let comparisonTable = Views(rawValue: 1 << 0)
        /// `paodong report`'s memo.
        public static let memo = Views(rawValue: 1 << 1)
    }

    /// The column name in summary.csv and the `metric` value in comparison.csv.
    public let name: String
    public let unit: Unit
    public let precision: Precision
    /// One line: what it is, for the docs and `paodong report`.
    public let doc: String
    /// Label and decimals where it is shown to a reader (`views`).
    public let label: String
    public let displayDigits: Int
    public let views: Views
    /// The metric of one replication (NaN where undefined, e.g. a mean over nothing).
    public let value: @Sendable (RunResult) -> Double

    public init(_ name: String, _ unit: Unit, _ precision: Precision, label: String? = nil, digits: Int? = nil,
                views: Views = [], doc: String, value: @escaping @Sendable (RunResult) -> Double) {
        self.name = name; self.unit = unit; self.precision = precision; self.doc = doc
        self.label = label ?? name
        if let digits { displayDigits = digits } else if case .decimals(let d) = precision { displayDigits = d } else { displayDigits = 0 }
        self.views = views; self.value = value
    }

    /// The value as summary.csv writes it.
    public func formatted(_ v: Double) -> String {
        switch precision {
        case .integer: return v.isFinite ? String(Int64(v)) : ""
        case .decimals(let d): return Format.number(v, d)
        }
    }
}
