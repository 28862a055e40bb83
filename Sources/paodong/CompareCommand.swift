import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongServe

/// `paodong compare BASE.yaml A.yaml [B.yaml …]`: paired comparison with common random numbers.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Run a baseline and scenarios with common random numbers and compare them with confidence intervals.")

    @Argument(help: "The baseline scenario, then the scenarios to compare with it.")
    var scenarios: [String]

    @Option(help: "Output directory (default: runs/compare-BASELINE). Never overwritten without --force.")
    var out: String?

    @OptionGroup var options: RunOptions

    @OptionGroup(title: "Live view") var view: ServeOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs a baseline and at least one scenario") }
    }

    func run() throws {
        Interruption.shared.install()
        let runner = ScenarioRunner(options: options)
        let started = Date()
        // The contract's default is 5 replications for a comparison.
        let replications = options.replications ?? 5

        var loaded: [Scenario] = []
        do { for path in scenarios { loaded.append(try runner.load(path)) } } catch { throw fail(error) }
        // Common random numbers: every scenario runs on the baseline's seeds.
        let seed = loaded[0].parameters.seed
        loaded = loaded.map { $0.withSeed(seed) }
        var names: [String] = []
        for s in loaded {
            var name = s.parameters.name, k = 2
            while names.contains(name) { name = "\(s.parameters.name)-\(k)"; k += 1 }
            names.append(name)
        }
        let outPath = out ?? "runs/compare-\(names[0])-seed\(seed)"
        if out == nil { try? FileManager.default.createDirectory(atPath: "runs", withIntermediateDirectories: true) }
        let directory: RunDirectory
        do { directory = try RunDirectory(path: outPath, force: options.force) } catch { throw fail(error) }

        let live = view.serve ? LiveRun(mode: "compare", names: names, first: loaded[0], replications: replications) : nil
        let server: ViewServer?
        do {
            server = try live.map { try view.start(ViewServer.Content(feed: $0.feed, title: "paodong · compare \(names[0])"), what: "live view") }
        } catch { directory.discard(); throw error }

        var results: [[RunResult]] = []
        do {
            for (k, (s, name)) in zip(loaded, names).enumerated() {
                let progress = Progress(label: name, quiet: options.quiet)
                results.append(try runner.simulate(s, replications: replications, progress: progress, live: live, index: k))
                live?.scenarioDone(k, name: name, results: results[k])
            }
        } catch SimulationError.cancelled {
            live?.end(out: nil)
            directory.discard()
            printError("interrupted: no output written (\(outPath) unchanged)")
            throw interruptedExitCode
        }
        let runs = results.map { $0.map(RunReport.metrics) }
        let comparison = Comparison(baseline: (names[0], runs[0]),
                                    scenarios: Array(zip(names.dropFirst(), runs.dropFirst())).map { ($0.0, $0.1) })
        do {
          try runner.finish(directory) {
            for (k, name) in names.enumerated() {
                try directory.makeSubdirectory(name)
                try RunWriter.write(results[k], to: directory, prefix: name + "/", excel: options.excel, threads: options.threads) { _ in
                    Manifest.of(results[k], sourceFiles: loaded[k].sourceFiles, overrides: loaded[k].overrides, threads: options.threads, started: started,
                                version: Paodong.version)
                }
            }
            try directory.write("comparison.csv", comparison.table().encoded(excel: options.excel))
          }
        } catch { live?.end(out: nil); throw error }
        print(ComparisonTable.render(comparison, names: names, wallSeconds: Date().timeIntervalSince(started), out: directory.path))
        if let live, let server {
            live.end(out: directory.path)
            fflush(nil)
            printError("comparison finished; serving its figures at \(server.address) until Ctrl-C")
            ServeOptions.serveUntilInterrupted(server)
        }
    }
}

/// The readable comparison table on standard output.
enum ComparisonTable {
    /// The metrics the table shows: those declared for it, in summary order.
    static let shown = Metric.summary.filter { $0.views.contains(.comparisonTable) }.map { ($0.label, $0.name, $0.displayDigits) }

    static func render(_ c: Comparison, names: [String], wallSeconds: Double, out: String) -> String {
        var lines: [[String]] = [["metric", names[0]] + names.dropFirst().map { "\($0) (Δ, 95% CI)" }]
        for (label, metric, digits) in shown {
            // A metric undefined in every scenario (the screening's, without a campaign) is left out.
            guard let first = c.row(names[1], metric),
                  first.baseline.isFinite || names.dropFirst().contains(where: { c.row($0, metric)?.scenario.isFinite == true }) else { continue }
            var line = [label, Format.number(first.baseline, digits)]
            for name in names.dropFirst() {
                guard let r = c.row(name, metric) else { line.append(""); continue }
                var cell = "\(Format.number(r.scenario, digits)) (\(r.delta >= 0 ? "+" : "")\(Format.number(r.delta, digits)))"
                if r.ciLow.isFinite { cell += " [\(Format.number(r.ciLow, digits)), \(Format.number(r.ciHigh, digits))]" }
                line.append(cell)
            }
            lines.append(line)
        }
        let widths = (0..<lines[0].count).map { col in lines.map { $0[col].count }.max() ?? 0 }
        var text = lines.map { line in
            line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }.joined(separator: "\n")
        if let r = c.rows.first {
            let avoided = c.row(names.last!, "trips_city_year").map { -$0.delta } ?? .nan
            let saved = c.row(names.last!, "citizen_hours_city_year").map { -$0.delta } ?? .nan
            text += "\n\n\(names.last!) against \(names[0]): \(Format.number(avoided, 0)) trips avoided and \(Format.number(saved, 0)) citizen-hours saved per year (city scale), \(r.replications) paired replications."
        }
        text += "\nwall seconds \(Format.number(wallSeconds, 1)); output \(out)"
        return text
    }
}
