import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario

/// `paodong sweep DESIGN.yaml`: every run of a design (points × replications), or one shard of
/// them, with progress, resumption and the sweep's tables.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a parameter sweep (grid, Latin hypercube or Morris) over any numeric scenario keys.")

    @Argument(help: "The design file (YAML): scenario, scale, replications, seed, method, factors.")
    var design: String

    @Option(help: "Output directory (default: runs/sweep-DESIGN, or runs/sweep-DESIGN-shard-K-of-N).")
    var out: String?

    @Option(help: ArgumentHelp("Run only the runs whose index ≡ K−1 (mod N) and write a part for paodong merge.", valueName: "K/N"))
    var shard: String?

    @Option(help: "Worker threads per run (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Replace an existing output directory (only after the sweep succeeded).")
    var force = false

    @Flag(help: "Finish an interrupted sweep: keep the runs it finished and run the others.")
    var resume = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Flag(help: "Check the design and every point's scenario, print the runs, run nothing.")
    var dryRun = false

    func validate() throws {
        guard threads >= 1 && threads <= 1024 else { throw ValidationError("--threads must be between 1 and 1024, found \(threads)") }
        if let shard, Self.parseShard(shard) == nil {
            throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, found \(shard)")
        }
    }

    static func parseShard(_ text: String) -> (k: Int, n: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n, n <= 1_000_000 else { return nil }
        return (k, n)
    }

    func run() throws {
        Interruption.shared.install()
        let world = MPIWorld.start()
        defer { world.finish() }
        let started = Date()
        let sweep: SweepDesign
        do { sweep = try SweepDesignLoader.load(path: design) } catch { throw fail(error) }
        if dryRun {
            guard world.isRoot else { return }
            print("\(design): ok; \(sweep.method.rawValue), \(sweep.points.count) points × \(sweep.replications) replications = \(sweep.runCount) runs of \(sweep.scenario) at scale \(sweep.scale)")
            for f in sweep.factors { print("  \(f.key): \(f.text(f.low)) … \(f.text(f.high))") }
            return
        }
        let part = shard.flatMap(Self.parseShard) ?? (1, 1)
        let name = URL(fileURLWithPath: design).deletingPathExtension().lastPathComponent
        let outPath = out ?? "runs/sweep-\(name)" + (shard == nil ? "" : "-shard-\(part.0)-of-\(part.1)")
        if out == nil && world.isRoot { try? FileManager.default.createDirectory(atPath: "runs", withIntermediateDirectories: true) }
        let key: String
        do { key = SweepReport.key(sweep, base: try SweepDesignLoader.scenario(sweep, point: 0).parameters) } catch { throw fail(error) }
        // This shard's runs, and among them this rank's share.
        let shardRuns = (0..<sweep.runCount).filter { $0 % part.1 == part.0 - 1 }
        let mine = shardRuns.enumerated().filter { $0.offset % world.size == world.rank }.map(\.element)

        let runs = try openWork(world, output: outPath, key: key, part: part)
        var failure = simulate(sweep, runs: mine, into: runs, world)
        // This rank's rows, read back (saved a moment ago, or found whole on --resume): one removed
        // since fails the sweep like a failed run, on every rank, before anyone waits to gather.
        var mineTable = CSVTable(header: ["index"] + SweepReport.header(sweep))
        for index in mine where failure == 0 {
            guard let row = runs.row(index, of: sweep) else {
                failure = fail(RunDirectory.Failure.cannotCreate(runs.file(index), "run \(index + 1)'s saved row disappeared during the sweep")).rawValue
                break
            }
            mineTable.append([String(index)] + row)
        }
        // Every rank learns whether any failed; then nobody writes an output that looks complete.
        let worst = world.maximum(Int(failure))
        if worst != 0 {
            if world.isRoot {
                printError("\(worst == Int(interruptedExitCode.rawValue) ? "interrupted" : "failed"): the finished runs are kept in \(runs.path); run again with --resume to finish")
            }
            throw ExitCode(Int32(worst))
        }
        // The root gathers every rank's rows (by run index) and writes the sweep.
        guard let gathered = world.gather(mineTable.encoded()) else { return }
        var rowsByIndex: [Int: [String]] = [:]
        for data in gathered {
            for row in CSVRows.parse(String(decoding: data, as: UTF8.self)).dropFirst() { rowsByIndex[Int(row[0])!] = Array(row.dropFirst()) }
        }
        let rows = shardRuns.map { rowsByIndex[$0]! }
        let directory: RunDirectory
        do { directory = try RunDirectory(path: outPath, force: force) } catch { throw fail(error) }
        do {
            try SweepOutput.write(sweep, key: key, indices: shardRuns, rows: rows, shard: shard == nil ? nil : part, to: directory,
                                  started: started, threads: threads, ranks: world.size)
            try directory.commit()
        } catch {
            directory.discard()
            throw fail(error)
        }
        runs.remove()
        print("sweep \(name): \(shardRuns.count) runs (\(sweep.points.count) points × \(sweep.replications) replications\(shard.map { ", shard \($0)" } ?? "")\(world.size > 1 ? ", \(world.size) MPI ranks" : "")); wall seconds \(Format.number(Date().timeIntervalSince(started), 1)); output \(directory.path)")
    }

    /// The work folder beside the output that keeps finished runs, one file per run, so that an
    /// interrupted sweep resumes where it stopped and never looks complete. The root checks and
    /// creates it; the other ranks join it once the root has.
    private func openWork(_ world: MPIWorld, output outPath: String, key: String, part: (Int, Int)) throws -> SweepWork {
        var work: SweepWork? = nil
        var setupFailure: ExitCode? = nil
        if world.isRoot {
            do { work = try SweepWork(output: outPath, key: key, shard: "\(part.0)/\(part.1)", resume: resume, force: force) }
            catch { setupFailure = fail(error) }
        }
        if world.maximum(setupFailure == nil ? 0 : 1) != 0 { throw setupFailure ?? ExitCode(73) }
        return work ?? SweepWork(joining: outPath)
    }

    /// Simulates this rank's runs not yet in `runs`, saving each as it finishes; the exit code of
    /// the first failure or interruption, which stops the loop, or 0.
    private func simulate(_ sweep: SweepDesign, runs mine: [Int], into runs: SweepWork, _ world: MPIWorld) -> Int32 {
        let label = world.size > 1 ? "rank \(world.rank): " : ""
        // A saved run counts only when its file holds the row it should (a file cut short or edited
        // since runs again).
        var saved = Set<Int>()
        for index in mine where runs.has(index) {
            if runs.row(index, of: sweep) != nil { saved.insert(index) } else {
                printError("\(label)run \(index + 1)'s saved row in \(runs.file(index)) is damaged; it runs again")
            }
        }
        let progress = SweepProgress(total: mine.count, done: saved.count, quiet: quiet, label: label)
        var failure: Int32 = 0
        for index in mine where !saved.contains(index) {
            let p = index / sweep.replications, r = index % sweep.replications + 1
            progress.starting(point: p + 1, replication: r)
            do {
                let scenario = try SweepDesignLoader.scenario(sweep, point: p)
                let simulation = Simulation(scenario: scenario.withSeed(sweep.seed(replication: r)), threads: threads)
                simulation.isCancelled = { Interruption.shared.isSet }
                let result = try simulation.run()
                try runs.save(index, SweepReport.row(sweep, point: p, replication: r, result: result))
            } catch SimulationError.cancelled {
                failure = interruptedExitCode.rawValue
                break
            } catch {
                printError("error: \(progress.label)run \(index + 1) (point \(p + 1), replication \(r)) failed")
                failure = fail(error).rawValue
                break
            }
            progress.finished()
        }
        return failure
    }
}

/// The finished runs of a sweep in progress: `<parent>/.<name>.sweep-work/` holds the design key
/// and one CSV line per finished run.
struct SweepWork {
    let path: String
    private let runs: String

    init(output: String, key: String, shard: String, resume: Bool, force: Bool) throws {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sweep-work").path
        runs = path + "/runs"
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) && !force { throw RunDirectory.Failure.exists(url.path) }
        let stamp = "\(key) \(shard)\n"
        if fm.fileExists(atPath: path) {
            guard resume else {
                throw RunDirectory.Failure.cannotCreate(path, "an interrupted sweep is kept here; pass --resume to finish it, or remove it")
            }
            let found = (try? String(contentsOfFile: path + "/key.txt", encoding: .utf8)) ?? ""
            guard found == stamp else {
                throw RunDirectory.Failure.cannotCreate(path, "the interrupted sweep kept here is of another design or shard; remove it to start again")
            }
        } else {
            do {
                try fm.createDirectory(atPath: runs, withIntermediateDirectories: true)
                try stamp.write(toFile: path + "/key.txt", atomically: true, encoding: .utf8)
            } catch { throw RunDirectory.Failure.cannotCreate(path, error.localizedDescription) }
        }
    }

    /// The work folder the root created, joined by another MPI rank.
    init(joining output: String) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        path = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sweep-work").path
        runs = path + "/runs"
        try? FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
    }

    func file(_ index: Int) -> String { runs + "/\(index).csv" }
    func has(_ index: Int) -> Bool { FileManager.default.fileExists(atPath: file(index)) }

    /// Saves a finished run's row, atomically (a run interrupted while saving is not kept).
    func save(_ index: Int, _ row: [String]) throws {
        // One CSV line: a table whose header is the row, encoded like every other table.
        do { try CSVTable(header: row).encoded().write(to: URL(fileURLWithPath: file(index)), options: .atomic) }
        catch { throw RunDirectory.Failure.cannotCreate(path, error.localizedDescription) }
    }

    /// The saved row of run `index` of `sweep`, if its file holds exactly one row of sweep.csv's
    /// width whose point, replication and seed are that run's; nil for a file missing, cut short or
    /// edited.
    func row(_ index: Int, of sweep: SweepDesign) -> [String]? {
        guard let text = try? String(contentsOfFile: file(index), encoding: .utf8) else { return nil }
        let rows = CSVRows.parse(text)
        guard rows.count == 1, let row = rows.first, row.count == SweepReport.header(sweep).count,
              Array(row.prefix(3)) == SweepReport.runKey(index: index, replications: sweep.replications, seed: sweep.seed) else { return nil }
        return row
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Progress over runs on standard error: done, running, estimated time left.
final class SweepProgress {
    let total: Int
    private(set) var done: Int
    let quiet: Bool
    /// Names the rank in an MPI sweep ("rank 2: ").
    let label: String
    private let started = Date()
    private var ranHere = 0

    init(total: Int, done: Int, quiet: Bool, label: String) {
        self.total = total; self.done = done; self.quiet = quiet; self.label = label
    }

    func starting(point: Int, replication: Int) {
        guard !quiet else { return }
        var line = "\(label)sweep: \(done)/\(total) runs done; running point \(point) replication \(replication)"
        if ranHere > 0 {
            let left = Date().timeIntervalSince(started) / Double(ranHere) * Double(total - done)
            line += String(format: "; about %.0f s left", left)
        }
        printError(line)
    }

    func finished() { done += 1; ranHere += 1 }
}
