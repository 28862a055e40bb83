import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports

/// The city form of `paodong staff`: every hall and hotline line of a scenario (`CityStaffing`).
extension StaffCommand {
    func validateCity() throws {
        guard arrivalRate == nil && serviceMean == nil && patienceMean == nil && !csv else {
            throw ValidationError("--arrival-rate, --service-mean, --patience-mean and --csv belong to the stationary form; a scenario's loads come from its simulation")
        }
        guard let thresholdMin, let target else {
            throw ValidationError("a scenario needs the standard: --threshold-min T (minutes) and --target A (share)")
        }
        guard thresholdMin.isFinite && thresholdMin >= 0 && thresholdMin <= 1440 else { throw ValidationError("--threshold-min must be from 0 to 1440 minutes, found \(thresholdMin)") }
        guard target.isFinite && target > 0 && target < 1 else { throw ValidationError("--target must be above 0 and below 1, found \(target)") }
        guard hotlineTarget.isFinite && hotlineTarget > 0 && hotlineTarget < 1 else {
            throw ValidationError("--hotline-target must be above 0 and below 1, found \(hotlineTarget)")
        }
        guard !check || out == nil else { throw ValidationError("--check writes nothing: leave out --out") }
        guard (1...100).contains(maxRounds) else { throw ValidationError("--max-rounds must be between 1 and 100, found \(maxRounds)") }
        guard options.overrides.isEmpty else {
            throw ValidationError("staff takes no --set: write the changes in a scenario that extends the input, so that staffed.yaml can extend it too")
        }
    }

    func runCity() throws {
        let path = scenario!
        Interruption.shared.install()
        let started = Date()
        let runner = ScenarioRunner(options: options)
        let loaded: Scenario
        do { loaded = try runner.load(path) } catch { throw fail(error) }
        // Departments' own windows are one count for every hall of a level; the staffing writes
        // windows district by district, so it does not size them (say so rather than drop them).
        if let level = HallLevel.allCases.first(where: { loaded.parameters.halls.levels[$0.rawValue].ownWindows?.isEmpty == false }) {
            printError("error: \(path): key 'halls.levels.\(level.key).own_windows': paodong staff sizes pooled and departmental window groups district by district, not departments' own windows; allowed: a scenario without own_windows (give such a department a windows_by_group row instead, with one_window off)")
            throw ExitCode(65)
        }
        let job = CityStaffing(scenario: loaded, thresholdMin: thresholdMin!, target: target!, hotlineTarget: hotlineTarget,
                               replications: options.replications ?? 1, threads: options.threads, maxRounds: maxRounds)
        if check { return try runCheck(job, path: path) }
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let outPath = out ?? "runs/staff-\(name)"
        if out == nil { try? FileManager.default.createDirectory(atPath: "runs", withIntermediateDirectories: true) }
        let directory: RunDirectory
        do { directory = try RunDirectory(path: outPath, force: options.force) } catch { throw fail(error) }
        let outcome: CityStaffing.Outcome
        do {
            outcome = try job.run(progress: { if !options.quiet { printError("staff: \($0)") } }, cancelled: { Interruption.shared.isSet })
        } catch SimulationError.cancelled {
            directory.discard()
            printError("interrupted: no output written (\(outPath) unchanged)")
            throw interruptedExitCode
        } catch let problem as CityStaffing.Problem {
            directory.discard()
            printError("error: \(path): \(problem)")
            if case .notSettled = problem { throw ExitCode(75) }
            throw ExitCode(65)
        }
        let parent = NotebookCommand.relativePath(from: URL(fileURLWithPath: directory.path).standardizedFileURL.path,
                                                  to: URL(fileURLWithPath: path).standardizedFileURL.path)
        let standard = "every window group serves \(Format.number(target! * 100, 1)) % of its queue joins within \(Format.number(thresholdMin!, 2)) min"
        do {
            try directory.write("staffing.csv", job.table(outcome).encoded(excel: options.excel))
            try directory.write("staffed.yaml", Data(job.staffedYAML(outcome, parent: parent,
                note: "\(URL(fileURLWithPath: path).lastPathComponent) with the fewest windows by level and district such that \(standard), and the hotline roster answering \(Format.number(hotlineTarget * 100, 1)) % of each hour's attempts within its standard (scale \(loaded.parameters.scale), seed \(loaded.parameters.seed), \(job.replications) replication\(job.replications == 1 ? "" : "s"))").utf8))
            try directory.commit()
        } catch {
            directory.discard()
            throw fail(error)
        }
        let totals = job.totals(outcome)
        print("staff \(path): \(standard); \(outcome.rounds) refinement round\(outcome.rounds == 1 ? "" : "s") at scale \(loaded.parameters.scale)")
        print("  windows (whole city): \(totals.windowsNow) now, \(totals.windowsRecommended) recommended (\(totals.windowsRecommended - totals.windowsNow >= 0 ? "+" : "")\(totals.windowsRecommended - totals.windowsNow))")
        let hours = totals.staffHoursChange
        print("  window staff-hours over the \(loaded.parameters.days) simulated days: \(Format.number(abs(hours), 0)) \(hours <= 0 ? "saved" : "needed")")
        print("  hall window groups meeting the standard: \(totals.groupsMeeting) of \(totals.groups) (\(Format.number(Double(totals.groupsMeeting) / Double(max(1, totals.groups)) * 100, 1)) %)")
        if !totals.notSimulated.isEmpty {
            print("  not simulated at scale \(loaded.parameters.scale), windows kept: \(totals.notSimulated.count) level-district halls (\(totals.notSimulated.prefix(6).joined(separator: ", "))\(totals.notSimulated.count > 6 ? ", …" : "")); staff at scale 1 to size them all")
        }
        if totals.hotlineAgentHoursNow > 0 {
            let change = totals.hotlineAgentHoursRecommended - totals.hotlineAgentHoursNow
            print("  hotline agent-hours over the simulated days: \(totals.hotlineAgentHoursNow) now, \(totals.hotlineAgentHoursRecommended) recommended (\(change >= 0 ? "+" : "")\(change))")
        }
        let scale = (options.scale == 1 ? "" : " --scale \(options.scale)") + (options.seed.map { " --seed \($0)" } ?? "")
        print("  check: paodong run \(directory.path)/staffed.yaml\(scale)")
        print("wall seconds \(Format.number(Date().timeIntervalSince(started), 1)); output \(directory.path)")
    }

    /// `--check`: the scenario as it is against the standard.
    private func runCheck(_ job: CityStaffing, path: String) throws {
        let round: CityStaffing.Round
        do {
            round = try job.check(cancelled: { Interruption.shared.isSet })
        } catch SimulationError.cancelled {
            throw interruptedExitCode
        }
        let m = job.meeting(round)
        print("staff --check \(path): \(m.groups) of \(m.of) hall window groups (\(Format.number(Double(m.groups) / Double(max(1, m.of)) * 100, 1)) %) serve \(Format.number(target! * 100, 1)) % of their queue joins within \(Format.number(thresholdMin!, 2)) min")
        if m.ofLineHours > 0 {
            print("  hotline: \(m.lineHours) of \(m.ofLineHours) line hours answer \(Format.number(hotlineTarget * 100, 1)) % of their attempts within the standard")
        }
        for h in round.halls {
            for g in h.groupWindows.indices where h.share(g) < target! {
                print("  misses: H\(h.hall + 1) (\(job.name(h.key(g)))): \(h.groupWindows[g]) windows, \(Format.number(h.share(g), 4)) within")
            }
        }
    }
}
