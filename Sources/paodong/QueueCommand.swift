import ArgumentParser
import PaodongEngine

/// `paodong queue`: the queue kernel alone, stationary, for checks against queueing theory.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue", abstract: "Run the queue kernel alone (M/M/c or M/G/c) and print wait statistics.")

    enum Distribution: String, ExpressibleByArgument, CaseIterable { case exponential, lognormal }

    @Option(help: "Servers (windows).") var servers: Int
    @Option(help: "Arrivals per minute.") var arrivalRate: Double
    @Option(help: "Mean service time in minutes.") var serviceMean: Double
    @Option(help: "Service time distribution.") var serviceDistribution: Distribution = .exponential
    @Option(help: "Coefficient of variation of lognormal service.") var serviceCv: Double = 0.8
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
        guard arrivalRate * serviceMean < Double(servers) else {
            throw ValidationError("the queue is unstable: arrival rate × service mean = \(arrivalRate * serviceMean) must be below servers = \(servers)")
        }
    }

    func run() throws {
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

    private func fmt(_ x: Double) -> String { String(format: "%.6f", x) }
}
