import Foundation
import PaodongModel

/// The hotline as the day loop reads it: who calls about what, when in the day, and the lines.
/// Built once from the scenario (docs/model.md, "The 12345 hotline").
struct HotlineSetup {
    /// Hour of the day of a call (weights of `hotline.calls_by_hour`), and each hour's share.
    let hourTable: DiscreteTable
    let hourShares: [Double]
    /// Mean consultations per application, by `Audience.rawValue`.
    let consultations: (Double, Double)
    let precheckShare: Double
    let precheckIncompleteFactor: Double
    let appealShare: Double
    /// Whether businesses' calls go to the business line.
    let businessLine: Bool
    /// Multiplier of call rates on each simulated day (the surge), and the weekday factor of background calls.
    let surge: [Double]
    /// P(no consultation) = e^−rate by audience, on ordinary and on surge days.
    let noConsultation: (Double, Double)
    let noConsultationSurge: (Double, Double)
    /// Whether each simulated day is a surge day (its roster is the surge roster).
    let surgeDay: [Bool]
    let weekday: [Double]
    /// Weekday of each simulated day (0 = Monday), which picks the line's roster.
    let weekdayIndex: [Int]

    init(_ p: Scenario.Parameters, reforms: ResolvedReforms) {
        let h = p.hotline
        hourTable = DiscreteTable(weights: h.callsByHour)
        let total = h.callsByHour.reduce(0, +)
        hourShares = h.callsByHour.map { $0 / total }
        consultations = (h.consultationsPerApplication[0], h.consultationsPerApplication[1])
        noConsultation = (exp(-consultations.0), exp(-consultations.1))
        noConsultationSurge = (exp(-consultations.0 * h.surge.factor), exp(-consultations.1 * h.surge.factor))
        precheckShare = h.precheckShare
        precheckIncompleteFactor = h.precheckIncompleteFactor
        appealShare = h.appealShare
        businessLine = reforms.businessLineAgents != nil
        let first = h.surge.startDate.dayNumber - p.startDate.dayNumber
        surgeDay = (0..<p.days).map { t in t >= first && t < first + h.surge.days }
        surge = surgeDay.map { $0 ? h.surge.factor : 1 }
        let meanWeekday = h.callsByWeekday.reduce(0, +) / 7
        weekdayIndex = (0..<p.days).map { p.startDate.adding(days: $0).weekday }
        weekday = weekdayIndex.map { h.callsByWeekday[$0] / meanWeekday }
    }

    /// The line a call of this audience goes to.
    @inline(__always) func line(business: Bool) -> HotlineLine { business && businessLine ? .business : .general }

    /// A minute of the day for a call, from the hourly profile.
    @inline(__always) func minute(_ rng: RandomStream) -> Double { (Double(rng.discrete(hourTable)) + rng.uniform()) * 60 }

    @inline(__always) func consultationRate(business: Bool) -> Double { business ? consultations.1 : consultations.0 }

    /// Poisson consultations for an application opened on day `t` from one uniform by the inverse
    /// of the distribution function: with rates of a few hundredths nearly every application stops
    /// at the first comparison, against P(0) computed once (GSL's Poisson sampler, then `exp` per
    /// application, cost 0.1 µs and 3 % of a run). Exact for any rate up to the 100 allowed.
    @inline(__always) func consultationCount(business: Bool, day t: Int, _ rng: RandomStream) -> Int {
        let rate = consultationRate(business: business) * surge[t]
        guard rate > 0 else { return 0 }
        let u = rng.uniform()
        let zero = surgeDay[t] ? (business ? noConsultationSurge.1 : noConsultationSurge.0) : (business ? noConsultation.1 : noConsultation.0)
        var p = zero, cumulative = p, k = 0
        while u >= cumulative && p > 0 {
            k += 1
            p *= rate / Double(k)
            cumulative += p
        }
        return k
    }
}

/// A call that an application's applicant makes today (or, made after the lines ran, tomorrow).
struct CallRequest {
    /// Minute of the day.
    var minute: Double
    /// The application (index in the chunk) whose pre-check this is; −1 for any other call.
    var app: Int32
    var kind: UInt8
    var line: UInt8
}
