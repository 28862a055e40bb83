import Foundation
import PaodongEngine

/// The table `run --profile` prints on standard error: each phase's wall time, share, busy
/// core-seconds, how well the threads were used, the longest pieces summed over days, and the
/// phase's bound on 2 … 16 threads (see `SimulationProfile`).
enum ProfileTable {
    static func render(_ profile: SimulationProfile, writingSeconds: Double, totalSeconds: Double) -> String {
        typealias Phase = SimulationProfile.Phase
        let n = SimulationProfile.boundThreads
        let head = ["phase", "wall_s", "share", "busy_core_s", "threads_used", "longest_s"] + n.map { "bound_\($0)t_s" }
        var rows: [[String]] = []
        func s(_ x: Double, _ d: Int = 3) -> String { String(format: "%.\(d)f", x) }
        // Set-up's serial part, bucketing, merge and writing are not split into pieces: their bound
        // is their wall time (conservative for the writing, whose encoding is parallel). The
        // population's synthesis is a phase of pieces (chunks) like the day loop's.
        // The lines run beside the phases: the loop takes at least as long as the lines' chain of
        // days (with set-up, merge and writing), and its own phases bound it apart from the wait.
        var bound = [Double](repeating: writingSeconds, count: n.count)
        let serial = [Phase.setup, .bucketing, .screening, .merge]
        for phase in Phase.allCases {
            let p = phase.rawValue
            let wall = profile.wall[p], busy = profile.busy[p]
            let parallel = !serial.contains(phase) && phase != .hotlineWait
            if phase != .hotline && phase != .hotlineWait { for i in n.indices { bound[i] += parallel ? profile.bounds[p][i] : wall } }
            rows.append([phase.label,
                         phase == .hotline ? "-" : s(wall),
                         phase == .hotline ? "-" : s(wall / totalSeconds * 100, 1) + " %",
                         parallel ? s(busy) : "-",
                         parallel && phase != .hotline && wall > 0 ? s(busy / wall, 2) : "-",
                         parallel ? s(profile.longest[p]) : "-"]
                        + n.indices.map { parallel ? s(profile.bounds[p][$0]) : "-" })
        }
        let chain = writingSeconds + profile.wall[Phase.setup.rawValue] + profile.wall[Phase.screening.rawValue]
            + profile.wall[Phase.merge.rawValue] + profile.busy[Phase.hotline.rawValue]
        bound = bound.enumerated().map { max($1, chain + profile.bounds[Phase.synthesis.rawValue][$0]) }
        rows.append(["reports written", s(writingSeconds), s(writingSeconds / totalSeconds * 100, 1) + " %", "-", "-", "-"] + n.map { _ in "-" })
        rows.append(["total", s(totalSeconds), "100.0 %", "-", "-", "-"] + bound.map { s($0) })
        let widths = head.indices.map { c in ([head] + rows).map { $0[c].count }.max()! }
        func line(_ r: [String]) -> String {
            r.enumerated().map { c, v in c == 0 ? v.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                                             : String(repeating: " ", count: widths[c] - v.count) + v }.joined(separator: "  ")
        }
        let note = """
            threads: \(profile.threads); threads_used = busy ÷ wall; longest_s: each day's longest piece, summed; \
            bound_Nt_s: Σ over days of max(busy ÷ N, longest piece), the phase's time on N threads if only its \
            pieces held it back (set-up's serial part, bucketing, the screening campaign, merge and writing counted at their wall \
            time, the population's synthesis by its pieces; the hotline lines count in busy but not in the bounds, since on \
            4 threads or more they play beside the phases, and the total is at least their chain of days with set-up, \
            the screening campaign, merge and writing)
            """
        return ([line(head)] + rows.map(line) + [note]).joined(separator: "\n")
    }
}
