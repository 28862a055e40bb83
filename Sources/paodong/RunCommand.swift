import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongServe

/// `paodong run SCENARIO.yaml`: simulate one scenario and write its run directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run one scenario and write its reports.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Output directory (default: runs/NAME-seedSEED). Never overwritten without --force.")
    var out: String?

    @OptionGroup var options: RunOptions

    @OptionGroup(title: "Live view") var view: ServeOptions

    @Flag(help: "Print where the time went on standard error: each phase of the day loop, its busy core-seconds, longest pieces and bound on more threads (docs/performance.md). Changes no output.")
    var profile = false

    func run() throws {
        Interruption.shared.install()
        let runner = ScenarioRunner(options: options)
        let started = Date()
        let loaded: Scenario
        do { loaded = try runner.load(scenario) } catch { throw fail(error) }
        let outPath = out ?? "runs/\(loaded.parameters.name)-seed\(loaded.parameters.seed)"
        if out == nil { try? FileManager.default.createDirectory(atPath: "runs", withIntermediateDirectories: true) }
        let directory: RunDirectory
        do { directory = try RunDirectory(path: outPath, force: options.force) } catch { throw fail(error) }
        let replications = options.replications ?? 1
        let live = view.serve ? LiveRun(mode: "run", names: [loaded.parameters.name], first: loaded, replications: replications) : nil
        let server: ViewServer?
        do {
            server = try live.map { try view.start(ViewServer.Content(feed: $0.feed, title: "paodong · \(loaded.parameters.name)"), what: "live view") }
        } catch { directory.discard(); throw error }
        let progress = Progress(label: loaded.parameters.name, quiet: options.quiet)
        let results: [RunResult]
        let timing = profile ? SimulationProfile(threads: options.threads) : nil
        let simulated = Date()
        do {
            results = try runner.simulate(loaded, replications: replications, progress: progress, profile: timing, live: live)
        } catch SimulationError.cancelled {
            live?.end(out: nil)
            directory.discard()
            printError("interrupted: no output written (\(outPath) unchanged)")
            throw interruptedExitCode
        }
        let writing = Date()
        do {
            try runner.finish(directory) {
                try RunWriter.write(results, to: directory, excel: options.excel, threads: options.threads) { _ in
                    Manifest.of(results, sourceFiles: loaded.sourceFiles, overrides: loaded.overrides, threads: options.threads, started: started, version: Paodong.version)
                }
            }
        } catch { live?.end(out: nil); throw error }
        if let timing {
            let done = Date()
            printError(ProfileTable.render(timing, writingSeconds: done.timeIntervalSince(writing), totalSeconds: done.timeIntervalSince(simulated)))
        }
        print(SummaryTable.render(results, wallSeconds: Date().timeIntervalSince(started), out: directory.path))
        if let live, let server {
            live.scenarioDone(0, name: loaded.parameters.name, results: results)
            live.end(out: directory.path)
            fflush(nil)
            printError("run finished; serving its figures at \(server.address) until Ctrl-C")
            ServeOptions.serveUntilInterrupted(server)
        }
    }
}
