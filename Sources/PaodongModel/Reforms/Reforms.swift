/// The scenario's reforms, one value per reform of its registry, in the registry's order. A reform
/// that is not `enabled` changes nothing, whatever its sizes say. Encoded as a mapping by reform key.
public struct Reforms: Sendable, Equatable, Encodable {
    /// The reforms this scenario was read with.
    public let registry: ReformRegistry
    /// One per registered reform, in the registry's order.
    public let all: [any Reform]

    /// `reforms` must hold one value of each registered type, in the registry's order.
    public init(registry: ReformRegistry = .standard, _ reforms: [any Reform]) {
        precondition(reforms.map { type(of: $0).key } == registry.keys, "one reform per registered type, in the registry's order")
        self.registry = registry
        all = reforms
    }

    /// The reform of type `R`, if registered.
    public subscript<R: Reform>(_ type: R.Type) -> R? {
        all.lazy.compactMap { $0 as? R }.first
    }

    /// The reform under `key`, if registered.
    public subscript(key key: String) -> (any Reform)? {
        all.first { type(of: $0).key == key }
    }

    /// These reforms with `reform` in place of the registered one of its type.
    public func replacing(_ reform: any Reform) -> Reforms {
        Reforms(registry: registry, all.map { type(of: $0).key == type(of: reform).key ? reform : $0 })
    }

    public static func == (a: Reforms, b: Reforms) -> Bool {
        a.registry.keys == b.registry.keys && zip(a.all, b.all).allSatisfy { $0.isEqual(to: $1) }
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for reform in all { try container.encode(reform, forKey: Key(stringValue: type(of: reform).key)) }
    }
}
