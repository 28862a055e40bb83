import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports

/// `paodong prioritize SCENARIO.yaml --reform R --add N`: which N more items to add to an item
/// reform for the largest saving (`Prioritization`), written as `ranking.csv` and a scenario that
/// extends the input, beside the two choices a planner has without it.
struct PrioritizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prioritize",
        abstract: "Choose the N items to add to an item reform (kiosks, instant_approval, prefill), the N life events to bundle or the N certificate types to pull electronically, for the largest simulated saving.",
        discussion: """
        Screens every eligible item the reform does not reach yet by what it costs now (its expected
        needs a year times its trips or citizen-hours per completed need, in the scenario as
        simulated), simulates the leading 3N in batches of at most N on common random numbers, and
        keeps the N with the largest measured saving. Writes to --out:
        ranking.csv (the chosen items, largest saving first, savings a year at city scale with 95 %
        intervals), prioritized.yaml (the input with the items named in the reform's include and its
        size grown by N), by-volume.yaml (the input with added_by_volume grown by N: the N most-used
        items) and random.yaml (N candidates at random), so that
        `paodong compare SCENARIO.yaml OUT/prioritized.yaml OUT/by-volume.yaml OUT/random.yaml` checks the choice.
        """)

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "The reform to extend: \(Prioritization.reformKeys.joined(separator: ", ")).")
    var reform: String

    @Option(help: "How many items (life events for bundles, certificate types for e_certificates) to add (at least 1).")
    var add: Int

    @Option(help: "What a saving counts: trips or citizen_hours.")
    var metric: String = Prioritization.Objective.trips.rawValue

    @Option(help: "Output directory (default: runs/prioritize-REFORM-SCENARIO). Never overwritten without --force.")
    var out: String?

    @OptionGroup var options: RunOptions

    func validate() throws {
        guard Prioritization.reformKeys.contains(reform) else {
            throw ValidationError("--reform must be one of \(Prioritization.reformKeys.joined(separator: ", ")), found '\(reform)'")
        }
        guard Prioritization.Objective(rawValue: metric) != nil else {
            throw ValidationError("--metric must be one of \(Prioritization.Objective.allCases.map(\.rawValue).joined(separator: ", ")), found '\(metric)'")
        }
        guard add >= 1 && add <= 100_000 else { throw ValidationError("--add must be between 1 and 100000, found \(add)") }
        guard options.overrides.isEmpty else {
            throw ValidationError("prioritize takes no --set: write the changes in a scenario that extends the input, so that prioritized.yaml can extend it too")
        }
    }

    func run() throws {
        Interruption.shared.install()
        let started = Date()
        let runner = ScenarioRunner(options: options)
        let loaded: Scenario
        do { loaded = try runner.load(scenario) } catch { throw fail(error) }
        let job: Prioritization
        do {
            job = try Prioritization(scenario: loaded, reform: reform, add: add, objective: Prioritization.Objective(rawValue: metric)!,
                                     replications: options.replications ?? 3, threads: options.threads)
        } catch let problem as Prioritization.Problem {
            printError("error: \(scenario): \(problem)")
            throw ExitCode(65)
        }
        let name = URL(fileURLWithPath: scenario).deletingPathExtension().lastPathComponent
        let outPath = out ?? "runs/prioritize-\(reform)-\(name)"
        if out == nil { try? FileManager.default.createDirectory(atPath: "runs", withIntermediateDirectories: true) }
        let directory: RunDirectory
        do { directory = try RunDirectory(path: outPath, force: options.force) } catch { throw fail(error) }
        let result: (choices: [Prioritization.Choice], runs: Int)
        do {
            result = try job.run(progress: { if !options.quiet { printError("prioritize: \($0)") } },
                                 cancelled: { Interruption.shared.isSet })
        } catch SimulationError.cancelled {
            directory.discard()
            printError("interrupted: no output written (\(outPath) unchanged)")
            throw interruptedExitCode
        }
        do {
            try directory.write("ranking.csv", job.ranking(result.choices).encoded(excel: options.excel))
            let parent = NotebookCommand.relativePath(from: URL(fileURLWithPath: directory.path).standardizedFileURL.path,
                                                      to: URL(fileURLWithPath: scenario).standardizedFileURL.path)
            let chosen = result.choices.map(\.item)
            let what = job.unitName
            try directory.write("prioritized.yaml", Data(variant(job, parent, "prioritized", units: chosen, chosen: chosen,
                note: "plus the \(chosen.count) \(what) with the largest simulated saving of \(metric) (ranking.csv)").utf8))
            try directory.write("by-volume.yaml", Data(variant(job, parent, "by-volume", units: nil, chosen: chosen,
                note: job.byEvent ? "plus as many bundled items as prioritized.yaml adds, taken by volume (added_by_volume)"
                    : job.byCertificate ? "plus the \(add) most-used certificate types not yet covered"
                    : "plus the \(chosen.count) most-used eligible items (added_by_volume)").utf8))
            try directory.write("random.yaml", Data(variant(job, parent, "random", units: randomCandidates(job, count: chosen.count), chosen: chosen,
                note: "plus \(chosen.count) \(what) it does not reach, at random (a key drawn from each one's id)").utf8))
            try directory.commit()
        } catch {
            directory.discard()
            throw fail(error)
        }
        let trips = result.choices.reduce(0) { $0 + $1.trips.mean }, hours = result.choices.reduce(0) { $0 + $1.citizenHours.mean }
        print("prioritize \(reform) +\(add) by \(metric): \(job.candidates.count) candidates, \(result.runs) runs at scale \(loaded.parameters.scale)")
        print("  the chosen \(job.unitName) save \(Format.number(trips, 0)) trips and \(Format.number(hours, 0)) citizen-hours a year (city scale, sum of each item's measured saving)")
        let scale = (options.scale == 1 ? "" : " --scale \(options.scale)") + (options.seed.map { " --seed \($0)" } ?? "")
        print("  check: paodong compare \(scenario) \(directory.path)/prioritized.yaml \(directory.path)/by-volume.yaml \(directory.path)/random.yaml\(scale)")
        print("wall seconds \(Format.number(Date().timeIntervalSince(started), 1)); output \(directory.path)")
    }

    /// A scenario extending the input with the reform's `include` grown by `units` (or, when nil,
    /// its `added_by_volume` grown by as many items as the prioritized choice adds), its size grown
    /// to hold them.
    private func variant(_ job: Prioritization, _ parent: String, _ suffix: String, units: [Int]?, chosen: [Int], note: String) -> String {
        let reforms = job.scenario.parameters.reforms
        let now = reforms[key: reform]!
        let (size, include, addedByVolume): (Int, [String], Int)
        if let certificates = now as? ElectronicCertificates {
            size = certificates.types + add
            include = certificates.include + (units ?? []).map { job.scenario.catalog.certificates[$0].id }
            addedByVolume = 0
        } else if let bundles = now as? Bundles {
            let grown = job.bundles(job.scenario, adding: units ?? chosen)
            size = grown.items
            include = units == nil ? bundles.selection.include : grown.selection.include
            addedByVolume = bundles.selection.addedByVolume + (units == nil ? grown.items - bundles.items : 0)
        } else {
            // As many as the prioritized choice adds (N, or fewer where its groups cannot hold exactly N).
            let items = now as! any ItemCountReform
            size = items.items + (units ?? chosen).count
            include = items.selection.include + (units ?? []).map { job.scenario.catalog.items[$0].id }
            addedByVolume = items.selection.addedByVolume + (units == nil ? chosen.count : 0)
        }
        var lines = ["# Written by paodong prioritize: \(URL(fileURLWithPath: scenario).lastPathComponent) \(note).",
                     "extends: \(ScenarioText.quoted(parent))",
                     "name: \(ScenarioText.quoted("\(job.scenario.parameters.name)-\(reform)-\(suffix)"))",
                     "reforms:",
                     "  \(reform):",
                     "    \(job.byCertificate ? "types" : "items"): \(size)"]
        if units != nil {
            lines.append("    include: [\(include.joined(separator: ", "))]")
        } else if !job.byCertificate {
            // Electronic certificates take the most-used types beyond those named: more `types` is the volume choice.
            lines.append("    added_by_volume: \(addedByVolume)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `count` candidates in the order of a key drawn from each one's id (purpose `prioritize.random`).
    private func randomCandidates(_ job: Prioritization, count: Int) -> [Int] {
        let catalog = job.scenario.catalog
        let id: (Int) -> String = job.byEvent ? { catalog.lifeEvents[$0].id } : job.byCertificate ? { catalog.certificates[$0].id } : { catalog.items[$0].id }
        return job.candidates
            .map { (KeyedDraw.uniform(seed: catalog.seed, id: id($0), purpose: "prioritize.random"), $0) }
            .sorted { $0 < $1 }.prefix(count).map(\.1)
    }
}
