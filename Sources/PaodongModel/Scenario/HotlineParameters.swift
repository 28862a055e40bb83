/// The 12345 government-service hotline (政务服务热线): a call centre of the city, contacted about
/// the needs the agents have (consultations, pre-checks of materials, appeals) and about everything
/// else (background calls). docs/model.md, "The 12345 hotline".
public struct HotlineParameters: Codable, Sendable, Equatable {
    /// Agents on duty at the peak hour on the general line.
    /// Agents on duty at the peak hour on the general line (`hotline.general_line_agents`).
    public var generalLineAgents: Int
    /// Share of `generalLineAgents` on duty in each hour of the day, midnight first; 0 closes the line that hour.
    public var staffingByHour: [Double]
    /// A weekday's own shares by hour (Monday first), where a planner sets them; nil: `staffingByHour`.
    public var staffingByWeekday: [[Double]?] = Array(repeating: nil, count: 7)
    /// The general line's shares by hour on weekday `w` (0 = Monday).
    public func staffing(weekday w: Int) -> [Double] { staffingByWeekday[w] ?? staffingByHour }
    /// The weekdays' keys, Monday first.
    public static let weekdayKeys = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Relative calls in each hour of the day, midnight first.
    public var callsByHour: [Double]
    /// Relative background calls on each weekday, Monday first.
    public var callsByWeekday: [Double]
    /// Calls a day not about a modelled need (city-wide, whatever the scale).
    public var backgroundCallsPerDay: Double
    /// Mean consultation calls per application opened, by audience (resident, business).
    public var consultationsPerApplication: [Double]
    /// Share of window and kiosk applications whose applicant has the materials pre-checked by phone first.
    public var precheckShare: Double
    /// Multiplies an application's incomplete-material probability once a pre-check call is answered.
    public var precheckIncompleteFactor: Double
    /// Share of applications completed after a wasted trip whose applicant appeals (诉求).
    public var appealShare: Double
    /// Mean days from an answered appeal to its work order being closed by the department.
    public var workOrderDaysMean: Double
    /// Mean minutes of a call of each kind (`HotlineCall.allCases` order).
    public var serviceMeanMin: [Double]
    public var patienceMeanMin: Double
    public var redialProbability: Double
    public var redialDelayMeanMin: Double
    /// The answer standard in seconds (15 s for 12345).
    public var answerStandardSec: Double
    public var surge: Surge

    /// Days on which every call rate is multiplied (early 2020 saw about three times the calls).
    public struct Surge: Codable, Sendable, Equatable {
        public var startDate: SimpleDate
        public var days: Int
        public var factor: Double
        /// Multiplies the agents on duty (both lines) during the surge.
        public var agentFactor: Double
        public init(startDate: SimpleDate, days: Int, factor: Double, agentFactor: Double) {
            self.startDate = startDate; self.days = days; self.factor = factor; self.agentFactor = agentFactor
        }
    }

    public init(generalLineAgents: Int, staffingByHour: [Double], callsByHour: [Double], callsByWeekday: [Double], backgroundCallsPerDay: Double,
                consultationsPerApplication: [Double], precheckShare: Double, precheckIncompleteFactor: Double, appealShare: Double,
                workOrderDaysMean: Double, serviceMeanMin: [Double], patienceMeanMin: Double, redialProbability: Double,
                redialDelayMeanMin: Double, answerStandardSec: Double, surge: Surge) {
        self.generalLineAgents = generalLineAgents; self.staffingByHour = staffingByHour; self.callsByHour = callsByHour; self.callsByWeekday = callsByWeekday
        self.backgroundCallsPerDay = backgroundCallsPerDay; self.consultationsPerApplication = consultationsPerApplication
        self.precheckShare = precheckShare; self.precheckIncompleteFactor = precheckIncompleteFactor; self.appealShare = appealShare
        self.workOrderDaysMean = workOrderDaysMean; self.serviceMeanMin = serviceMeanMin; self.patienceMeanMin = patienceMeanMin
        self.redialProbability = redialProbability; self.redialDelayMeanMin = redialDelayMeanMin
        self.answerStandardSec = answerStandardSec; self.surge = surge
    }
}

/// What a call to the hotline is about.
public enum HotlineCall: Int, CaseIterable, Sendable {
    /// A question about a need, answered on the call.
    case consultation
    /// A check of the materials before a hall or kiosk visit.
    case precheck
    /// An appeal (诉求) after a wasted trip: becomes a work order to the item's department.
    case appeal
    /// Anything else the city's 12345 hears (not tied to a modelled need).
    case background

    public var key: String { ["consultation", "precheck", "appeal", "background"][rawValue] }
}

/// The hotline's lines: the general line, and the 24-hour business line (key 1, 营商环境专席) when the reform is on.
public enum HotlineLine: Int, CaseIterable, Sendable {
    case general, business
    public var key: String { ["general", "business"][rawValue] }
}
