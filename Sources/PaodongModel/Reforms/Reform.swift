import Foundation

/// One lever of docs/model.md, "Reforms", declared in one file: its keys, how it reads and checks
/// them, what it changes per item, and what it should move.
///
/// ## The extension contract
/// A reform is a value type in its own file under `Reforms/`, listed in `ReformRegistry.standard`
/// (or added to a registry with `adding(_:)`). It
/// - declares its keys below `reforms.<key>` in `parameters` (`enabled` and, with
///   `selectsItems`, `target`, `include` and `added_by_volume` are declared for it by the registry);
///   the decoder reads nothing else, and `paodong validate --explain` and docs/parameters.md list them;
/// - reads itself with `init(reading:)` through a strict reader (an unknown, missing or
///   out-of-range key is reported with its file and line by the reader, not by the reform);
/// - checks what no single key can (sizes against the generated catalog, named items) in
///   `check(against:reforms:_:)`;
/// - says what it changes per item in `resolve(into:)`, which runs once per scenario, in the
///   registry's order except that a reform runs after those it names in `resolvedAfter`, and only
///   when `enabled` (a reform that is off changes nothing). The engine reads `ResolvedReforms`,
///   never a reform: adding a reform whose mechanism already exists (a flag, a channel, a factor)
///   touches its own file, the registry and the scenarios; a new mechanism also needs its field
///   in `ReformResolution` and `ResolvedReforms` and the engine code that reads it;
/// - names its ablation (`Scenarios/ablations/<ablation>.yaml`: baseline-2012 plus this reform at
///   its 2020 size) and the summary metrics its mechanism must move there, with the sign; the slow
///   test tier checks each against a paired 95 % interval.
public protocol Reform: Sendable, Encodable {
    /// The key under `reforms` (`prefill`).
    static var key: String { get }
    /// Its own keys, full paths (`reforms.prefill.items`), each with its doc and range.
    static var parameters: [Parameter] { get }
    /// Whether it picks items (life events for bundles) through an `ItemSelection` read from
    /// `target`, `include` and `added_by_volume`.
    static var selectsItems: Bool { get }
    /// Keys of the reforms whose resolution this one reads (`instant_approval` takes the
    /// pre-filled items first, so it comes after `prefill`).
    static var resolvedAfter: [String] { get }
    /// The file stem of its ablation under `Scenarios/ablations/`.
    static var ablation: String { get }
    /// Summary metrics its mechanism moves in the ablation against baseline-2012.
    static var mechanisms: [ReformMechanism] { get }

    /// Whether it acts.
    var enabled: Bool { get }
    /// Reads the reform's section; problems go to the reader's log.
    init(reading r: any ReformReader)
    /// Reports what the catalog makes impossible (a size larger than the eligible items, an
    /// unknown or ineligible named item). `reforms` holds every reform of the scenario.
    func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks)
    /// Marks what it changes per item in `r`.
    func resolve(into r: inout ReformResolution)
    /// Whether `other` is the same reform with the same values.
    func isEqual(to other: any Reform) -> Bool
}

extension Reform {
    public static var selectsItems: Bool { false }
    public static var resolvedAfter: [String] { [] }
    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {}
}

extension Reform where Self: Equatable {
    public func isEqual(to other: any Reform) -> Bool { (other as? Self) == self }
}

/// A summary metric (by its registry name, e.g. `trips_documents`) that a reform must move, and the
/// direction: −1 must fall, +1 must rise.
public struct ReformMechanism: Sendable, Equatable {
    public let metric: String
    public let sign: Double
    public init(_ metric: String, _ sign: Double) { self.metric = metric; self.sign = sign }
    public static func falls(_ metric: String) -> ReformMechanism { .init(metric, -1) }
    public static func rises(_ metric: String) -> ReformMechanism { .init(metric, 1) }
}

/// Reads one reform's section strictly: each key through its declaration, an unknown key reported
/// when the section is done. The scenario decoder's reader conforms.
public protocol ReformReader {
    func bool(_ key: String) -> Bool
    func int(_ key: String) -> Int
    /// A number or share in its declared range.
    func double(_ key: String) -> Double
    /// `<prefix>target`, `<prefix>include` and `<prefix>added_by_volume`, optional.
    func selection(prefix: String) -> ItemSelection
    /// A list of ids (empty when the optional key is absent).
    func ids(_ key: String) -> [String]
}

/// Where a reform reports what the catalog makes impossible; keys are relative to the reform's
/// section (`items`, `include`) and located in the scenario file by the validator.
public protocol ReformChecks {
    func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String)
}

extension ReformChecks {
    /// The checks of a count-based reform over items: `size` (under `sizeKey`) at most the items
    /// `eligible` allows, each named item known and eligible, no more named or added by volume than
    /// the size. `what` says which items are eligible, `why` why a named one is not. O(items).
    public func checkItemSelection(_ size: Int, sizeKey: String, _ selection: ItemSelection, prefix: String = "",
                                   catalog: Catalog, eligible: (Item) -> Bool, what: String, why: String) {
        // Counted in place and indexed only when items are named: every reform runs this on
        // every load, and copying the catalog's items was a tenth of a one-day run's time.
        let count = catalog.items.reduce(0) { eligible($1) ? $0 + 1 : $0 }
        check(size <= count, sizeKey, "\(size) items asked for, but the catalog has \(count) items \(what)")
        let indexByID = selection.include.isEmpty ? [:] : catalog.itemIndexByID()
        for id in selection.include {
            if let k = indexByID[id] {
                let item = catalog.items[k]
                check(eligible(item), "\(prefix)include", "item '\(id)' \(why)")
            } else {
                check(false, "\(prefix)include", catalog.unknownItem(id))
            }
        }
        check(selection.include.count <= size, "\(prefix)include", "\(selection.include.count) items named but the size is \(size)")
        check(selection.addedByVolume <= size, "\(prefix)added_by_volume",
              "\(selection.addedByVolume) items added by volume but the size is \(size)")
    }
}
