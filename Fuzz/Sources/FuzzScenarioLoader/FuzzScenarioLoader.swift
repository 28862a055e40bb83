import Foundation
import PaodongModel
import PaodongScenario

/// A scratch directory beside the shipped scenarios, so that fuzzed files can `extends:` them and
/// name the shipped data tables: `scratch/shenzhen-2020.yaml` and `scratch/data` are symlinks.
private let scratch: String = {
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for name in ["shenzhen-2020.yaml", "baseline-2012.yaml", "quick.yaml", "data"] {
        try? FileManager.default.createSymbolicLink(at: dir.appendingPathComponent(name),
                                                    withDestinationURL: repo.appendingPathComponent("Scenarios/\(name)"))
    }
    return dir.appendingPathComponent("input.yaml").path
}()

/// The same bytes as a sweep design, beside the scenario (a design names its base scenario
/// relative to itself, so `scenario: quick.yaml` or `scenario: input.yaml` resolve in the scratch
/// directory).
private let designScratch = URL(fileURLWithPath: scratch).deletingLastPathComponent().appendingPathComponent("design.yaml").path

/// One fuzz input: written as a scenario file and loaded, then as a sweep design and loaded.
/// Errors are the expected outcome; a crash, a hang or unbounded memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    _ = FileManager.default.createFile(atPath: scratch, contents: bytes)
    _ = FileManager.default.createFile(atPath: designScratch, contents: bytes)
    do {
        let design = try SweepDesignLoader.load(path: designScratch)
        precondition(design.points.count * design.replications == design.runCount && !design.points.isEmpty)
        precondition(design.points.allSatisfy { $0.count == design.factors.count && $0.allSatisfy(\.isFinite) })
    } catch let e as ScenarioError {
        precondition(!e.issues.isEmpty, "an error without an issue")
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    do {
        let scenario = try ScenarioLoader.load(path: scratch)
        // A scenario that loads must also give a consistent policy.
        let p = scenario.parameters
        let policy = ResolvedReforms(scenario: scenario, kiosksAvailable: p.kiosks.count > 0)
        precondition(policy.flags.count == scenario.catalog.items.count)
    } catch let e as ScenarioError {
        precondition(!e.issues.isEmpty, "an error without an issue")
    } catch {
        preconditionFailure("unexpected error type: \(error)")
    }
    return 0
}

/// SwiftPM links an executable target's entry point as `<module>_main`; hand control to libFuzzer's
/// driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzScenarioLoader_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, { data, size in fuzz(data, size) })
}
