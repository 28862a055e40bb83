/// The 24-hour business line of the 12345 hotline (key 1, 营商环境专席): businesses' calls go to its
/// own `agents`, on duty every hour, instead of the general line.
public struct BusinessLine: Reform, Codable, Equatable {
    public static let key = "business_line"
    public static let parameters = [
        Parameter("reforms.business_line.agents", .integer(0...100_000), unit: "agents",
                  doc: "Agents of the 12345 business line (key 1, 营商环境专席), on duty every hour; businesses' calls go to it instead of the general line."),
    ]
    public static let ablation = "business-line"
    /// The line takes businesses' calls off the general line and answers them itself.
    public static let mechanisms: [ReformMechanism] = [.rises("hotline_within_standard")]

    public var enabled: Bool
    public var agents: Int

    public init(enabled: Bool, agents: Int) { self.enabled = enabled; self.agents = agents }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), agents: r.int("agents")) }

    public func resolve(into r: inout ReformResolution) { r.businessLineAgents = agents }
}
