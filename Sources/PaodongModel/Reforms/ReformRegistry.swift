/// The reforms a scenario may hold, in the order of the reference and of resolution (a reform
/// comes after those it names in `resolvedAfter`). `standard` lists the shipped ones; a test or an
/// extension adds its own with `adding(_:)`, and everything read through the registry (the
/// decoder, the validator, `paodong validate --explain`, docs/parameters.md) picks it up.
public struct ReformRegistry: @unchecked Sendable, Equatable {
    // @unchecked: metatypes of a Sendable protocol carry no state.
    public let types: [any Reform.Type]

    /// The reforms of docs/model.md, "Reforms".
    public static let standard = ReformRegistry([
        OneWindow.self, ElectronicCertificates.self, Kiosks.self, InstantApproval.self, Prefill.self, Bundles.self,
        MobileApp.self, OnlineService.self, ElectronicDelivery.self, CrossRegion.self, UnifiedIdentity.self, BusinessLine.self,
        MergedServices.self,
    ])

    /// Keys must be unique and every `resolvedAfter` must name a registered reform, without cycles.
    public init(_ types: [any Reform.Type]) {
        let keys = types.map { $0.key }
        precondition(Set(keys).count == keys.count, "a reform key is registered twice: \(keys)")
        for t in types {
            for k in t.resolvedAfter { precondition(keys.contains(k), "\(t.key) is resolved after \(k), which is not registered") }
            for p in t.parameters { precondition(p.path.hasPrefix("reforms.\(t.key)."), "\(t.key) declares \(p.path), outside its section") }
        }
        self.types = types
        _ = resolutionOrder
    }

    /// This registry with `type` added last.
    public func adding(_ type: any Reform.Type) -> ReformRegistry { ReformRegistry(types + [type]) }

    public var keys: [String] { types.map { $0.key } }

    public static func == (a: ReformRegistry, b: ReformRegistry) -> Bool {
        a.types.count == b.types.count && zip(a.types, b.types).allSatisfy { ObjectIdentifier($0) == ObjectIdentifier($1) }
    }

    /// Indices into `types` in the order reforms resolve: registry order, each reform deferred
    /// until the ones it names in `resolvedAfter` have run. O(r²).
    public var resolutionOrder: [Int] {
        var done: [Int] = [], pending = Array(types.indices)
        while !pending.isEmpty {
            guard let next = pending.firstIndex(where: { i in types[i].resolvedAfter.allSatisfy { k in done.contains { types[$0].key == k } } }) else {
                preconditionFailure("the reforms' resolvedAfter form a cycle: \(pending.map { types[$0].key })")
            }
            done.append(pending.remove(at: next))
        }
        return done
    }

    /// Every reform key, declared once: `enabled` for every reform; `target`, `include` and
    /// `added_by_volume` for those that select items; then each reform's own keys.
    public var parameters: [Parameter] {
        let selecting = types.filter { $0.selectsItems }.map { $0.key }
        return [
            Parameter("reforms.<reform>.enabled", .flag, each: keys,
                      doc: "Whether the reform acts; a reform that is off changes nothing, whatever its sizes."),
            Parameter("reforms.<reform>.target", .choice(ReformTarget.allCases.map(\.rawValue)), each: selecting, required: false, fallback: "random",
                      doc: "How the reform picks items after `include`: most expected needs first (`volume`), or the catalog's random order."),
            Parameter("reforms.<reform>.include", .ids, each: selecting, required: false, fallback: "none",
                      doc: "Items (life-event ids for bundles) the reform reaches first, in order."),
            Parameter("reforms.<reform>.added_by_volume", .integer(0...1_000_000), unit: "items", each: selecting, required: false, fallback: "0",
                      doc: "The last this-many of the size go to the most-used eligible items not yet taken (a plan adding 高频 items)."),
        ] + types.flatMap { $0.parameters }
    }
}
