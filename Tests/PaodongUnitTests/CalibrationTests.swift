import Foundation
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// shenzhen-2020 against the seed's published figures, each computed from the generated catalog and
/// the scenario's reforms (never read from a constant of the code).
@Suite struct CalibrationTests {
    static func load(_ name: String) throws -> (Scenario, ResolvedReforms) {
        let s = try ScenarioLoader.load(path: CLI.scenario(name))
        return (s, ResolvedReforms(scenario: s, kiosksAvailable: s.parameters.kiosks.count > 0))
    }

    @Test func shenzhen2020MatchesTheSeed() throws {
        let (s, policy) = try Self.load("shenzhen-2020.yaml")
        let items = s.catalog.items
        #expect(items.count == 7786)
        // 100 % of items can be done online.
        #expect(policy.count(.web) == items.count)
        // 99.92 % of items need at most one trip; 94.05 % of licensing items need none.
        #expect(abs(policy.itemsShareAtMostOneTrip - 0.9992) <= 0.0005, "\(policy.itemsShareAtMostOneTrip)")
        let zero = policy.licensingItemsShareZeroTrip(s.catalog)
        #expect(abs(zero - 0.9405) <= 0.003, "\(zero)")
        // The app: 95 % of personal and 70 % of business items.
        for (audience, target) in [(Audience.personal, 0.95), (.business, 0.70)] {
            let ids = items.indices.filter { items[$0].audience == audience }
            let share = Double(ids.filter { policy.channels[$0].contains(.mobile) }.count) / Double(ids.count)
            #expect(abs(share - target) < 0.001, "\(audience.key): \(share)")
        }
        // 393 electronic certificate types covering 90 % of certificate use.
        #expect(policy.certificateCovered.filter { $0 }.count == 393)
        #expect(abs(policy.certificateUseCovered(s.catalog) - 0.90) <= 0.01)
        #expect(policy.count(.instant) == 278)
        #expect(policy.count([.prefill, .instant]) == 58)
        #expect(policy.count(.prefill) == 58)
        // Whole life events only: the count is met as closely as the events' sizes allow.
        #expect(abs(policy.bundledItemCount(s.catalog) - 1327) <= 1)
        #expect(policy.count(.kiosk) == 182)
        #expect(policy.count(.crossCityKiosk) == 718)
    }

    @Test func plan2021AddsTwoHundredBundleAndNoSenseItems() throws {
        let (_, p2020) = try Self.load("shenzhen-2020.yaml")
        let (s, p2021) = try Self.load("plan-2021.yaml")
        #expect(abs(p2021.bundledItemCount(s.catalog) - (p2020.bundledItemCount(s.catalog) + 200)) <= 1)
        #expect(p2021.bundledItemCount(s.catalog) <= 1527)
        // The 2021 additions are the most-used: each added item has more expected needs than any
        // item left out that could have been taken.
        let needs = s.expectedNeeds
        let added = s.catalog.items.indices.filter { p2021.flags[$0].contains(.prefill) && !p2020.flags[$0].contains(.prefill) }
        let left = s.catalog.items.indices.filter { !p2021.flags[$0].contains(.prefill) && Prefill.eligible(s.catalog.items[$0]) }
        #expect(added.count == 200)
        #expect((added.map { needs[$0] }.min() ?? 0) >= (left.map { needs[$0] }.max() ?? 0))
        for i in s.catalog.items.indices where p2020.flags[i].contains(.instant) { #expect(p2021.flags[i].contains(.instant)) }
        for e in s.catalog.lifeEvents.indices where p2020.bundledEvents[e] { #expect(p2021.bundledEvents[e]) }
        #expect(p2021.count(.prefill) == p2020.count(.prefill) + 200)
        // No-sense items are pre-filled and decided instantly (秒报秒批一体化).
        #expect(p2021.count([.prefill, .instant]) == p2021.count(.prefill))
        // A bigger reform contains the smaller one.
        for i in s.catalog.items.indices where p2020.flags[i].contains(.prefill) { #expect(p2021.flags[i].contains(.prefill)) }
    }

    /// Each reform's ablation switches on exactly that reform on top of baseline-2012 (or, for a
    /// reform baseline-2012 already has, enlarges it: online).
    @Test func ablationsSwitchOneReform() throws {
        let base = try ScenarioLoader.load(path: CLI.scenario("baseline-2012.yaml")).parameters.reforms
        let onInBase = Set(base.all.filter(\.enabled).map { type(of: $0).key })
        #expect(onInBase == ["online"], "baseline-2012 has \(onInBase.sorted()) on")
        for type in ReformRegistry.standard.types {
            let r = try ScenarioLoader.load(path: CLI.scenario("ablations/\(type.ablation).yaml")).parameters.reforms
            let on = Set(r.all.filter(\.enabled).map { Swift.type(of: $0).key })
            #expect(on == onInBase.union([type.key]), "ablation \(type.ablation): \(on.sorted()) on")
            #expect(!(r[key: type.key]!.isEqual(to: base[key: type.key]!)), "ablation \(type.ablation) leaves \(type.key) as in baseline-2012")
        }
        let online = try ScenarioLoader.load(path: CLI.scenario("ablations/online.yaml")).parameters.reforms[OnlineService.self]!
        #expect(online.share > base[OnlineService.self]!.share)
    }
}
