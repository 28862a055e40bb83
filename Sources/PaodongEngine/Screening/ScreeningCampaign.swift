import PaodongModel

/// A district's nucleic-acid screening, run beside the city (docs/model.md, "Health-code screening").
///
/// Each day the residents called that day, and those who come back, arrive at their site by the
/// hourly profile; each person queues at the registration desks, then at the sampling stations
/// (the hall kernel with a two-stage route), and gives up after an exponential patience. Whoever
/// gave up, or was still in line when the site closed, comes back the next day with
/// `returnProbability`; after the last calling day, sites stay open until nobody comes back (at
/// most `extraDays`). Sites are independent within a day and played in parallel, each with its own
/// stream, so the result does not depend on threads. Always full size: the district's residents
/// × `populationShare`, whatever the run's scale. O(people × log(desks + stations)).
public struct ScreeningCampaign: Sendable {
    public let parameters: ScreeningParameters
    /// People called in all.
    public let people: Int
    public let seed: UInt64
    /// Days the sites stay open after the last calling day for those who come back.
    public static let extraDays = 14

    public init(scenario: Scenario.Parameters, districts: [District], screening: ScreeningParameters) {
        parameters = screening
        let share = districts[screening.districtIndex].residents10k / districts.reduce(0) { $0 + $1.residents10k }
        people = Int((Double(scenario.population.residents) * share * screening.populationShare).rounded())
        seed = scenario.seed
    }

    /// What one site did in one hour of one day (arrivals counted in the hour they arrived).
    public struct HourCounts: Sendable, Equatable {
        public var arrivals = 0
        public var sampled = 0
        /// Left the line (patience) or were in line at closing.
        public var gaveUp = 0
        /// Minutes waited at both queues by those who arrived this hour (sampled or not), in ms.
        public var waitMs: Int64 = 0
        /// Line lengths found on joining the desks, and the stations.
        public var deskLineSeen = 0
        public var stationLineSeen = 0
        /// Those who reached the stations (registered).
        public var stationJoins = 0
        public init() {}
        public mutating func add(_ o: HourCounts) {
            arrivals += o.arrivals; sampled += o.sampled; gaveUp += o.gaveUp; waitMs += o.waitMs
            deskLineSeen += o.deskLineSeen; stationLineSeen += o.stationLineSeen
            stationJoins += o.stationJoins
        }
    }

    public struct Result: Sendable {
        public var parameters: ScreeningParameters
        public var people: Int
        /// Days the sites opened (calling days plus the days some came back).
        public var days: Int
        public var hours: Int
        /// `counts[(day * sites + site) * hours + hour]`.
        public var counts: [HourCounts]
        public var sampled: Int
        /// People never sampled (did not come back).
        public var lost: Int
        /// Minutes from the first opening to the last swab.
        public var minutesToFinish: Double
        public var waitMs: Int64

        public func at(day d: Int, site s: Int, hour h: Int) -> HourCounts { counts[(d * parameters.sites + s) * hours + h] }
    }

    /// Plays the campaign on `threads` workers.
    public func run(threads: Int) -> Result {
        let p = parameters
        let open = p.opening
        let hours = max(1, Int((Double(open.minutes) / 60).rounded(.up)))
        let arrivals = ArrivalProcess(periods: [open], profile: p.arrivalsByHour, patienceMeanMin: p.patienceMeanMin)
        let sites = p.sites
        var returning = Array(repeating: 0, count: sites)
        var counts: [HourCounts] = []
        var lastSwabMinute = 0.0, sampled = 0, waitMs: Int64 = 0, day = 0
        var lost = 0
        let streams = (0..<sites).map { RandomStream(seed: seed, chunk: UInt64($0), purpose: .screening) }
        while day < p.days || (returning.contains { $0 > 0 } && day < p.days + Self.extraDays) {
            // Called today: an equal share, the remainder to the first sites.
            let calledToday = day < p.days ? people / p.days + (day < people % p.days ? 1 : 0) : 0
            nonisolated(unsafe) var outcomes = [SiteDay](repeating: SiteDay(hours: hours), count: sites)
            let arrivingBySite = (0..<sites).map { s in calledToday / sites + (s < calledToday % sites ? 1 : 0) + returning[s] }
            outcomes.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                Simulation.parallel(sites, threads: threads) { _, s in
                    out[s] = self.playSite(people: arrivingBySite[s], rng: streams[s], arrivals: arrivals, hours: hours)
                }
            }
            for s in 0..<sites {
                let o = outcomes[s]
                counts.append(contentsOf: o.counts)
                sampled += o.sampled
                waitMs += o.waitMs
                returning[s] = o.returning
                lost += o.gaveUp - o.returning
                if o.sampled > 0 { lastSwabMinute = max(lastSwabMinute, Double(day) * 1440 + o.lastSwab) }
            }
            day += 1
        }
        lost += returning.reduce(0, +)
        return Result(parameters: p, people: people, days: day, hours: hours, counts: counts, sampled: sampled, lost: lost,
                      minutesToFinish: sampled > 0 ? lastSwabMinute - Double(open.start) : 0, waitMs: waitMs)
    }

    /// One site's day.
    struct SiteDay {
        var counts: [HourCounts]
        var sampled = 0, gaveUp = 0, returning = 0
        var waitMs: Int64 = 0
        var lastSwab = 0.0
        init(hours: Int) { counts = Array(repeating: HourCounts(), count: hours) }
    }

    private func playSite(people n: Int, rng: RandomStream, arrivals process: ArrivalProcess, hours: Int) -> SiteDay {
        let p = parameters
        var day = SiteDay(hours: hours)
        guard n > 0 else { return day }
        let start = Double(p.opening.start), end = Double(p.opening.end)
        var arrivals: [Double] = []
        arrivals.reserveCapacity(n)
        for _ in 0..<n { arrivals.append(process.arrival(rng)) }
        arrivals.sort()
        // Every person's route is the desks (group 0), then the stations (group 1).
        var c = QueueKernel.Customers()
        c.arrival = arrivals
        c.patience = (0..<n).map { _ in process.patience(rng) }
        c.stages = Array(repeating: 2, count: n)
        c.group = (0..<2 * n).map { UInt16($0 & 1) }
        let (registration, sampling) = (p.registrationSec / 60, p.samplingSec / 60)
        c.serviceMean = (0..<2 * n).map { $0 & 1 == 0 ? registration : sampling }
        var r = QueueKernel.Results()
        QueueKernel(servers: [p.desksPerSite, p.stationsPerSite], distribution: .lognormal(cv: p.serviceCV), ticketCap: nil, maxStages: 2)
            .run(c, closeAt: end, rng: rng, into: &r)
        for i in 0..<n {
            let h = min(hours - 1, Int((arrivals[i] - start) / 60))
            var counts = day.counts[h]
            counts.arrivals += 1
            counts.deskLineSeen += Int(r.queueSeen[2 * i])
            let wait = r.wait[2 * i] + r.wait[2 * i + 1]
            counts.waitMs += ms(wait)
            day.waitMs += ms(wait)
            if r.status[2 * i] == .served {
                counts.stationLineSeen += Int(r.queueSeen[2 * i + 1])
                counts.stationJoins += 1
            }
            if r.status[2 * i + 1] == .served {
                counts.sampled += 1
                day.sampled += 1
                day.lastSwab = max(day.lastSwab, arrivals[i] + wait + r.service[2 * i] + r.service[2 * i + 1])
            } else {
                counts.gaveUp += 1
                day.gaveUp += 1
                if rng.uniform() < p.returnProbability { day.returning += 1 }
            }
            day.counts[h] = counts
        }
        return day
    }
}
