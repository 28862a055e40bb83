import ArgumentParser
import PaodongEngine

/// `paodong staff`: the fewest servers that meet a service standard in a stationary queue: Erlang A
/// (Palm's M/M/c+M) with a patience, Erlang C (M/M/c) without.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Size servers with Erlang A (with --patience-mean) or Erlang C (without): the fewest that serve the target share within the threshold.",
        discussion: """
        For one stationary load (arrivals per minute, mean service minutes). With --patience-mean
        (a call centre whose callers hang up), Erlang A: the share is of all callers, as
        hotline.csv's share_within_standard (callers who hang up count as not answered). Without it
        (a hall's window group, whose customers wait), Erlang C, exact: P(wait ≤ T) =
        1 − C(c, a)·e^(−(cμ − λ)T). Prints the servers and their figures; with --csv, every count
        from five either side of the answer.
        """)

    @Option(help: "Arrivals (calls) per minute.") var arrivalRate: Double
    @Option(help: "Mean minutes of a service (call).") var serviceMean: Double
    @Option(help: "Mean minutes a caller waits before hanging up (Erlang A); leave out for a queue without abandonment (Erlang C).")
    var patienceMean: Double?
    @Option(help: "The answer standard in minutes (15 s = 0.25).") var thresholdMin: Double = 0.25
    @Option(help: "Share of calls to answer within the standard, above 0 and below 1.") var target: Double = 0.8
    @Flag(help: "Print CSV (agents and figures for each count tried).") var csv = false

    func validate() throws {
        guard arrivalRate.isFinite && arrivalRate > 0 && arrivalRate <= 1e6 else { throw ValidationError("--arrival-rate must be a positive number up to 1000000") }
        guard serviceMean.isFinite && serviceMean > 0 && serviceMean <= 1440 else { throw ValidationError("--service-mean must be a positive number of minutes up to 1440") }
        if let patienceMean {
            guard patienceMean.isFinite && patienceMean > 0 && patienceMean <= 1e6 else { throw ValidationError("--patience-mean must be a positive number of minutes up to 1000000") }
        }
        guard thresholdMin.isFinite && thresholdMin >= 0 && thresholdMin <= 1440 else { throw ValidationError("--threshold-min must be from 0 to 1440 minutes") }
        guard target.isFinite && target > 0 && target < 1 else { throw ValidationError("--target must be above 0 and below 1") }
        guard arrivalRate * serviceMean <= 1e6 else { throw ValidationError("the offered load (arrival rate × service mean) must be at most 1000000 agents") }
    }

    /// One server count's figures, as printed.
    struct Row {
        var share: Double, waitProbability: Double, abandonProbability: Double, meanWaitAnswered: Double
    }

    func run() throws {
        let offered = arrivalRate * serviceMean
        let servers: Int, row: (Int) -> Row
        if let patienceMean {
            row = { [arrivalRate, serviceMean, thresholdMin] n in
                let f = ErlangA(agents: n, arrivalRate: arrivalRate, serviceMean: serviceMean, patienceMean: patienceMean).figures(threshold: thresholdMin)
                return Row(share: f.answeredWithin, waitProbability: f.waitProbability, abandonProbability: f.abandonProbability,
                           meanWaitAnswered: f.meanWaitAnswered)
            }
            // n agents answer at most nμ calls a minute, so fewer than target × offered load cannot
            // meet the target: start there.
            servers = fewestServers(from: max(0, Int((target * offered).rounded(.down)) - 1)) { row($0).share >= target }
        } else {
            row = { [arrivalRate, serviceMean, thresholdMin] c in
                let stable = Double(c) > offered
                return Row(share: ErlangC.shareWithin(thresholdMin, servers: c, arrivalRate: arrivalRate, serviceMean: serviceMean),
                           waitProbability: stable ? ErlangC.waitProbability(servers: c, offeredLoad: offered) : 1, abandonProbability: 0,
                           meanWaitAnswered: stable ? ErlangC.meanWait(servers: c, arrivalRate: arrivalRate, serviceMean: serviceMean) : .infinity)
            }
            servers = ErlangC.servers(target: target, within: thresholdMin, arrivalRate: arrivalRate, serviceMean: serviceMean)
        }
        // Erlang A keeps the call centre's words (agents, answered); Erlang C a hall's (servers, served).
        let (noun, within, wait) = patienceMean != nil ? ("agents", "answered within threshold", "wait_mean_answered_min")
                                                       : ("servers", "waited at most threshold", "wait_mean_min")
        if csv {
            print("\(noun),rho,\(patienceMean != nil ? "answered_within_threshold" : "share_within_threshold"),p_wait,p_abandon,\(wait)")
            for c in max(1, servers - 5)...(servers + 5) {
                let f = row(c)
                print([String(c), fmt(offered / Double(c)), fmt(f.share), fmt(f.waitProbability), fmt(f.abandonProbability),
                       fmt(f.meanWaitAnswered)].joined(separator: ","))
            }
            return
        }
        let f = row(servers)
        func line(_ label: String, _ value: String) { print(label.padding(toLength: 28, withPad: " ", startingAt: 0) + value) }
        line(noun, String(servers))
        line("offered load (\(noun))", fmt(offered))
        line("rho", fmt(offered / Double(servers)))
        line(within, fmt(f.share))
        line("p_wait", fmt(f.waitProbability))
        line("p_abandon", fmt(f.abandonProbability))
        line(wait, fmt(f.meanWaitAnswered))
        if patienceMean == nil { line("model", "Erlang C (M/M/c, no abandonment)") }
    }

    private func fmt(_ x: Double) -> String { String(format: "%.6f", x) }
}
