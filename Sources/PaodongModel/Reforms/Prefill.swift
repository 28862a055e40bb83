/// 秒报 / 无感申办 (pre-filled forms): `items` items come with the form filled from government data,
/// so the form takes `formFactor` of its time and is incomplete `incompleteFactor` as often.
public struct Prefill: Reform, Codable, Equatable {
    public static let key = "prefill"
    public static let parameters = [
        Parameter("reforms.prefill.items", .integer(0...1_000_000), unit: "items",
                  doc: "Items with pre-filled forms (秒报, 无感申办); decided instantly too when instant approval is on."),
        Parameter("reforms.prefill.form_factor", .number(0...10), doc: "Form time of a pre-filled item relative to a blank form."),
        Parameter("reforms.prefill.incomplete_factor", .number(0...1), doc: "Multiplies the incomplete probability of a pre-filled item."),
    ]
    public static let selectsItems = true
    public static let ablation = "prefill"
    /// Cheaper forms draw more applicants online, so form hours in all may not fall; each form does.
    public static let mechanisms: [ReformMechanism] = [.falls("form_min_per_form"), .falls("incomplete_findings")]

    public var enabled: Bool
    public var items: Int
    /// Named items first, then the rest by target.
    public var selection: ItemSelection
    public var formFactor: Double
    /// Multiplies the incomplete probability of a pre-filled item.
    public var incompleteFactor: Double

    public init(enabled: Bool, items: Int, formFactor: Double, incompleteFactor: Double, selection: ItemSelection = .init()) {
        self.enabled = enabled; self.items = items; self.formFactor = formFactor; self.incompleteFactor = incompleteFactor
        self.selection = selection
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), items: r.int("items"), formFactor: r.double("form_factor"),
                  incompleteFactor: r.double("incomplete_factor"), selection: r.selection(prefix: ""))
    }

    /// A no-sense application ends in an instant decision (秒报秒批一体化), so an item that needs
    /// the applicant in person cannot be one.
    public static func eligible(_ item: Item) -> Bool { !item.physicalPresence }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        checks.checkItemSelection(items, sizeKey: "items", selection, catalog: catalog, eligible: Self.eligible,
                                  what: "that need no presence in person",
                                  why: "needs the applicant in person and cannot be a no-sense (pre-filled, instant) item")
    }

    public func resolve(into r: inout ReformResolution) {
        r.mark(.prefill, where: r.select(items, selection, purpose: Self.key, eligible: Self.eligible))
        r.prefillFormFactor = formFactor
        r.prefillIncompleteFactor = incompleteFactor
    }
}
