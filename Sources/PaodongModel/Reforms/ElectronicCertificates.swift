import Foundation

/// 免证办 (electronic certificates): `types` certificate types are pulled from the licence database
/// instead of brought on paper: those named in `include` first, then the most-used.
public struct ElectronicCertificates: Reform, Codable, Equatable {
    public static let key = "e_certificates"
    public static let parameters = [
        Parameter("reforms.e_certificates.types", .integer(0...1_000_000), unit: "types", doc: "The most-used certificate types pulled electronically (免证办)."),
        Parameter("reforms.e_certificates.include", .ids, required: false, fallback: "none",
                  doc: "Certificate types (ids of the certificates table or generated `C…` ids) covered first, in order; the rest of `types` are the most-used."),
    ]
    public static let ablation = "e-certificates"
    public static let mechanisms: [ReformMechanism] = [.falls("trips_documents")]

    public var enabled: Bool
    /// Certificate types covered, the named ones included.
    public var types: Int
    /// Certificate type ids covered first.
    public var include: [String]

    public init(enabled: Bool, types: Int, include: [String] = []) { self.enabled = enabled; self.types = types; self.include = include }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), types: r.int("types"), include: r.ids("include")) }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        checks.check(types <= catalog.certificates.count, "types",
                     "\(types) types asked for, but the catalog has \(catalog.certificates.count)")
        let known = Set(catalog.certificates.map(\.id))
        for id in include where !known.contains(id) {
            checks.check(false, "include", "unknown certificate type '\(id)'; allowed: the ids of the certificates table or generated ids up to C\(catalog.certificates.count.zeroPadded(4))")
        }
        checks.check(include.count <= types, "include", "\(include.count) types named but `types` is \(types)")
    }

    /// Covers the named types, then the rest by usage weight, heaviest first (ties by index), up to
    /// `types` in all. O(t log t).
    public func resolve(into r: inout ReformResolution) {
        let certificates = r.catalog.certificates
        let index = Dictionary(certificates.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var covered = 0
        for id in include {
            guard covered < types, let c = index[id], !r.certificateCovered[c] else { continue }
            r.certificateCovered[c] = true
            covered += 1
        }
        let order = certificates.indices.sorted {
            (-certificates[$0].usageWeight, $0) < (-certificates[$1].usageWeight, $1)
        }
        for c in order where covered < types && !r.certificateCovered[c] {
            r.certificateCovered[c] = true
            covered += 1
        }
    }
}
