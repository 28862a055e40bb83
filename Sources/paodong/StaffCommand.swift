import ArgumentParser
import PaodongEngine

/// `paodong staff`: the fewest servers that meet a service standard, for one stationary queue
/// (Erlang A with a patience, Erlang C without) or for a scenario's halls and hotline
/// (`CityStaffing`, in StaffCommand+City.swift).
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Size servers for a service standard: one stationary queue (Erlang A or C), or every hall and hotline line of a scenario (simulated).",
        discussion: """
        Stationary form: paodong staff --arrival-rate L --service-mean M [--patience-mean P]
        [--threshold-min T] [--target A]. With --patience-mean (a call centre whose callers hang
        up), Erlang A: the share is of all callers, as hotline.csv's share_within_standard (callers
        who hang up count as not answered). Without it (a hall's window group, whose customers
        wait), Erlang C, exact: P(wait ≤ T) = 1 − C(c, a)·e^(−(cμ − λ)T). Prints the servers and
        their figures; with --csv, every count from five either side of the answer.

        City form: paodong staff SCENARIO.yaml --threshold-min T --target A [--hotline-target H]
        [--scale F] [--replications R] [--out DIR]. The fewest windows for each window group of
        each level's halls in each district (the groups the scenario has now: a department's own
        windows or the shared ones; under one window, the hall's pooled windows) such that every
        group serves at least A of its queue joins within T minutes over the run, and the fewest
        general-line agents in each hour of the week (and business-line agents) answering at least H
        of the attempts within the scenario's hotline.answer_standard_sec. Starts from the
        simulated year's load by hour (Erlang C for halls, Erlang A for lines), then re-simulates
        on the same seeds, adding where the standard is missed and removing where it holds, until
        a round changes nothing (at most --max-rounds). Writes staffing.csv (every hall group and
        line hour: now and recommended, with the share within the standard) and staffed.yaml (the
        input extended with halls.levels.<level>.windows_by_group and windows_by_district and the
        roster; `paodong run OUT/staffed.yaml` at the same scale and seed meets the standard).
        Staff at the scale you will run: a miniature's level without
        a simulated hall in a district keeps that district's windows. With --check, only measures
        the scenario as it is against the standard and prints what meets it (exit 0 either way).
        Exit 65 names a hall or line that no count within 10000 meets; exit 75 says which did not
        settle within --max-rounds (nothing written).
        """)

    @Argument(help: "A scenario file (YAML) for the city form; leave out for the stationary form.")
    var scenario: String?

    @Option(help: "Stationary form: arrivals (calls) per minute.") var arrivalRate: Double?
    @Option(help: "Stationary form: mean minutes of a service (call).") var serviceMean: Double?
    @Option(help: "Stationary form: mean minutes a caller waits before hanging up (Erlang A); leave out for a queue without abandonment (Erlang C).")
    var patienceMean: Double?
    @Option(help: "The standard in minutes: a wait of at most this long (stationary default 0.25, 15 s; required for a scenario).")
    var thresholdMin: Double?
    @Option(help: "Share of arrivals to serve within the standard, above 0 and below 1 (stationary default 0.8; required for a scenario).")
    var target: Double?
    @Flag(help: "Stationary form: print CSV (agents and figures for each count tried).") var csv = false

    @Option(help: "City form: share of each hotline hour's attempts to answer within hotline.answer_standard_sec, above 0 and below 1.")
    var hotlineTarget: Double = 0.8
    @Option(help: "City form: most simulated refinement rounds (1 to 100).") var maxRounds: Int = 40
    @Flag(help: "City form: only measure the scenario as it is against the standard (e.g. a staffed.yaml) and print how many window groups and line hours meet it; writes nothing.")
    var check = false
    @Option(help: "City form: output directory (default: runs/staff-SCENARIO). Never overwritten without --force.")
    var out: String?
    @OptionGroup var options: RunOptions

    func validate() throws {
        if scenario != nil { return try validateCity() }
        guard let arrivalRate, let serviceMean else {
            throw ValidationError("give a scenario file (city form) or --arrival-rate and --service-mean (stationary form)")
        }
        let thresholdMin = self.thresholdMin ?? 0.25, target = self.target ?? 0.8
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
        if scenario != nil { return try runCity() }
        let arrivalRate = self.arrivalRate!, serviceMean = self.serviceMean!
        let thresholdMin = self.thresholdMin ?? 0.25, target = self.target ?? 0.8
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
