/// 一窗通办 (one window): an item's departments are served in one sitting at a generalist window,
/// whose service takes `serviceFactor` times a departmental window's.
public struct OneWindow: Reform, Codable, Equatable {
    public static let key = "one_window"
    public static let parameters = [
        Parameter("reforms.one_window.service_factor", .number(0.01...100), doc: "Generalist window time relative to a departmental window (一窗通办)."),
    ]
    public static let ablation = "one-window"
    public static let mechanisms: [ReformMechanism] = [.falls("wait_per_multi_department_application_min")]

    public var enabled: Bool
    /// Generalist service time relative to a departmental window.
    public var serviceFactor: Double

    public init(enabled: Bool, serviceFactor: Double) { self.enabled = enabled; self.serviceFactor = serviceFactor }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), serviceFactor: r.double("service_factor")) }

    public func resolve(into r: inout ReformResolution) {
        r.oneWindow = true
        r.oneWindowServiceFactor = serviceFactor
    }
}
