import Foundation
import PaodongModel

/// What a run will need in memory, estimated from the scenario before anything is allocated, so
/// that a run too big for the machine is refused with a clear message instead of being killed.
public struct MemoryEstimate: Sendable {
    public let bytes: Int

    /// O(1) apart from the catalog size. The largest terms are the agents (`Population.Agent`) and
    /// the applications in flight: needs per day × the days they stay open (approval, retries,
    /// collection; twice the mean as a margin) × twice an application's bytes (its record and its
    /// due day, and as many finished ones again waiting for the chunk to compact); then each day's
    /// visits (the request, its outcome, its queue entry and the kernel's per-customer arrays, for
    /// up to two visits per need) and one tally per thread.
    public init(scenario: Scenario, threads: Int) {
        let p = scenario.parameters
        let residents = (Double(p.population.residents) * p.scale).rounded()
        let businesses = (Double(p.population.businesses) * p.scale).rounded()
        let agents = residents + businesses
        let needsPerDay = (residents * p.demand.needsPerResidentYear + businesses * p.demand.needsPerBusinessYear) / 365
        let peakSeason = (p.demand.monthlyProfile.max() ?? 1) / max(1e-9, p.demand.monthlyProfile.reduce(0, +) / 12)
        let openDays = 2 * (p.process.approvalMeanDays * 7 / 5 + 10)
        let application = Double(2 * (MemoryLayout<Application>.stride + MemoryLayout<Int32>.stride))
        let inFlight = needsPerDay * peakSeason * openDays * application
        let visit = Double(MemoryLayout<VisitRequest>.stride + MemoryLayout<VisitOutcome>.stride
                           + MemoryLayout<(chunk: Int32, visit: Int32)>.stride + QueueKernel.Customers.bytesPerCustomer)
        let visits = needsPerDay * peakSeason * 2 * visit
        let items = Double(scenario.catalog.items.count)
        let tallies = Double(max(1, threads)) * Double(MemoryLayout<Int64>.stride) * (items * Double(Tally.itemStride)
            + Double(p.days * Tally.dayStride) + Double(Tally.Total.allCases.count + Segment.slots * Tally.segmentStride)
            + Double(scenario.districts.count * Tally.districtStride))
        let queues = Double(p.halls.levels.reduce(0) { $0 + $1.halls }) * 64 * 1024
        let fixed = 64.0 * 1024 * 1024
        // The hotline: each line's counts per day and hour, and a day's calls at full size (a few
        // times the background calls, for surges and redials) in the line's working arrays.
        let hotlineCounts = Double(2 * p.days * 24 * MemoryLayout<CallCentre.PeriodCounts>.stride)
        let hotlineDay = 4 * p.hotline.backgroundCallsPerDay * max(1, p.hotline.surge.factor) * 64
        // A screening: its counts per site, day (calling days and up to `extraDays` more) and
        // opening hour, and one site-day's people in the kernel at a time per thread.
        var screening = 0.0
        if let sc = p.screening {
            let hours = Double((sc.opening.minutes + 59) / 60)
            screening = Double(sc.sites) * Double(sc.days + ScreeningCampaign.extraDays) * hours
                * Double(MemoryLayout<ScreeningCampaign.HourCounts>.stride)
        }
        bytes = Int(agents * Double(MemoryLayout<Population.Agent>.stride) + inFlight + visits + tallies + queues + items * 512 + fixed
                    + hotlineCounts + hotlineDay + screening)
    }

    /// Memory this process may use: `limit` if the caller sets one (the command line's
    /// `PAODONG_MEMORY_LIMIT_BYTES`), else MemAvailable from /proc/meminfo, else nil (unknown: no check).
    public static func available(limit: Int? = nil) -> Int? {
        if let limit, limit > 0 { return limit }
        guard let meminfo = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let parts = line.split(separator: " ")
            if parts.count >= 2, let kb = Int(parts[1]) { return kb * 1024 }
        }
        return nil
    }

    public static func format(_ bytes: Int) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        return gib >= 1 ? String(format: "%.1f GiB", gib) : String(format: "%.0f MiB", Double(bytes) / Double(1 << 20))
    }
}
