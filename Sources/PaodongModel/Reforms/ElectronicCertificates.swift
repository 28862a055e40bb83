/// 免证办 (electronic certificates): the `types` most-used certificate types are pulled from the
/// licence database instead of brought on paper.
public struct ElectronicCertificates: Reform, Codable, Equatable {
    public static let key = "e_certificates"
    public static let parameters = [
        Parameter("reforms.e_certificates.types", .integer(0...1_000_000), unit: "types", doc: "The most-used certificate types pulled electronically (免证办)."),
    ]
    public static let ablation = "e-certificates"
    public static let mechanisms: [ReformMechanism] = [.falls("trips_documents")]

    public var enabled: Bool
    /// The most-used certificate types covered.
    public var types: Int

    public init(enabled: Bool, types: Int) { self.enabled = enabled; self.types = types }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), types: r.int("types")) }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        checks.check(types <= catalog.certificates.count, "types",
                     "\(types) types asked for, but the catalog has \(catalog.certificates.count)")
    }

    /// Covers the types by usage weight, heaviest first (ties by index). O(t log t).
    public func resolve(into r: inout ReformResolution) {
        let certificates = r.catalog.certificates
        let order = certificates.indices.sorted {
            (-certificates[$0].usageWeight, $0) < (-certificates[$1].usageWeight, $1)
        }
        for c in order.prefix(max(0, types)) { r.certificateCovered[c] = true }
    }
}
