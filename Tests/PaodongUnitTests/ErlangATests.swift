import Foundation
import PaodongEngine
import PaodongModel
import Testing

/// The 12345 hotline's queue against Palm's Erlang A: the formulas against each other and against
/// known limits, then both kernels (call centre, hall) against the formulas.
@Suite struct ErlangATests {
    /// Loads from light to overload (ρ = 1.3), small and large centres.
    static let cases: [(agents: Int, rate: Double, service: Double, patience: Double)] = [
        (10, 1.6, 5, 3), (10, 2.0, 5, 3), (10, 2.6, 5, 3), (100, 19, 5, 2), (3, 0.2, 10, 0.5), (500, 130, 4, 1),
    ]

    /// Palm's closed forms (incomplete gamma, Erlang B) and the birth–death chain are two
    /// computations that share no code: they agree to 1e-9.
    @Test func closedFormsMatchTheChain() {
        for c in ErlangATests.cases {
            let m = ErlangA(agents: c.agents, arrivalRate: c.rate, serviceMean: c.service, patienceMean: c.patience)
            let f = m.figures(threshold: 0.25)
            #expect(abs(m.waitProbabilityPalm - f.waitProbability) < 1e-9, "\(c): P(wait) \(m.waitProbabilityPalm) vs \(f.waitProbability)")
            #expect(abs(m.abandonProbabilityPalm - f.abandonProbability) < 1e-9, "\(c): P(ab) \(m.abandonProbabilityPalm) vs \(f.abandonProbability)")
            // Little's law on the line: L = λ · E[wait of all callers].
            #expect(abs(f.meanLine - c.rate * f.meanWaitAll) < 1e-9 * max(1, f.meanLine))
            // Conservation: answered = λ(1 − P(ab)) = busy agents / service time.
            #expect(f.answeredWithin <= 1 - f.abandonProbability + 1e-12)
        }
    }

    /// Known limits: very patient callers make it Erlang C; one agent with n·μ ≫ λ never waits.
    @Test func limits() {
        let c = ErlangA(agents: 5, arrivalRate: 0.4, serviceMean: 10, patienceMean: 1e7)
        let erlangC = ErlangC.waitProbability(servers: 5, offeredLoad: 4)
        #expect(abs(c.waitProbabilityPalm - erlangC) < 1e-4)
        #expect(abs(c.figures(threshold: 0).meanWaitAnswered - ErlangC.meanWait(servers: 5, arrivalRate: 0.4, serviceMean: 10)) < 1e-3)
        // Erlang B in closed form for two servers: B = a²/2 / (1 + a + a²/2).
        let a = 1.5
        let b = ErlangA(agents: 2, arrivalRate: a, serviceMean: 1, patienceMean: 1).erlangB
        #expect(abs(b - (a * a / 2) / (1 + a + a * a / 2)) < 1e-12)
        // Impatient callers (patience → 0) are lost exactly as in Erlang B: P(ab) → B.
        let lossy = ErlangA(agents: 2, arrivalRate: a, serviceMean: 1, patienceMean: 1e-6)
        #expect(abs(lossy.abandonProbabilityPalm - b) < 1e-5)
    }

    /// The call-centre kernel within 3 % of Erlang A: P(wait), P(abandon), mean wait of those
    /// answered, the share answered within 15 s. Caller counts make 3 % about three standard errors
    /// (seeds 1, 2, 7, 9 of 10⁶ callers at 100 agents spread P(wait) by 2 % (sd); a large centre's
    /// busy periods are long, so it gets 4 × 10⁶).
    @Test(arguments: [0, 1, 2, 3])
    func callCentreAgreesWithErlangA(index: Int) {
        let c = ErlangATests.cases[index]
        let m = ErlangA(agents: c.agents, arrivalRate: c.rate, serviceMean: c.service, patienceMean: c.patience)
        let f = m.figures(threshold: 0.25)
        let s = StationaryCallCentre(agents: c.agents, arrivalRate: c.rate, serviceMean: c.service, patienceMean: c.patience,
                                     customers: c.agents >= 100 ? 4_000_000 : 2_000_000, thresholdMin: 0.25, seed: 7).run()
        let sim = s.simulated
        #expect(abs(sim.waitProbability / f.waitProbability - 1) < 0.03, "\(c): P(wait) \(sim.waitProbability) vs \(f.waitProbability)")
        #expect(abs(sim.abandonProbability / f.abandonProbability - 1) < 0.03, "\(c): P(ab) \(sim.abandonProbability) vs \(f.abandonProbability)")
        #expect(abs(sim.meanWaitAnswered / f.meanWaitAnswered - 1) < 0.03, "\(c): W|answered \(sim.meanWaitAnswered) vs \(f.meanWaitAnswered)")
        #expect(abs(sim.answeredWithin / f.answeredWithin - 1) < 0.03, "\(c): within 15 s \(sim.answeredWithin) vs \(f.answeredWithin)")
        // Busy agents = answered calls × service time (ρ(1 − P(ab)) per agent).
        #expect(abs(s.utilization / (m.rho * (1 - f.abandonProbability)) - 1) < 0.02)
    }

    /// The hall kernel's reneging is the same model: with exponential patience it is M/M/n+M too.
    @Test func hallKernelRenegingAgreesWithErlangA() {
        let (n, lambda, mean, patience) = (10, 2.2, 5.0, 3.0)
        let arrivals = RandomStream(seed: 3, chunk: 0, purpose: .needs), draws = RandomStream(seed: 3, chunk: 1, purpose: .needs)
        var c = QueueKernel.Customers()
        var t = 0.0
        for _ in 0..<1_000_000 {
            t += arrivals.exponential(mean: 1 / lambda)
            c.arrival.append(t)
            c.patience.append(draws.exponential(mean: patience))
        }
        c.stages = Array(repeating: 1, count: c.arrival.count)
        c.group = Array(repeating: 0, count: c.arrival.count)
        c.serviceMean = Array(repeating: mean, count: c.arrival.count)
        var r = QueueKernel.Results()
        QueueKernel(servers: [n], distribution: .exponential, ticketCap: nil, maxStages: 1)
            .run(c, closeAt: .infinity, rng: RandomStream(seed: 3, chunk: 0, purpose: .queue), into: &r)
        let abandoned = r.status.filter { $0 == .abandoned }.count
        let served = zip(r.status, r.wait).filter { $0.0 == .served }
        let pAb = Double(abandoned) / Double(c.arrival.count)
        let waitServed = served.reduce(0) { $0 + $1.1 } / Double(served.count)
        let f = ErlangA(agents: n, arrivalRate: lambda, serviceMean: mean, patienceMean: patience).figures(threshold: 0)
        #expect(abs(pAb / f.abandonProbability - 1) < 0.03, "P(ab) \(pAb) vs \(f.abandonProbability)")
        #expect(abs(waitServed / f.meanWaitAnswered - 1) < 0.03, "W|served \(waitServed) vs \(f.meanWaitAnswered)")
    }

    /// The roster, closed periods and redials, where counts can be reasoned out exactly.
    @Test func rosterClosedPeriodsAndRedials() {
        let rng = RandomStream(seed: 5, chunk: 0, purpose: .queue)
        var r = CallCentre.Results()
        // No agent in the first hour: every call then is closed; one agent after: all answered
        // (patience effectively infinite, one call at a time spaced far apart).
        let arrival: [Double] = [10, 20, 70, 500, 900]
        let kind = [UInt8](repeating: 0, count: arrival.count)
        let centre = CallCentre(agents: [0, 1], periodMinutes: 60, serviceMean: [0.001], patienceMean: 1e9,
                                redialProbability: 0, redialDelayMean: 1, lastArrival: 1440, thresholdMin: 0.25)
        arrival.withUnsafeBufferPointer { a in kind.withUnsafeBufferPointer { k in centre.run(arrival: a, kind: k, rng: rng, into: &r) } }
        #expect(r.status == [.closed, .closed, .answered, .answered, .answered])
        #expect(r.periods[0].closed == 2 && r.periods[1].answered == 3 && r.periods[1].answeredWithin == 3)

        // One agent busy for ever, impatient callers who always redial until the day ends: each
        // call's attempts are its hang-ups plus one, and every attempt is counted once.
        let busy = CallCentre(agents: [1], periodMinutes: 1440, serviceMean: [1e12], patienceMean: 1, redialProbability: 1,
                              redialDelayMean: 5, lastArrival: 600, thresholdMin: 0.25)
        let many = (0..<50).map { Double($0) }
        let kinds = [UInt8](repeating: 0, count: many.count)
        many.withUnsafeBufferPointer { a in kinds.withUnsafeBufferPointer { k in busy.run(arrival: a, kind: k, rng: rng, into: &r) } }
        let p = r.periods[0]
        #expect(r.status[0] == .answered && r.status.dropFirst().allSatisfy { $0 == .abandoned })
        #expect(p.attempts == r.attempts.reduce(0) { $0 + Int($1) })
        #expect(p.attempts == p.answered + p.abandoned + p.closed)
        #expect(r.attempts.dropFirst().allSatisfy { $0 > 1 }, "every caller redialled at least once before minute 600")
    }
}
