import Foundation
import PaodongEngine
import PaodongModel

extension CityStaffing {
    /// `staffing.csv`: one row per simulated hall and window group of the recommendation, then one
    /// per hotline line and hour (`kind` hotline, the line in `hall_id`, the hour of the day in
    /// `group`; the business line's is `all`). `joins_per_open_day` counts a miniature's
    /// background visits (a full-size hall's joins). Shares are
    /// pooled over the replications, with 95 % t intervals of the replications' shares when there
    /// are several.
    ///
    /// A row's "now" columns are those of `group_now`, the hall's group that serves the row's
    /// first department today. The groups a district's halls are given now follow each hall's
    /// windows, so one group now (a hall's `shared` one, say) may serve the departments of several
    /// recommended rows and is named on each: a hall's windows are `hall_windows_now` and
    /// `hall_windows_recommended`, never a sum of `windows_now`.
    public func table(_ outcome: Outcome) -> CSVTable {
        var t = CSVTable(header: ["kind", "hall_id", "level", "district", "group", "group_now", "windows_now", "windows_recommended",
                                  "hall_windows_now", "hall_windows_recommended",
                                  "share_within_now", "share_within_now_ci_low", "share_within_now_ci_high",
                                  "share_within_recommended", "share_within_recommended_ci_low", "share_within_recommended_ci_high",
                                  "joins_per_open_day"])
        for (k, h) in outcome.recommended.halls.enumerated() {
            let before = outcome.now.halls[k]
            let hallNow = String(before.groupWindows.reduce(0, +)), hallRecommended = String(h.groupWindows.reduce(0, +))
            for g in h.groupWindows.indices {
                // The group now: the one serving the recommended group's first department.
                let lead = h.departmentGroup.firstIndex { Int($0) == g } ?? 0
                let was = Int(before.departmentGroup[lead])
                var row = ["hall", "H\(h.hall + 1)", h.level.key, scenario.districts[h.district].nameEn, h.groupNames[g], before.groupNames[was],
                           String(before.groupWindows[was]), String(h.groupWindows[g]), hallNow, hallRecommended]
                row += shareColumns(before.share(was), before.replicationShares[was])
                row += shareColumns(h.share(g), h.replicationShares[g])
                row.append(Format.number((1 + h.background) * Double(h.joins[g]) / Double(max(1, h.openDays)), 2))
                t.append(row)
            }
        }
        for (k, l) in outcome.recommended.lines.enumerated() {
            let before = outcome.now.lines[k]
            // The business line has one count for all hours: its share is pooled over them.
            let hours: [Int?] = l.line == .business ? [nil] : (0..<Self.allHours).map { $0 }
            for hour in hours {
                let range = hour.map { $0..<($0 + 1) } ?? 0..<Self.allHours
                let days = hour.map { l.weekdays[$0 / 24] } ?? l.weekdays.reduce(0, +)
                let hourName = hour.map { "\(HotlineParameters.weekdayKeys[$0 / 24]) \($0 % 24)" } ?? "all"
                t.append(["hotline", l.line.key, "hotline", "", hourName, hourName,
                          String(hour.map { before.agents[$0] } ?? (before.agents.max() ?? 0)),
                          String(hour.map { l.agents[$0] } ?? (l.agents.max() ?? 0)), "", ""]
                         + shareColumns(before.share(range), hour.map { before.replicationShares[$0] } ?? [])
                         + shareColumns(l.share(range), hour.map { l.replicationShares[$0] } ?? [])
                         + [Format.number(Double(range.reduce(Int64(0)) { $0 + l.attempts[$1] }) / Double(max(1, days)), 2)])
            }
        }
        return t
    }

    /// A pooled share and the 95 % interval of the replications' shares (blank with fewer than two).
    private func shareColumns(_ pooled: Double, _ shares: [Double?]) -> [String] {
        let values = shares.compactMap { $0 }
        let (_, half) = values.count >= 2 ? Comparison.pairedInterval(values) : (0, nil)
        return [Format.number(pooled, 4), half.map { Format.number(max(0, pooled - $0), 4) } ?? "",
                half.map { Format.number(min(1, pooled + $0), 4) } ?? ""]
    }

    /// The city's windows now and recommended, counted over every full-scale hall (a key without a
    /// simulated hall keeps its windows), and the staff-hours of the run's open hall days.
    public struct Totals: Sendable {
        public var windowsNow: Int
        public var windowsRecommended: Int
        public var staffHoursChange: Double
        public var hotlineAgentHoursNow: Int
        public var hotlineAgentHoursRecommended: Int
        /// Hall window groups meeting the standard in the recommended round, and all of them.
        public var groupsMeeting: Int
        public var groups: Int
        /// Levels and districts with halls in the city but none simulated at this scale (they keep their windows).
        public var notSimulated: [String]
    }

    public func totals(_ outcome: Outcome) -> Totals {
        var now = 0, recommended = 0
        var notSimulated: [String] = []
        let staffedScenario = staffed(outcome.decisions)
        for level in HallLevel.allCases {
            let full = CityLayout.fullScaleWindows(level: level, parameters: scenario.parameters, districts: scenario.districts)
            now += full.joined().reduce(0, +)
            recommended += CityLayout.fullScaleWindows(level: level, parameters: staffedScenario.parameters, districts: scenario.districts).joined().reduce(0, +)
            for (d, halls) in full.enumerated() where !halls.isEmpty && !outcome.now.halls.contains(where: { $0.level == level && $0.district == d }) {
                notSimulated.append("\(level.key) \(scenario.districts[d].nameEn)")
            }
        }
        let hoursPerDay = openMinutes.reduce(0, +) / 60
        // Surge days aside: each weekday's roster times the simulated days of that weekday.
        func agentHours(_ r: Round) -> Int {
            r.lines.reduce(0) { total, l in total + (0..<Self.allHours).reduce(0) { $0 + l.agents[$1] * l.weekdays[$1 / 24] } } / replications
        }
        let (meeting, groups, _, _) = self.meeting(outcome.recommended)
        return Totals(windowsNow: now, windowsRecommended: recommended,
                      staffHoursChange: Double(recommended - now) * hoursPerDay * Double(workingDays),
                      hotlineAgentHoursNow: agentHours(outcome.now), hotlineAgentHoursRecommended: agentHours(outcome.recommended),
                      groupsMeeting: meeting, groups: groups, notSimulated: notSimulated)
    }

    /// `staffed.yaml`: a scenario extending `parent` (a path relative to where it is written) with
    /// the recommended windows by district for every level, and the recommended hotline roster.
    public func staffedYAML(_ outcome: Outcome, parent: String, note: String) -> String {
        let s = staffed(outcome.decisions)
        var lines = ["# Written by paodong staff: \(note).",
                     "extends: \(ScenarioText.quoted(parent))",
                     "name: \(ScenarioText.quoted("\(scenario.parameters.name)-staffed"))",
                     "halls:",
                     "  levels:"]
        for level in HallLevel.allCases {
            let lp = s.parameters.halls.levels[level.rawValue]
            lines.append("    \(level.key):")
            lines.append("      windows_by_district: [\(lp.windowsByDistrict!.map(String.init).joined(separator: ", "))]")
            if let rows = lp.windowsByGroup {
                lines.append("      windows_by_group:")
                for r in rows {
                    lines.append("        - {district: \(ScenarioText.quoted(scenario.districts[r.district].nameEn)), group: \(ScenarioText.quoted(r.group)), windows: \(r.windows)}")
                }
            }
        }
        if let roster = generalRoster(outcome.decisions) {
            lines.append("hotline:")
            lines.append("  general_line_agents: \(roster.agents)")
            lines.append("  # A roster by hour of the week (every weekday set: staffing_by_hour is not used).")
            lines.append("  staffing_by_weekday:")
            for (w, shares) in roster.shares.enumerated() {
                lines.append("    \(HotlineParameters.weekdayKeys[w]): [\(shares.map { Format.number($0, 6) }.joined(separator: ", "))]")
            }
        }
        if let agents = outcome.decisions[.line(.business, hour: Self.allHours)] {
            lines += ["reforms:", "  business_line: {agents: \(agents)}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
