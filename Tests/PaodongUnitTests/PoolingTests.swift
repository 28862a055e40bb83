import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// The pooling effect of one window (一窗通办): Longgang's district hall had 92 departmental windows
/// before its 2016 reform and 59 pooled windows after, and reported much shorter waits.
@Suite struct PoolingTests {
    struct HallDay {
        var waitSum = 0.0
        var served = 0
    }

    /// Simulates `days` hall-days of the same arrivals (same times, same departments) through the
    /// given window groups; returns the mean wait of served visits.
    static func meanWait(groups: [Int], departmentGroup: [UInt8], serviceMean: Double, shares: [Double],
                         visitsPerDay: Double, days: Int, profile: [Double], seed: UInt64) -> Double {
        let arrivals = RandomStream(seed: seed, chunk: 0, purpose: .needs)
        let service = RandomStream(seed: seed, chunk: 1, purpose: .queue)
        let departments = DiscreteTable(weights: shares)
        let hours = DiscreteTable(weights: profile)
        let kernel = QueueKernel(servers: groups, distribution: .lognormal(cv: 0.8), ticketCap: nil, maxStages: 1)
        var total = HallDay()
        var r = QueueKernel.Results()
        for _ in 0..<days {
            // Opening hours 09-12 and 14-18: hour k of the day's seven starts at these minutes.
            let starts = [540.0, 600, 660, 840, 900, 960, 1020]
            var visits: [(Double, Int)] = []
            for _ in 0..<arrivals.poisson(visitsPerDay) {
                let h = arrivals.discrete(hours)
                visits.append((starts[h] + 60 * arrivals.uniform(), arrivals.discrete(departments)))
            }
            visits.sort { $0 < $1 }
            for (start, end) in [(540.0, 720.0), (840.0, 1080.0)] {
                var c = QueueKernel.Customers()
                for v in visits where v.0 >= start && v.0 < end {
                    c.arrival.append(v.0)
                    c.patience.append(.infinity)
                    c.stages.append(1)
                    c.group.append(UInt16(departmentGroup[v.1]))
                    c.serviceMean.append(serviceMean)
                }
                kernel.run(c, closeAt: end + 30, rng: service, into: &r)
                for (k, s) in r.status.enumerated() where s == .served {
                    total.waitSum += r.wait[k]
                    total.served += 1
                }
            }
        }
        return total.waitSum / Double(max(1, total.served))
    }

    /// The pooling effect at equal capacity: the district hall's 59 windows split into departmental
    /// groups by expected load (docs/model.md, "Departments and window groups") against the same 59 windows pooled, the same arrivals
    /// (flat over the day, 85 % busy) and the same service times. Pooling must cut the mean wait by half.
    ///
    /// Longgang's own comparison (92 departmental windows staffed by department, not by load, against
    /// 59 pooled) is `LonggangTests`, on the scenario pair.
    @Test func pooledWindowsHalveTheWaitAtEqualCapacity() throws {
        let scenario = try ScenarioLoader.load(path: CLI.scenario("baseline-2012.yaml"))
        let load = SimulationContext(scenario: scenario).departmentLoad[HallLevel.district.rawValue]
        let shares = load.map { $0 / load.reduce(0, +) }
        let windows = 59
        let (deptGroups, deptMap) = WindowGroupPolicy.groups(windows: windows, load: load, oneWindow: false, minWindows: scenario.parameters.halls.groupMinWindows)
        let (poolGroups, poolMap) = WindowGroupPolicy.groups(windows: windows, load: load, oneWindow: true, minWindows: scenario.parameters.halls.groupMinWindows)
        #expect(deptGroups.reduce(0, +) == windows && deptGroups.count > 5)
        #expect(poolGroups == [windows])
        // A flat arrival profile isolates pooling from the morning peak, when any hall is over capacity.
        let profile = Array(repeating: 1.0, count: 7)
        let mean = scenario.parameters.halls.windowServiceMeanMin
        let visits = 0.85 * Double(windows) * 420 / mean
        let departmental = Self.meanWait(groups: deptGroups, departmentGroup: deptMap, serviceMean: mean, shares: shares,
                                         visitsPerDay: visits, days: 60, profile: profile, seed: 3)
        let pooled = Self.meanWait(groups: poolGroups, departmentGroup: poolMap, serviceMean: mean, shares: shares,
                                   visitsPerDay: visits, days: 60, profile: profile, seed: 3)
        #expect(departmental > 1, "the departmental hall must be busy enough to queue: \(departmental) min")
        #expect(pooled <= 0.5 * departmental, "pooled \(pooled) min vs departmental \(departmental) min")
    }
}
