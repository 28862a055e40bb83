import Foundation
import PaodongEngine
import PaodongModel
import PaodongTestSupport
import Testing

/// The queue kernel against queueing theory and against hand-computed cases.
@Suite struct QueueKernelTests {
    /// Erlang C itself against closed forms that do not use it: M/M/1 and M/M/2.
    @Test func erlangCMatchesClosedForms() {
        // M/M/1: P(wait) = ρ, Wq = ρ / (μ − λ).
        #expect(abs(ErlangC.waitProbability(servers: 1, offeredLoad: 0.7) - 0.7) < 1e-12)
        #expect(abs(ErlangC.meanWait(servers: 1, arrivalRate: 0.07, serviceMean: 10) - 0.7 / (0.1 - 0.07)) < 1e-9)
        // M/M/2: P(wait) = 2ρ² / (1 + ρ).
        let rho = 0.8
        #expect(abs(ErlangC.waitProbability(servers: 2, offeredLoad: 2 * rho) - 2 * rho * rho / (1 + rho)) < 1e-12)
    }

    /// Mean wait within 3 % of Erlang C and P(wait > 0) within 0.01, for three (c, ρ) pairs up to
    /// ρ = 0.9; and Little's law (queue length seen by arrivals = λ W). Customer counts are chosen
    /// so that the standard error of the mean wait is about 1 %, making 3 % a three-sigma bound.
    @Test(arguments: [(1, 0.5, 2_000_000), (5, 0.8, 4_000_000), (20, 0.9, 10_000_000)])
    func agreesWithErlangC(servers: Int, rho: Double, customers: Int) {
        let mean = 10.0
        let lambda = rho * Double(servers) / mean
        let q = StationaryQueue(servers: servers, arrivalRate: lambda, serviceMean: mean, distribution: .exponential,
                                customers: customers, seed: 42)
        let s = q.run()
        let wq = ErlangC.meanWait(servers: servers, arrivalRate: lambda, serviceMean: mean)
        let pw = ErlangC.waitProbability(servers: servers, offeredLoad: lambda * mean)
        #expect(abs(s.waitMeanMin - wq) / wq < 0.03, "mean wait \(s.waitMeanMin) vs Erlang C \(wq)")
        #expect(abs(s.probabilityWait - pw) < 0.01, "P(wait) \(s.probabilityWait) vs Erlang C \(pw)")
        #expect(abs(s.utilization - rho) < 0.01)
        #expect(abs(s.queueLengthMean - s.littleLambdaW) / s.littleLambdaW < 0.02,
                "Little: L_q \(s.queueLengthMean) vs λW \(s.littleLambdaW)")
        // The p90 of the wait follows P(W > t) = C e^{-(cμ-λ)t}.
        let p90 = ErlangC.waitQuantile(0.9, servers: servers, arrivalRate: lambda, serviceMean: mean)
        #expect(abs(s.waitP90Min - p90) <= max(0.05 * p90, 0.05))
    }

    /// `paodong queue` computes the stationary queue by the Kiefer–Wolfowitz recursion; it must be
    /// the event kernel's schedule exactly (every statistic bit for bit), so that the agreement
    /// with Erlang C above speaks for the kernel the halls use. Exponential, lognormal and fixed
    /// service; one server near saturation (long lines) and many servers (ties at time 0 freed).
    @Test(arguments: [(1, 0.97, QueueKernel.ServiceDistribution.exponential), (5, 0.8, .lognormal(cv: 0.6)),
                      (40, 0.9, .exponential), (3, 0.7, .lognormal(cv: 0))])
    func recursionIsTheEventKernel(servers: Int, rho: Double, distribution: QueueKernel.ServiceDistribution) {
        let q = StationaryQueue(servers: servers, arrivalRate: rho * Double(servers) / 4, serviceMean: 4, distribution: distribution,
                                customers: 200_000, seed: 7)
        let fast = q.run(), events = q.runEventKernel()
        let pairs: [(String, Double, Double)] = [
            ("mean wait", fast.waitMeanMin, events.waitMeanMin), ("p50", fast.waitP50Min, events.waitP50Min),
            ("p90", fast.waitP90Min, events.waitP90Min), ("p99", fast.waitP99Min, events.waitP99Min),
            ("P(wait)", fast.probabilityWait, events.probabilityWait), ("utilization", fast.utilization, events.utilization),
            ("line", fast.queueLengthMean, events.queueLengthMean), ("λW", fast.littleLambdaW, events.littleLambdaW),
        ]
        for (name, a, b) in pairs { #expect(a.bitPattern == b.bitPattern, "\(name): recursion \(a), kernel \(b)") }
        #expect(fast.probabilityWait > 0.1, "the case must make customers wait")
    }

    /// Deterministic service (CV 0) makes every wait computable by hand.
    @Test func closingPatienceAndTicketCap() {
        var c = QueueKernel.Customers()
        c.arrival = [0, 0, 0, 1]
        c.patience = [.infinity, .infinity, 5, .infinity]
        c.stages = [1, 1, 1, 1]
        c.group = [0, 0, 0, 0]
        c.serviceMean = [10, 10, 10, 10]
        let rng = RandomStream(seed: 1, chunk: 0, purpose: .queue)
        var r = QueueKernel.Results()
        // One window; service may start until minute 15.
        QueueKernel(servers: [1], distribution: .lognormal(cv: 0), ticketCap: nil, maxStages: 1).run(c, closeAt: 15, rng: rng, into: &r)
        #expect(r.status == [.served, .served, .abandoned, .closed])
        #expect(r.wait == [0, 10, 5, 14])
        // A cap of two tickets refuses the later arrivals.
        QueueKernel(servers: [1], distribution: .lognormal(cv: 0), ticketCap: [2], maxStages: 1).run(c, closeAt: 100, rng: rng, into: &r)
        #expect(r.status == [.served, .served, .refused, .refused])
    }

    /// A two-stage route joins the second group when the first service ends.
    @Test func routeThroughTwoGroups() {
        var c = QueueKernel.Customers()
        c.arrival = [0, 2]
        c.patience = [.infinity, .infinity]
        c.stages = [2, 1]
        c.group = [0, 1, 1, 0]
        c.serviceMean = [10, 4, 6, 0]
        let rng = RandomStream(seed: 1, chunk: 0, purpose: .queue)
        var r = QueueKernel.Results()
        QueueKernel(servers: [1, 1], distribution: .lognormal(cv: 0), ticketCap: nil, maxStages: 2).run(c, closeAt: 100, rng: rng, into: &r)
        // Customer 1 is served at group 1 from 2 to 8; customer 0 reaches group 1 at 10 and is served at once.
        #expect(r.status == [.served, .served, .served, .notReached])
        #expect(r.wait == [0, 0, 0, 0])
        #expect(r.service[1] == 4 && r.service[2] == 6)
    }

    /// A miniature's halls play their sessions by the workload recursion (`SessionRecursion`); it
    /// must be the event kernel's schedule exactly. Random sessions with routes of up to four
    /// groups, patience (finite and infinite), ticket caps, a group without windows, and a closing
    /// before the last arrivals, both given the same service times: every status, wait, service
    /// and line found must be bit for bit the same.
    @Test(arguments: [(3, 0.85, 1), (6, 1.1, 2), (20, 0.95, 3), (2, 1.6, 4)])
    func sessionRecursionIsTheEventKernel(windows: Int, load: Double, seed: UInt64) {
        let rng = RandomStream(seed: seed, chunk: 0, purpose: .queue)
        let servers = [windows, 1, 2 * windows, windows, 0]
        let stride = 4, n = 6_000, serviceMean = 8.0
        // Arrivals over 400 minutes at `load` times what the first group can serve.
        let rate = load * Double(windows) / serviceMean
        var c = QueueKernel.Customers()
        var t = 0.0
        var reached = 0, waited = 0
        for _ in 0..<n {
            t += rng.exponential(mean: 1 / rate)
            c.arrival.append(t)
            let u = rng.uniform()
            c.patience.append(u < 0.3 ? .infinity : rng.exponential(mean: 20))
            let stages = 1 + Int(rng.uniformInt(4))
            c.stages.append(UInt8(stages))
            for s in 0..<stride {
                // Mostly the first group; the group without windows rarely.
                let g = s >= stages ? 0 : (rng.uniform() < 0.02 ? 4 : (s == 0 ? 0 : Int(rng.uniformInt(4))))
                c.group.append(UInt16(g))
                c.serviceMean.append(serviceMean)
                c.serviceTime.append(rng.lognormal(zeta: log(serviceMean) - 0.2, sigma: 0.6))
            }
        }
        let closeAt = 0.9 * t
        for cap in [nil, [n / 2, 400, n, n / 3, 5]] as [[Int]?] {
            let kernel = QueueKernel(servers: servers, distribution: .lognormal(cv: 0.6), ticketCap: cap, maxStages: stride)
            var events = QueueKernel.Results(), recursion = QueueKernel.Results()
            kernel.run(c, closeAt: closeAt, rng: rng, into: &events)
            kernel.runRecursion(c, closeAt: closeAt, into: &recursion)
            let differ = events.status.indices.first { k in
                events.status[k] != recursion.status[k] || events.wait[k].bitPattern != recursion.wait[k].bitPattern
                    || events.service[k].bitPattern != recursion.service[k].bitPattern || events.queueSeen[k] != recursion.queueSeen[k]
            }
            #expect(differ == nil, "slot \(differ ?? -1): kernel \(differ.map { (events.status[$0], events.wait[$0], events.queueSeen[$0]) }.debugDescription), recursion \(differ.map { (recursion.status[$0], recursion.wait[$0], recursion.queueSeen[$0]) }.debugDescription)")
            #expect(events.status.count == recursion.status.count)
            for slot in events.status.indices where events.status[slot] != .notReached {
                reached += 1
                if events.wait[slot] > 0 { waited += 1 }
            }
            if cap != nil { #expect(events.status.contains(.refused), "the cap must refuse someone") }
            #expect(events.status.contains(.abandoned) && events.status.contains(.closed))
        }
        #expect(waited * 5 > reached, "the case must make customers wait: \(waited) of \(reached)")
    }
}
