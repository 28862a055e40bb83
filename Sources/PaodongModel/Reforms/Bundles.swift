/// 一件事一次办 (one thing, one go): the items of a bundled life event are applied for together, in
/// one application. Life events are bundled in the selection's order while their items fit in
/// `items`.
public struct Bundles: Reform, Codable, Equatable {
    public static let key = "bundles"
    public static let parameters = [
        Parameter("reforms.bundles.items", .integer(0...1_000_000), unit: "items",
                  doc: "Items in bundled life events (一件事一次办): events are bundled while their items fit."),
    ]
    public static let selectsItems = true
    public static let ablation = "bundles"
    public static let mechanisms: [ReformMechanism] = [.falls("applications_per_need")]

    public var enabled: Bool
    /// Items in bundles: life events are bundled in the selection's order (named events, then by
    /// expected needs or in table order) while their items fit in this count.
    public var items: Int
    /// `include` names life events (ids of the life-events table or generated `E…` ids).
    public var selection: ItemSelection

    public init(enabled: Bool, items: Int, selection: ItemSelection = .init()) {
        self.enabled = enabled; self.items = items; self.selection = selection
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), items: r.int("items"), selection: r.selection(prefix: ""))
    }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        if enabled {
            checks.check(!catalog.lifeEvents.isEmpty, "enabled",
                         "bundles are enabled but the catalog has no life events (the life-events table is empty and catalog.generated_life_events is 0)")
        }
        let eventItems = Set(catalog.lifeEvents.flatMap(\.items)).count
        checks.check(items <= eventItems, "items", "\(items) items asked for, but the life events hold \(eventItems) items")
        checks.check(selection.addedByVolume <= items, "added_by_volume",
                     "\(selection.addedByVolume) items added by volume but the size is \(items)")
        let events = Set(catalog.lifeEvents.map(\.id))
        for id in selection.include where !events.contains(id) {
            checks.check(false, "include", "unknown life event '\(id)'; allowed: the ids of the life-events table or of generated events (E0001 …)")
        }
    }

    /// Named events first, then by expected needs (volume) or in table order (random), each while
    /// its items fit in the count; a later event that still fits is taken, so that the count is met
    /// as closely as the events' sizes allow. O(events × items per event).
    public func resolve(into r: inout ReformResolution) {
        let events = r.catalog.lifeEvents, eventNeeds = r.eventNeeds
        let eventIndex = Dictionary(events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let named = selection.include.compactMap { eventIndex[$0] }
        let rest = events.indices.filter { !named.contains($0) }
        let byVolume = rest.sorted { (-eventNeeds[$0], $0) < (-eventNeeds[$1], $1) }
        let ordered = named + (selection.target == .volume ? byVolume : rest)
        var bundled = r.bundledEvents
        var inBundle = Set<Int>()
        func take(_ order: [Int], upTo limit: Int) {
            for e in order where !bundled[e] {
                if inBundle.count + Set(events[e].items).subtracting(inBundle).count <= limit {
                    bundled[e] = true
                    inBundle.formUnion(events[e].items)
                }
            }
        }
        take(ordered, upTo: items - max(0, selection.addedByVolume))
        if selection.addedByVolume > 0 { take(byVolume, upTo: items) }
        r.bundledEvents = bundled
    }
}
