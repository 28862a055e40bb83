import ArgumentParser
import PaodongEngine

/// `paodong staff`: the fewest agents for which Palm's Erlang A meets an answer standard.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Size a call centre's agents with Erlang A: the fewest that answer the target share of calls within the threshold.",
        discussion: """
        For one hour's load (calls per minute, mean call minutes, mean patience minutes). The share is
        of all callers, as hotline.csv's share_within_standard (callers who hang up count as not
        answered). Prints the agents and their Erlang A figures; with --csv, every agent count from
        five agent counts either side of the answer.
        """)

    @Option(help: "Calls per minute.") var arrivalRate: Double
    @Option(help: "Mean minutes of a call.") var serviceMean: Double
    @Option(help: "Mean minutes a caller waits before hanging up.") var patienceMean: Double
    @Option(help: "The answer standard in minutes (15 s = 0.25).") var thresholdMin: Double = 0.25
    @Option(help: "Share of calls to answer within the standard, above 0 and below 1.") var target: Double = 0.8
    @Flag(help: "Print CSV (agents and figures for each count tried).") var csv = false

    func validate() throws {
        guard arrivalRate.isFinite && arrivalRate > 0 && arrivalRate <= 1e6 else { throw ValidationError("--arrival-rate must be a positive number up to 1000000") }
        guard serviceMean.isFinite && serviceMean > 0 && serviceMean <= 1440 else { throw ValidationError("--service-mean must be a positive number of minutes up to 1440") }
        guard patienceMean.isFinite && patienceMean > 0 && patienceMean <= 1e6 else { throw ValidationError("--patience-mean must be a positive number of minutes up to 1000000") }
        guard thresholdMin.isFinite && thresholdMin >= 0 && thresholdMin <= 1440 else { throw ValidationError("--threshold-min must be from 0 to 1440 minutes") }
        guard target.isFinite && target > 0 && target < 1 else { throw ValidationError("--target must be above 0 and below 1") }
        guard arrivalRate * serviceMean <= 1e6 else { throw ValidationError("the offered load (arrival rate × service mean) must be at most 1000000 agents") }
    }

    func run() throws {
        let offered = arrivalRate * serviceMean
        func figures(_ n: Int) -> ErlangA.Figures {
            ErlangA(agents: n, arrivalRate: arrivalRate, serviceMean: serviceMean, patienceMean: patienceMean).figures(threshold: thresholdMin)
        }
        // n agents answer at most nμ calls a minute, so fewer than target × offered load cannot meet
        // the target: start there. The share answered within the threshold grows with the agents:
        // step up doubling, then bisect. O(log n) evaluations of O(n) each.
        var low = max(0, Int((target * offered).rounded(.down)) - 1)   // fails the target (or is 0)
        var step = 1
        var high = low + step
        while figures(high).answeredWithin < target {
            low = high
            step *= 2
            high = low + step
        }
        while high - low > 1 {
            let mid = (low + high) / 2
            if figures(mid).answeredWithin >= target { high = mid } else { low = mid }
        }
        let agents = high
        if csv {
            print("agents,rho,answered_within_threshold,p_wait,p_abandon,wait_mean_answered_min")
            for a in max(1, agents - 5)...(agents + 5) {
                let f = figures(a)
                print([String(a), fmt(offered / Double(a)), fmt(f.answeredWithin), fmt(f.waitProbability), fmt(f.abandonProbability),
                       fmt(f.meanWaitAnswered)].joined(separator: ","))
            }
            return
        }
        let f = figures(agents)
        print("agents                      \(agents)")
        print("offered load (agents)       \(fmt(offered))")
        print("rho                         \(fmt(offered / Double(agents)))")
        print("answered within threshold   \(fmt(f.answeredWithin))")
        print("p_wait                      \(fmt(f.waitProbability))")
        print("p_abandon                   \(fmt(f.abandonProbability))")
        print("wait_mean_answered_min      \(fmt(f.meanWaitAnswered))")
    }

    private func fmt(_ x: Double) -> String { String(format: "%.6f", x) }
}
