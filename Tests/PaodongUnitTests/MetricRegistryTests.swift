import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario
import PaodongTestSupport
import Testing

/// The metric registry: every declared metric has a unique name and a value on a real run, and
/// summary.csv carries exactly the declared metrics in order.
@Suite struct MetricRegistryTests {
    @Test func everyDeclaredMetricHasAValue() throws {
        let names = Metric.summary.map(\.name)
        #expect(Set(names).count == names.count, "duplicate metric names")
        #expect(RunReport.summaryHeader == ["scenario", "replication", "seed"] + names)
        for c in Channel.allCases { #expect(names.contains("share_\(c.key)"), "channel \(c.key) has no share column") }
        // 2 % of the city for 60 days: every level's halls serve, every mechanism occurs; with a
        // (small) screening campaign, so that its metrics are defined too.
        var s = try ScenarioLoader.load(path: CLI.scenario("screening-luohu-paper.yaml")).scaled(by: 2)
        s.parameters.days = 60
        s.parameters.screening?.populationShare = 0.01
        s.parameters.screening?.sites = 10
        let result = try Simulation(scenario: s, threads: 2).run()
        for metric in Metric.summary {
            let v = metric.value(result)
            #expect(v.isFinite, "metric \(metric.name) has no value")
            #expect(!metric.formatted(v).isEmpty, "metric \(metric.name) formats to nothing")
        }
        let row = RunReport.summaryRow(result, replication: 1)
        #expect(row.count == RunReport.summaryHeader.count)
        // Shares over channels add up to one.
        let shares = Metric.channelShares.map { $0.value(result) }.reduce(0, +)
        #expect(abs(shares - 1) < 1e-9)
    }
}
