import Foundation
import PaodongModel

extension ChunkState {
    /// Draws the needs that arise on day `t` in this chunk and opens their applications.
    ///
    /// Needs come from the `needs` stream alone, in a fixed number of draws per need, so that the
    /// same agents have the same needs on the same days in every scenario of a comparison.
    ///
    /// All the day's needs are drawn first and their agents loaded together, then opened in the
    /// same order: agents are met at random, and loads issued together overlap their cache misses
    /// instead of paying them one by one inside `open`.
    func openNeeds(day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        if let permits = ctx.foreignPermits { openForeignFollowUps(day: t, permits, ctx, pop, tally) }
        drawNeeds(day: t, ctx)
        var sink: UInt8 = 0
        for k in newNeeds.indices { sink &+= pop.agents[Int(newNeeds[k].agent)].state }
        touched = sink

        for k in newNeeds.indices {
            let need = newNeeds[k]
            let agent = Int(need.agent)
            if need.what >= 0 {
                tally.add(.needs, 1)
                tally.add(day: t, .needs, 1)
                open(agent: agent, members: CollectionOfOne(Int(need.what)), event: -1, day: t, ctx, pop, tally)
                continue
            }
            let e = Int(~need.what)
            if let permits = ctx.foreignPermits, e == permits.pairEvent, !permits.merged {
                // Two applications one after the other: the work permit now, the residence permit
                // once it is in hand (`openForeignFollowUps`). Both needs count today, as in the
                // merged scenario, so that a comparison sees the same needs on the same days.
                tally.add(.needs, 2)
                tally.add(day: t, .needs, 2)
                tally.add(.permitPairs, 1)
                open(agent: agent, members: CollectionOfOne(permits.first), event: -1, day: t, ctx, pop, tally,
                     marks: Application.Marks.opensSecondPermit, districtNeeds: 2)
                continue
            }
            if let permits = ctx.foreignPermits, e == permits.pairEvent { tally.add(.permitPairs, 1) }
            let members = UnsafeBufferPointer(rebasing: ctx.eventItems[ctx.eventItemRanges[e]])
            tally.add(.needs, Int64(members.count))
            tally.add(day: t, .needs, Int64(members.count))
            if ctx.bundledEvents[e] {
                open(agent: agent, members: members, event: e, day: t, ctx, pop, tally)
            } else {
                for item in members { open(agent: agent, members: CollectionOfOne(item), event: -1, day: t, ctx, pop, tally) }
            }
        }
    }

    /// Draws the needs of day `t` into `newNeeds` (each an agent with an item, or `~event`) from
    /// the `needs` stream alone; also the lower-bound kernel's draw. O(needs).
    func drawNeeds(day t: Int, _ ctx: SimulationContext) {
        let a = chunk.audience.rawValue
        let n = Double(chunk.count)
        let season = ctx.season[t]
        newNeeds.removeAll()
        if let table = ctx.singleTable[a] {
            let count = needs.poisson(n * ctx.singleRate[a] * season)
            ctx.singleItems[a].withUnsafeBufferPointer { items in
                for _ in 0..<count {
                    let agent = chunk.start + needs.uniformInt(chunk.count)
                    newNeeds.append(Need(agent: Int32(agent), what: Int32(items[needs.discrete(table)])))
                }
            }
        }
        for (e, rate) in ctx.events[a] {
            let count = needs.poisson(n * rate * season)
            for _ in 0..<count {
                newNeeds.append(Need(agent: Int32(chunk.start + needs.uniformInt(chunk.count)), what: ~Int32(e)))
            }
        }
        // The foreign residents' permits, from their own stream (`foreignAgents` is listed first
        // by `listForeignAgents`).
        if let permits = ctx.foreignPermits, let foreign = foreignAgents, !foreign.isEmpty {
            let count = foreignNeeds.poisson(Double(foreign.count) * permits.rate * season)
            for _ in 0..<count {
                newNeeds.append(Need(agent: foreign[foreignNeeds.uniformInt(foreign.count)], what: ~Int32(permits.pairEvent)))
            }
        }
    }

    /// Lists the chunk's foreign residents (agent indices) once, for the permits' draw. O(chunk) the first time.
    func listForeignAgents(_ pop: Population) {
        guard foreignAgents == nil else { return }
        foreignAgents = chunk.audience == .personal
            ? (chunk.start..<(chunk.start + chunk.count)).filter { pop.agents[$0].traits & Population.Trait.foreign != 0 }.map(Int32.init)
            : []
    }

    /// Lists the chunk's foreign residents on the first call, then opens the residence permits
    /// whose work permit was in hand yesterday (oldest first), each as the pair's second need
    /// (already counted the day it arose, from which its lead time also counts).
    private func openForeignFollowUps(day t: Int, _ permits: SimulationContext.ForeignPermits, _ ctx: SimulationContext,
                                      _ pop: Population, _ tally: Tally) {
        listForeignAgents(pop)
        guard !followUps.isEmpty else { return }
        tally.add(.permitFollowUps, Int64(followUps.count))
        for f in followUps {
            open(agent: Int(f.agent), members: CollectionOfOne(permits.second), event: permits.secondEvent, day: t, ctx, pop, tally,
                 marks: f.trips << Application.Marks.firstPermitTripsShift, needDay: Int(f.needDay), districtNeeds: 0)
        }
        followUps.removeAll(keepingCapacity: true)
    }

    /// Opens one application for `members` (one item, or a bundled life event's items): chooses the
    /// channel, fetches documents and schedules the submission. `districtNeeds`: the needs counted
    /// in the district today when not the application's own (the permit pair's are counted with
    /// the work permit).
    private func open<M: Collection>(agent: Int, members: M, event: Int, day t: Int,
                                     _ ctx: SimulationContext, _ pop: Population, _ tally: Tally,
                                     marks: UInt8 = 0, needDay: Int? = nil, districtNeeds: Int? = nil) where M.Element == Int {
        let h = ctx.hot
        let bundled = event >= 0 && ctx.bundledEvents[event]
        let lead = members.first!
        let terms = ctx.terms[ctx.termsIndex(item: lead, event: event)]
        let person = pop.agents[agent]
        let traits = person.traits
        let business = chunk.audience == .business
        // Foreign residents have no household registration anywhere: no hometown office either.
        let foreign = !business && (traits & Population.Trait.foreign) != 0
        let registered = business || foreign || (traits & Population.Trait.registered) != 0
        let senior = !business && Int(traits & Population.Trait.ageMask) == AgeBand.senior.rawValue
        let hometown = !registered && terms.hometown

        // Channel choice.
        var channels = terms.channels
        let wasAdopted = person.state & Population.State.adopted != 0
        let adopted = wasAdopted || (!channels.isDisjoint(with: .online) && adoptsOnline(agent, senior: senior, day: t, h, pop, tally))
        if !adopted { channels.subtract(.online) }
        if !ctx.hasKiosks { channels.remove(ChannelSet(.kiosk)) }
        let channel = chooseChannel(channels, level: Int(terms.level), windowTrips: terms.windowTrips,
                                    slots: terms.slots, service: terms.service, presenceService: terms.presenceService, form: terms.form, collect: terms.collect,
                                    instant: terms.instant, presence: terms.presence,
                                    senior: senior, business: business, state: person.state, ctx)

        var app = Application(
            agent: UInt32(agent), item: UInt16(lead), event: Int16(event), needDay: Int16(needDay ?? t), home: person.home,
            district: person.district, needs: UInt8(members.count), stage: .submit, channel: UInt8(channel.rawValue),
            segment: UInt8(Segment.of(business: business, traits: traits, adopted: wasAdopted)),
            remaining: UInt8((1 << terms.slots) - 1), leadMask: terms.leadMask, level: terms.level, flags: [])
        if terms.collect { app.flags.insert(.collect) }
        if hometown { app.flags.insert(.hometown) }
        if hometown && terms.crossCity { app.flags.insert(.crossCityKiosk) }
        if terms.instant { app.flags.insert(.instant) }
        if bundled { app.flags.insert(.bundled) }
        if terms.presence { app.flags.insert(.presence) }
        app.marks = marks | (foreign ? Application.Marks.foreign : 0)

        // Documents: each paper certificate the applicant lacks costs a trip on the need day.
        for _ in 0..<terms.paper where behaviour.uniform() < h.lackCopyProbability {
            app.documentTrips += 1
        }
        if let permits = ctx.foreignPermits,
           marks & Application.Marks.opensSecondPermit != 0 || event == permits.pairEvent || event == permits.secondEvent {
            tally.add(.permitDocumentTrips, Int64(app.documentTrips))
        }
        let ready = t + (app.documentTrips > 0 ? 1 : 0)
        let dueDay = callHotline(about: apps.count, channel: channel, business: business, day: t,
                                 firstVisit: firstVisitDay(channel, ready: ready, ctx), ctx, tally)
        count(app, members: members, channel: channel, districtNeeds: districtNeeds ?? Int(app.needs), tally)
        apps.append(app)
        due.append(Int32(dueDay))
    }

    /// Whether a non-adopter offered an online channel starts using it now (and the agent's state
    /// and the tallies say so).
    @inline(__always)
    private func adoptsOnline(_ agent: Int, senior: Bool, day t: Int, _ h: HotParameters, _ pop: Population, _ tally: Tally) -> Bool {
        let chance = h.adoptionProbability * (senior ? h.seniorAdoptionFactor : 1)
        guard behaviour.uniform() < chance else { return false }
        pop.agents[agent].state |= Population.State.adopted
        tally.add(.adoptions, 1)
        tally.add(day: t, .adoptions, 1)
        return true
    }

    /// The first day the application can be taken to its channel once its documents are `ready`.
    @inline(__always)
    private func firstVisitDay(_ channel: Channel, ready: Int, _ ctx: SimulationContext) -> Int {
        switch channel {
        case .window:
            // Nobody can go on a closed day; those whose need arose then do not all come on the
            // next working day, but on one of the next `closedDaySpreadDays`.
            let first = ctx.calendar.nextWorkingDay(onOrAfter: ready)
            let spread = ctx.hot.closedDaySpreadDays
            return first == ready || spread <= 1 ? first : ctx.calendar.adding(workingDays: behaviour.uniformInt(spread), to: first)
        case .kiosk: return ctx.nextKioskDay(onOrAfter: ready)
        case .web, .mobile: return ready
        }
    }

    /// Calls to the 12345 hotline about application `app`, drawn from their own stream: its
    /// consultations and, for a window or kiosk application, maybe a pre-check, after which the
    /// visit waits for the next open day. Returns the visit's day.
    @inline(__always)
    private func callHotline(about app: Int, channel: Channel, business: Bool, day t: Int, firstVisit: Int,
                             _ ctx: SimulationContext, _ tally: Tally) -> Int {
        var dueDay = firstVisit
        let hotlineSetup = ctx.hotlineSetup
        let line = UInt8(hotlineSetup.line(business: business).rawValue)
        let consultations = hotlineSetup.consultationCount(business: business, day: t, hotline)
        for _ in 0..<consultations {
            calls.append(CallRequest(minute: hotlineSetup.minute(hotline), app: -1, kind: UInt8(HotlineCall.consultation.rawValue), line: line))
        }
        tally.add(.hotlineConsultations, Int64(consultations))
        if channel == .window || channel == .kiosk, hotlineSetup.precheckShare > 0, hotline.uniform() < hotlineSetup.precheckShare {
            calls.append(CallRequest(minute: hotlineSetup.minute(hotline), app: Int32(app), kind: UInt8(HotlineCall.precheck.rawValue), line: line))
            tally.add(.hotlinePrechecks, 1)
            // The visit follows the check: on the next open day at the earliest.
            let next = channel == .kiosk ? ctx.nextKioskDay(onOrAfter: t + 1) : ctx.calendar.nextWorkingDay(onOrAfter: t + 1)
            dueDay = max(dueDay, next)
        }
        return dueDay
    }

    /// The application opened, in the tallies.
    @inline(__always)
    private func count<M: Collection>(_ app: Application, members: M, channel: Channel, districtNeeds: Int, _ tally: Tally) where M.Element == Int {
        tally.add(.applications, 1)
        if app.flags.contains(.bundled) { tally.add(.bundledApplications, 1) }
        for i in members {
            tally.add(item: i, .applications, 1)
            tally.add(item: i, applicationOn: channel)
        }
        tally.add(segment: Int(app.segment), .applications, 1)
        if app.marks & Application.Marks.foreign != 0 { tally.add(segment: Segment.foreign(segment: app.segment), .applications, 1) }
        tally.add(district: Int(app.district), .applications, 1)
        tally.add(district: Int(app.district), .needs, Int64(districtNeeds))
    }

    /// Multinomial logit over the offered channels (docs/model.md, "Channels and trips"); also the
    /// lower-bound kernel's choice (`LowerBoundKernel`).
    /// O(channels), allocation-free (the utilities live on the stack).
    func chooseChannel(_ offered: ChannelSet, level: Int, windowTrips: Int, slots: Int, service: Double, presenceService: Double,
                               form: Double, collect: Bool, instant: Bool, presence: Bool, senior: Bool, business: Bool, state: UInt8,
                               _ ctx: SimulationContext) -> Channel {
        if offered == .window { return .window }
        let b = ctx.hot
        let hallVisit = b.travel(level) + b.expectedWaitMin
        // Remote channels still need the collection visit, and a presence visit for biometrics.
        let collection = (collect ? hallVisit + b.collectionServiceMeanMin : 0) + (presence ? hallVisit + presenceService : 0)
        let online = Double((state & Population.State.onlineMask) >> UInt8(Population.State.onlineShift))
        let wasted = Double((state & Population.State.wastedMask) >> UInt8(Population.State.wastedShift))
        let u = behaviour.uniform()
        let n = ctx.channelConstants.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { weight in
            // A channel not offered keeps utility -inf and weight exactly 0 (without calling exp).
            weight.initialize(repeating: -.infinity)
            var best = -Double.infinity
            for c in offered.members {
                let cost: Double
                switch c {
                case .window: cost = Double(windowTrips) * hallVisit + service + (instant ? 0 : collection)
                case .kiosk: cost = b.kioskTravelMin + b.kioskServiceMeanMin + form + collection
                case .web: cost = form + collection
                case .mobile: cost = form * b.mobileFormFactor + collection
                }
                var utility = ctx.channelConstants[c.rawValue] + b.timeCoefficientPerHour * cost / 60
                if c.isOnline {
                    utility += online * b.onlineExperienceWeight
                    if senior { utility += b.seniorOnlineShift }
                    if business { utility += b.businessOnlineShift }
                }
                if c != .window { utility += wasted * b.wastedTripWeight }
                weight[c.rawValue] = utility
                best = max(best, utility)
            }
            var total = 0.0
            for k in 0..<n {
                weight[k] = weight[k] == -.infinity ? 0 : exp(weight[k] - best)
                total += weight[k]
            }
            // The first offered channel whose cumulative weight exceeds the draw; rounding at the
            // top end falls to the last offered one.
            let x = u * total
            var cumulative = 0.0
            var last = Channel.window
            for c in offered.members where weight[c.rawValue] > 0 {
                cumulative += weight[c.rawValue]
                if x < cumulative { return c }
                last = c
            }
            return last
        }
    }
}
