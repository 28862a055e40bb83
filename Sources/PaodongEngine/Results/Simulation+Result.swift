import Histogram
import PaodongModel

extension Simulation {
    /// The run's result once every day is played: the tallies merged, each queue's row, the
    /// under-staffing warnings, waits by hall level and what is still open. The side models add
    /// their own results afterwards (`SideModel.contribute(to:)`).
    func makeResult() -> RunResult {
        let tally = tallies[0]
        for t in tallies.dropFirst() { tally.merge(t) }
        var waits = QueueState.waitHistogram()
        var servedWaitMs: Int64 = 0, served: Int64 = 0
        for q in queues {
            waits.add(q.waits)
            servedWaitMs += q.servedWaitMs
            served += q.served
        }
        let (open, openNeeds) = openApplications()
        return RunResult(
            scenario: context.parameters, districts: context.scenario.districts, catalog: context.catalog, policy: context.policy,
            calendar: context.calendar, threads: threads, residents: context.residents, businesses: context.businesses,
            tally: tally, openApplications: open, openNeeds: openNeeds, queues: queues.map(queueRow), levelWaits: levelWaits(),
            waitMeanMin: served > 0 ? Double(servedWaitMs) / 60_000 / Double(served) : 0,
            waitP50Min: served > 0 ? Double(waits.valueAtPercentile(50)) / 100 : 0,
            waitP90Min: served > 0 ? Double(waits.valueAtPercentile(90)) / 100 : 0,
            waitP99Min: served > 0 ? Double(waits.valueAtPercentile(99)) / 100 : 0,
            initialAdopters: initialAdopters, segmentAgents: segmentAgents, districtAgents: districtAgents,
            warnings: context.layout.warnings + understaffingWarnings(),
            estimatedMemoryBytes: MemoryEstimate(scenario: context.scenario, threads: threads).bytes,
            hotline: [], screening: nil)
    }

    /// One queue's row of queues.csv.
    private func queueRow(_ q: QueueState) -> RunResult.QueueRow {
        let capacity = Double(q.servers * q.openMinutesPerDay * q.openDays)
        let id: String, level: String, district: Int
        var groups: [RunResult.WindowGroupRow] = []
        if q.isKiosk {
            let pool = context.layout.kioskPools[q.index]
            id = "K\(pool.district + 1)-\(q.index + 1)"; level = "kiosk"; district = pool.district
        } else {
            let hall = context.layout.halls[q.index]
            id = "H\(q.index + 1)"; level = hall.level.key; district = hall.district
            groups = hall.groupWindows.indices.map { g in
                let members = hall.departmentGroup.indices.filter { Int(hall.departmentGroup[$0]) == g }
                let served = q.groupJoins[g] - q.groupUnserved[g]
                return RunResult.WindowGroupRow(
                    departments: members.count == hall.departmentGroup.count ? nil : members.map { context.catalog.departments[$0].id },
                    windows: q.groupServers[g], joins: q.groupJoins[g], served: served,
                    utilization: q.groupUtilization(g),
                    waitMeanMin: served > 0 ? Double(q.groupServedWaitMs[g]) / 60_000 / Double(served) : 0)
            }
        }
        let measures = q.groupWithin.indices.map { g in
            RunResult.WindowGroupMeasure(windows: q.groupServers[g], joins: q.groupJoins[g], within: q.groupWithin[g],
                                         hourJoins: Array(q.groupHourJoins[(g * 24)..<(g * 24 + 24)]),
                                         hourServiceMin: Array(q.groupHourServiceMin[(g * 24)..<(g * 24 + 24)]))
        }
        return RunResult.QueueRow(
            id: id, level: level, district: district, windows: q.servers, visits: q.visits, served: q.served,
            unserved: q.unserved, utilization: capacity > 0 ? q.busyMin / capacity : 0,
            groups: q.groupBusyMin.count, maxGroupUtilization: q.maxGroupUtilization,
            waitMeanMin: q.served > 0 ? Double(q.servedWaitMs) / 60_000 / Double(q.served) : 0,
            waitP90Min: q.served > 0 ? Double(q.waits.valueAtPercentile(90)) / 100 : 0, maxQueue: q.maxQueue,
            groupMeasures: measures, windowGroups: groups, openDays: q.openDays)
    }

    /// A window group that turns away a large share of its queue joins (`ModelRules`) is
    /// under-staffed for its load: name it, so that a planner does not read its waits as a result.
    private func understaffingWarnings() -> [String] {
        var warnings: [String] = []
        for q in queues {
            for g in q.groupJoins.indices where q.groupJoins[g] >= ModelRules.understaffedMinimumJoins
                && ModelRules.understaffedUnservedOneIn * q.groupUnserved[g] > q.groupJoins[g] {
                let what: String
                if q.isKiosk {
                    what = "kiosk pool K\(context.layout.kioskPools[q.index].district + 1)-\(q.index + 1)"
                } else {
                    let hall = context.layout.halls[q.index]
                    let departments = hall.departmentGroup.indices.filter { Int(hall.departmentGroup[$0]) == g }
                        .map { context.catalog.departments[$0].id }
                    let district = context.scenario.districts[hall.district].nameEn
                    what = "hall H\(q.index + 1) (\(hall.level.key), \(district)), window group \(g + 1) of \(hall.groupWindows.count) "
                        + "(\(hall.groupWindows[g]) windows; \(departments.count == hall.departmentGroup.count ? "all departments" : departments.joined(separator: ", ")))"
                }
                let share = Double(q.groupUnserved[g]) / Double(q.groupJoins[g])
                warnings.append("\(what): \(q.groupUnserved[g]) of \(q.groupJoins[g]) queue joins unserved (\(Int((share * 100).rounded())) %); its waits and trips are those of an overloaded group")
            }
        }
        return warnings
    }

    /// Waits by hall level (and kiosk pools), for the levels the city has.
    private func levelWaits() -> [RunResult.LevelWaits] {
        var levelWaits: [RunResult.LevelWaits] = []
        for level in HallLevel.allCases.map(\.key) + ["kiosk"] {
            let members = queues.filter { q in q.isKiosk ? level == "kiosk" : context.layout.halls[q.index].level.key == level }
            guard !members.isEmpty else { continue }
            var h = QueueState.waitHistogram()
            for q in members { h.add(q.waits) }
            let served = members.reduce(Int64(0)) { $0 + $1.served }
            let waitMs = members.reduce(Int64(0)) { $0 + $1.servedWaitMs }
            levelWaits.append(RunResult.LevelWaits(
                level: level, halls: members.count, windows: members.reduce(0) { $0 + $1.servers }, served: served,
                unserved: members.reduce(Int64(0)) { $0 + $1.unserved },
                waitMeanMin: served > 0 ? Double(waitMs) / 60_000 / Double(served) : 0,
                waitP50Min: served > 0 ? Double(h.valueAtPercentile(50)) / 100 : 0,
                waitP90Min: served > 0 ? Double(h.valueAtPercentile(90)) / 100 : 0,
                waitP99Min: served > 0 ? Double(h.valueAtPercentile(99)) / 100 : 0))
        }
        return levelWaits
    }

    /// Applications (and their needs) still open at the end. Completed applications may still sit
    /// in a chunk until it compacts; only the others are open. A work permit applied for alone
    /// also holds its residence permit's need, open until that application completes.
    private func openApplications() -> (applications: Int, needs: Int) {
        var open = 0, openNeeds = 0
        for chunk in chunks {
            for i in chunk.apps.indices where chunk.apps[i].stage != .done {
                open += 1
                openNeeds += Int(chunk.apps[i].needs)
                if chunk.apps[i].marks & Application.Marks.opensSecondPermit != 0 { openNeeds += 1 }
            }
            openNeeds += chunk.followUps.count
        }
        return (open, openNeeds)
    }
}
