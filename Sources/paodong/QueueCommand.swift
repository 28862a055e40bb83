import ArgumentParser
import PaodongEngine

/// `paodong queue`: the queue kernel alone, stationary, for checks against queueing theory.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Run a queue kernel alone (M/M/c, M/G/c, or M/M/n+M with --patience-mean) and print its statistics beside queueing theory.",
        discussion: """
        Without --patience-mean: the hall kernel, with infinite patience, beside Erlang C.
        With --patience-mean: the call-centre kernel of the 12345 hotline (exponential service and
        patience, no redials), beside Palm's Erlang A formulas; any load, overload included.
        """)

    enum Distribution: String, ExpressibleByArgument, CaseIterable { case exponential, lognormal }

    @Option(help: "Servers (windows).") var servers: Int
    @Option(help: "Arrivals per minute.") var arrivalRate: Double
    @Option(help: "Mean service time in minutes.") var serviceMean: Double
    @Option(help: "Service time distribution.") var serviceDistribution: Distribution = .exponential
    @Option(help: "Coefficient of variation of lognormal service.") var serviceCv: Double = 0.8
    @Option(help: "Mean patience in minutes: runs the call-centre kernel (M/M/n+M) against Erlang A.") var patienceMean: Double?
    @Option(help: "With --patience-mean: the answer standard in minutes (15 s = 0.25).") var thresholdMin: Double = 0.25
    @Option(help: "Customers to simulate.") var customers: Int = 1_000_000
    @Option(help: "Seed.") var seed: UInt64 = 1
    @Flag(help: "Print CSV (header and one row) instead of a table.") var csv = false

    func validate() throws {
        guard servers >= 1 && servers <= 100_000 else { throw ValidationError("--servers must be between 1 and 100000") }
        guard arrivalRate.isFinite && arrivalRate > 0 else { throw ValidationError("--arrival-rate must be a positive number") }
        guard serviceMean.isFinite && serviceMean > 0 else { throw ValidationError("--service-mean must be a positive number") }
        guard serviceCv.isFinite && serviceCv >= 0 && serviceCv <= 10 else { throw ValidationError("--service-cv must be from 0 to 10") }
        // About 50 bytes per customer are held at once: 100 M customers is 5 GB.
        guard customers >= 1 && customers <= 100_000_000 else { throw ValidationError("--customers must be between 1 and 100000000") }
        if let p = patienceMean {
            guard p.isFinite && p > 0 && p <= 1_000_000 else { throw ValidationError("--patience-mean must be a positive number of minutes up to 1000000") }
            guard serviceDistribution == .exponential else { throw ValidationError("--patience-mean runs Erlang A, whose service is exponential: drop --service-distribution") }
            guard thresholdMin.isFinite && thresholdMin >= 0 else { throw ValidationError("--threshold-min must be a number of minutes, 0 or more") }
            return
        }
        guard arrivalRate * serviceMean < Double(servers) else {
            throw ValidationError("the queue is unstable: arrival rate × service mean = \(arrivalRate * serviceMean) must be below servers = \(servers)")
        }
    }

    func run() throws {
        if let patience = patienceMean { return printErlangA(patience: patience) }
        let q = StationaryQueue(servers: servers, arrivalRate: arrivalRate, serviceMean: serviceMean,
                                distribution: serviceDistribution == .exponential ? .exponential : .lognormal(cv: serviceCv),
                                customers: customers, seed: seed)
        let s = q.run()
        let fields: [(String, String)] = [
            ("servers", "\(servers)"), ("arrival_rate_per_min", "\(arrivalRate)"), ("service_mean_min", "\(serviceMean)"),
            ("service_distribution", serviceDistribution.rawValue), ("customers", "\(s.customers)"), ("rho", fmt(q.rho)),
            ("wait_mean_min", fmt(s.waitMeanMin)), ("wait_p50_min", fmt(s.waitP50Min)), ("wait_p90_min", fmt(s.waitP90Min)),
            ("wait_p99_min", fmt(s.waitP99Min)), ("p_wait", fmt(s.probabilityWait)), ("utilization", fmt(s.utilization)),
            ("queue_length_mean", fmt(s.queueLengthMean)), ("little_lambda_w", fmt(s.littleLambdaW)),
            ("erlang_c_wait_mean_min", s.erlangCWaitMeanMin.map(fmt) ?? ""),
            ("erlang_c_p_wait", s.erlangCProbabilityWait.map(fmt) ?? ""),
        ]
        if csv {
            print(fields.map(\.0).joined(separator: ","))
            print(fields.map(\.1).joined(separator: ","))
        } else {
            let w = fields.map { $0.0.count }.max() ?? 0
            for (k, v) in fields where !v.isEmpty { print(k.padding(toLength: w, withPad: " ", startingAt: 0) + "  " + v) }
        }
    }

    /// The call-centre kernel beside Palm's formulas (closed forms where Palm gives them, the chain otherwise).
    private func printErlangA(patience: Double) {
        let centre = StationaryCallCentre(agents: servers, arrivalRate: arrivalRate, serviceMean: serviceMean, patienceMean: patience,
                                          customers: customers, thresholdMin: thresholdMin, seed: seed)
        let s = centre.run().simulated
        let model = ErlangA(agents: servers, arrivalRate: arrivalRate, serviceMean: serviceMean, patienceMean: patience)
        let f = model.figures(threshold: thresholdMin)
        let rows: [(String, Double, Double)] = [
            ("p_wait", s.waitProbability, model.waitProbabilityPalm),
            ("p_abandon", s.abandonProbability, model.abandonProbabilityPalm),
            ("wait_mean_answered_min", s.meanWaitAnswered, f.meanWaitAnswered),
            ("wait_mean_all_min", s.meanWaitAll, f.meanWaitAll),
            ("answered_within_threshold", s.answeredWithin, f.answeredWithin),
            ("line_mean", s.meanLine, f.meanLine),
        ]
        let head: [(String, String)] = [
            ("agents", "\(servers)"), ("arrival_rate_per_min", "\(arrivalRate)"), ("service_mean_min", "\(serviceMean)"),
            ("patience_mean_min", "\(patience)"), ("threshold_min", "\(thresholdMin)"), ("customers", "\(customers)"), ("rho", fmt(model.rho)),
        ]
        if csv {
            print((head.map(\.0) + rows.flatMap { [$0.0, "erlang_a_" + $0.0] }).joined(separator: ","))
            print((head.map(\.1) + rows.flatMap { [fmt($0.1), fmt($0.2)] }).joined(separator: ","))
        } else {
            for (k, v) in head { print(k.padding(toLength: 26, withPad: " ", startingAt: 0) + "  " + v) }
            print("figure".padding(toLength: 26, withPad: " ", startingAt: 0) + "  " + "simulated".padding(toLength: 12, withPad: " ", startingAt: 0) + "  Erlang A")
            for (k, sim, palm) in rows {
                print(k.padding(toLength: 26, withPad: " ", startingAt: 0) + "  " + fmt(sim).padding(toLength: 12, withPad: " ", startingAt: 0) + "  " + fmt(palm))
            }
        }
    }

    private func fmt(_ x: Double) -> String { String(format: "%.6f", x) }
}
