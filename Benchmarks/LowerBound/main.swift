// paodong-lower-bound SCENARIO.yaml [--threads N] [--scale F]
// Runs `LowerBoundKernel` (the least work a simulated year could cost: needs, items, channels,
// certificates and review days drawn as the model draws them, no queues, no lifecycle) and prints
// one line: seconds for the population, for the year, applications, and applications per second.
// Benchmarks/scaling.sh runs it beside the full model.
import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario

var args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    defer { args.removeSubrange(i...(i + 1)) }
    return args[i + 1]
}
let threads = option("--threads").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
let scale = option("--scale").flatMap(Double.init) ?? 1
guard args.count == 1, threads >= 1, scale > 0 else {
    FileHandle.standardError.write(Data("usage: paodong-lower-bound SCENARIO.yaml [--threads N] [--scale F]\n".utf8))
    exit(64)
}
do {
    var scenario = try ScenarioLoader.load(path: args[0], overrides: [])
    if scale != 1 { scenario = scenario.scaled(by: scale) }
    let r = LowerBoundKernel(scenario: scenario, threads: threads).run()
    let total = r.setupSeconds + r.yearSeconds
    print(String(format: "lower_bound threads=%d setup_s=%.3f year_s=%.3f total_s=%.3f applications=%lld apps_per_s=%.0f review_days=%.0f",
                 threads, r.setupSeconds, r.yearSeconds, total, r.applications, Double(r.applications) / total, r.reviewDays))
} catch {
    FileHandle.standardError.write(Data("paodong-lower-bound: \(error)\n".utf8))
    exit(65)
}
