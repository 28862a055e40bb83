import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports

/// What `paodong run --serve` and `compare --serve` tell the page: the run's shape, one snapshot
/// per simulated day of each scenario and replication, each scenario's final tables, and the end.
///
/// A day's snapshot is read from the simulation between days (`DayViewBuilder`, 0.17 ms a day at
/// full scale); it is encoded and published on a serial queue of its own (0.33 ms a day), off the
/// day loop. Nothing waits on a browser, and no output depends on whether anyone watches.
public final class LiveRun: @unchecked Sendable {
    public let feed = LiveFeed()
    /// Encodes and publishes, in order, beside the simulation.
    private let publisher = DispatchQueue(label: "paodong.live.publish")
    private var builder: DayViewBuilder?
    private var scenario = 0
    private var replication = 1

    /// `names`: the scenarios as the run names them (a compare makes repeated names unique);
    /// `first`: the first scenario, whose days, scale and districts the page shows.
    public init(mode: String, names: [String], first: Scenario, replications: Int) {
        feed.publish("meta", LivePayload.encode(LivePayload.Meta(
            mode: mode, scenarios: names, replications: replications, days: first.parameters.days,
            scale: first.parameters.scale,
            districts: first.districts.map { LivePayload.Meta.District(name: $0.nameEn, nameZh: $0.nameZh) })))
    }

    /// Starts watching `simulation`, replication `replication` (1-based) of scenario `scenario` (0-based).
    public func watch(_ simulation: Simulation, scenario: Int, replication: Int) {
        builder = DayViewBuilder(simulation)
        self.scenario = scenario
        self.replication = replication
    }

    /// Publishes day `day` (1-based, as `Simulation.progress` counts) of the watched simulation.
    /// Call from the progress callback, which runs between days.
    public func dayDone(_ day: Int) {
        guard let builder else { return }
        let view = builder.view(after: day - 1)
        let (feed, scenario, replication) = (self.feed, self.scenario, self.replication)
        publisher.async { feed.publish("day", LivePayload.encode(LivePayload.day(view, scenario: scenario, replication: replication))) }
    }

    /// Publishes a scenario's final tables, once its replications are done.
    public func scenarioDone(_ scenario: Int, name: String, results: [RunResult]) {
        builder = nil
        let feed = self.feed
        publisher.async { feed.publish("final", LivePayload.encode(LivePayload.Final(scenario: scenario, view: RunView(name: name, results: results)))) }
    }

    /// Publishes the end and closes the feed: `out` is the directory written, nil when the run stopped.
    public func end(out: String?) {
        builder = nil
        let feed = self.feed
        publisher.sync {
            feed.publish("end", LivePayload.encode(LivePayload.End(status: out == nil ? "stopped" : "finished", out: out)))
            feed.close()
        }
    }
}
