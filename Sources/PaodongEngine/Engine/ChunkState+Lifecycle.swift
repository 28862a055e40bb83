import PaodongModel

extension ChunkState {
    /// Acts for every application due today: submits online, asks for window and kiosk visits,
    /// or hands over a decided result. Visits are served later the same day by the queues.
    ///
    /// An application acts only on its own record, so the ones due are listed first and their
    /// records (and agents, for those that may complete) loaded together, overlapping the cache
    /// misses, then acted on in order.
    func act(day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        visits.removeAll()
        dueToday.removeAll()
        let today = Int32(t)
        let dueDays = due.base
        for i in due.indices where dueDays[i] == today { dueToday.append(Int32(i)) }
        var sink: UInt8 = 0
        for k in dueToday.indices {
            let app = apps[Int(dueToday[k])]
            let mayComplete = app.stage == .finish || (app.stage == .submit && Channel(rawValue: Int(app.channel))!.isOnline)
            sink &+= mayComplete ? pop.agents[Int(app.agent)].state : app.stage.rawValue
        }
        touched = sink
        for k in dueToday.indices {
            let i = Int(dueToday[k])
            switch apps[i].stage {
            case .submit:
                switch Channel(rawValue: Int(apps[i].channel))! {
                case .web, .mobile: submitOnline(i, day: t, ctx, pop, tally)
                case .kiosk: requestKioskVisit(i, ctx)
                case .window: requestWindowVisit(i, ctx)
                }
            case .collect, .presence: requestLeadVisit(i, ctx)
            case .finish: complete(i, day: t, ctx, pop, tally)
            case .done: break
            }
        }
    }

    private func submitOnline(_ i: Int, day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        apps[i].forms += 1
        if behaviour.uniform() < Double(ctx.terms(of: apps[i]).incomplete) {
            tally.add(.incompleteFindings, 1)
            due[i] = Int32(t + ModelRules.onlineResubmissionDays)  // 补正
        } else {
            submitted(i, day: t, ctx, pop, tally)
        }
    }

    // MARK: - Visits

    /// Arrival minute, patience and whether the visit of application `i` is booked: drawn from the
    /// queue's `ArrivalProcess`, or, with an appointment, its appointment minute and no limit (the
    /// appointment is used up).
    private func arrivalAndPatience(_ i: Int, _ ctx: SimulationContext, kiosk: Bool) -> (Double, Double, booked: Bool) {
        // Each process is read where it lies: a copy of one (its two arrays retained and released)
        // cost 2.5 % of a full-scale run.
        if apps[i].appointment {
            apps[i].appointment = false
            return (kiosk ? ctx.kioskArrivals.appointmentStart : ctx.hallArrivals.appointmentStart, .infinity, true)
        }
        if kiosk { return (ctx.kioskArrivals.arrival(behaviour), ctx.kioskArrivals.patience(behaviour), false) }
        return (ctx.hallArrivals.arrival(behaviour), ctx.hallArrivals.patience(behaviour), false)
    }

    private func requestWindowVisit(_ i: Int, _ ctx: SimulationContext) {
        let app = apps[i]
        let terms = ctx.terms(of: app)
        let atLead = app.remaining & app.leadMask
        var mask: UInt8
        var level = Int(app.level)
        if atLead != 0 {
            mask = atLead
        } else {
            mask = app.remaining & (~app.remaining &+ 1)  // lowest remaining slot, in the hall one level up
            level = min(level + 1, HallLevel.city.rawValue)
        }
        let hall = ctx.layout.hall(level: HallLevel(rawValue: level)!, district: Int(app.district), home: app.home)
        var groups: (UInt16, UInt16, UInt16, UInt16) = (0, 0, 0, 0)
        var stages = 0
        for k in 0..<4 where mask & (1 << UInt8(k)) != 0 {
            let g = UInt16(ctx.layout.halls[hall].departmentGroup[terms.department(k)])
            switch stages { case 0: groups.0 = g; case 1: groups.1 = g; case 2: groups.2 = g; default: groups.3 = g }
            stages += 1
        }
        let (arrival, patience, booked) = arrivalAndPatience(i, ctx, kiosk: false)
        visits.append(VisitRequest(queue: Int32(hall), app: Int32(i), arrival: arrival, patience: patience,
                                   serviceMean: Double(terms.serviceMean), stages: UInt8(stages), slotMask: mask, groups: groups,
                                   appointment: booked))
    }

    /// A one-queue visit to the lead department of the item's hall: collection or presence.
    private func requestLeadVisit(_ i: Int, _ ctx: SimulationContext) {
        let app = apps[i]
        let terms = ctx.terms(of: app)
        let hall = ctx.layout.hall(level: HallLevel(rawValue: Int(app.level))!, district: Int(app.district), home: app.home)
        let g = UInt16(ctx.layout.halls[hall].departmentGroup[terms.department(0)])
        let (arrival, patience, booked) = arrivalAndPatience(i, ctx, kiosk: false)
        visits.append(VisitRequest(queue: Int32(hall), app: Int32(i), arrival: arrival, patience: patience,
                                   serviceMean: app.stage == .collect ? ctx.hot.collectionServiceMeanMin : Double(terms.presenceServiceMean),
                                   stages: 1, slotMask: 0,
                                   groups: (g, 0, 0, 0), appointment: booked))
    }

    private func requestKioskVisit(_ i: Int, _ ctx: SimulationContext) {
        let h = ctx.hot
        let pool = Int(ctx.layout.kioskPoolOfDistrict[Int(apps[i].district)])
        let (arrival, patience, booked) = arrivalAndPatience(i, ctx, kiosk: true)
        visits.append(VisitRequest(queue: Int32(ctx.hallCount + pool), app: Int32(i), arrival: arrival, patience: patience,
                                   serviceMean: h.kioskServiceMeanMin * h.identityFactor * Double(apps[i].needs), stages: 1,
                                   slotMask: 1, groups: (0, 0, 0, 0), appointment: booked))
    }

    // MARK: - Outcomes

    /// Applies what the queues did with today's visits: trips, waits, pre-review, retries.
    func applyOutcomes(day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        let h = ctx.hot
        var sink: UInt8 = 0
        for j in visits.indices { sink &+= pop.agents[Int(apps[Int(visits[j].app)].agent)].state }
        touched = sink
        for j in 0..<visits.count {
            let v = visits[j]
            let o = outcomes[j]
            let i = Int(v.app)
            let kiosk = Int(v.queue) >= ctx.hallCount
            let stage = apps[i].stage
            let collection = stage == .collect || stage == .presence  // one queue at the lead group, no pre-review
            if stage == .collect { apps[i].collectionTrips += 1 } else { apps[i].submissionTrips += 1 }
            if kiosk {
                apps[i].kioskVisits += 1
            } else if ctx.layout.halls[Int(v.queue)].level.rawValue != Int(apps[i].level) {
                apps[i].upperVisits += 1
            }
            let baseIncomplete = Double(ctx.terms(of: apps[i]).incomplete)
            let prechecked = apps[i].marks & Application.Marks.prechecked != 0
            let incomplete = prechecked ? baseIncomplete * ctx.hotlineSetup.precheckIncompleteFactor : baseIncomplete

            // A customer leaves the hall at its first stage not served, so the stages after it are
            // not reached and the visit's sums cover exactly the stages looked at below.
            apps[i].waitMs += o.waitMs
            apps[i].servedWaitMs += o.servedWaitMs
            apps[i].serviceMs += o.serviceMs
            if !kiosk { tally.add(.staffMs, o.serviceMs) }
            var progressed = false
            var turnedAway = false
            var stageIndex = 0
            for k in 0..<4 where (collection && k == 0) || (!collection && v.slotMask & (1 << UInt8(k)) != 0) {
                let status = o.status(stageIndex)
                stageIndex += 1
                if status == .notReached { break }
                if status == .closed || status == .refused { turnedAway = true }
                if kiosk { tally.add(.kioskVisits, 1) } else {
                    tally.add(.windowVisits, 1)
                    tally.add(day: t, .windowVisits, 1)
                }
                guard status == .served else { break }
                apps[i].servedVisits += 1
                if collection { progressed = true; continue }
                if kiosk { apps[i].forms += 1 }
                if prechecked { tally.add(.hotlineFindingsAvoidedMicro, ((baseIncomplete - incomplete) * 1e6).roundedToInt64) }
                if behaviour.uniform() >= incomplete {
                    // A kiosk takes the whole application; a window the department it belongs to.
                    apps[i].remaining &= kiosk ? 0 : ~(1 << UInt8(k))
                    progressed = true
                } else {
                    tally.add(.incompleteFindings, 1)
                }
            }
            // Turned away at closing: the hall books the applicant for the next open day (预约), so
            // that no one is sent home twice by a full queue and every application converges.
            if turnedAway { apps[i].appointment = true }
            if !progressed {
                apps[i].wasted += 1
                let agent = Int(apps[i].agent)
                let s = pop.agents[agent].state
                let w = (s & Population.State.wastedMask) >> UInt8(Population.State.wastedShift)
                if w < ModelRules.experienceCap { pop.agents[agent].state = (s & ~Population.State.wastedMask) | ((w + 1) << UInt8(Population.State.wastedShift)) }
            }
            let retry = t + h.retryDelayDays
            if collection {
                if !progressed {
                    due[i] = Int32(ctx.calendar.nextWorkingDay(onOrAfter: retry))
                } else if stage == .collect {
                    complete(i, day: t, ctx, pop, tally)
                } else {
                    apps[i].flags.insert(.presenceDone)
                    submitted(i, day: t, ctx, pop, tally)
                }
            } else if apps[i].remaining == 0 {
                submitted(i, day: t, ctx, pop, tally)
            } else {
                due[i] = Int32(kiosk ? ctx.nextKioskDay(onOrAfter: retry) : ctx.calendar.nextWorkingDay(onOrAfter: retry))
            }
        }
    }

    // MARK: - Decision and completion

    /// The material is complete on day `t`: hometown trip if needed, then the decision, then the
    /// collection visit or the result in hand.
    private func submitted(_ i: Int, day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        let h = ctx.hot
        // Submitted remotely, the applicant still appears once in person (biometrics) before the decision.
        if apps[i].flags.contains(.presence) && !apps[i].flags.contains(.presenceDone)
            && apps[i].channel != UInt8(Channel.window.rawValue) {
            apps[i].stage = .presence
            due[i] = Int32(ctx.calendar.nextWorkingDay(onOrAfter: t + 1))
            return
        }
        tally.add(.submissions, 1)
        tally.add(day: t, .submissions, 1)
        var s = t
        if apps[i].flags.contains(.hometown) {
            apps[i].flags.insert(.hometownTrip)
            s += 1
        }
        var decision = s
        let instant = apps[i].flags.contains(.instant)
        let reviewMeanDays = Double(ctx.terms(of: apps[i]).reviewMeanDays)
        if !instant && reviewMeanDays > 0 {
            let days = behaviour.gamma(shape: h.approvalShape, mean: reviewMeanDays)
            decision = ctx.calendar.adding(workingDays: max(ModelRules.minimumReviewWorkingDays, days.ceilingToInt), to: s)
        }
        let handedOver = instant && apps[i].channel == UInt8(Channel.window.rawValue)
        if apps[i].flags.contains(.collect) && !handedOver {
            // Collection is a separate trip: on the decision day at the earliest, never the submission day.
            apps[i].stage = .collect
            due[i] = Int32(ctx.calendar.nextWorkingDay(onOrAfter: max(decision, t + 1)))
        } else {
            apps[i].stage = .finish
            due[i] = Int32(decision)
            if decision == t { complete(i, day: t, ctx, pop, tally) }
        }
    }

    /// The result is in hand on day `t`: record everything and let the agent learn.
    func complete(_ i: Int, day t: Int, _ ctx: SimulationContext, _ pop: Population, _ tally: Tally) {
        let a = apps[i]
        apps[i].stage = .done
        due[i] = ChunkState.finished
        completedSinceCompaction += 1
        let lead = Int64(t - Int(a.needDay))
        let citizen = countCompletion(a, lead: lead, day: t, ctx, tally)
        // An applicant who made a wasted trip may appeal (诉求) on the hotline.
        let hotlineSetup = ctx.hotlineSetup
        if a.wasted > 0, hotlineSetup.appealShare > 0, hotline.uniform() < hotlineSetup.appealShare {
            let line = UInt8(hotlineSetup.line(business: chunk.audience == .business).rawValue)
            calls.append(CallRequest(minute: hotlineSetup.minute(hotline), app: -1, kind: UInt8(HotlineCall.appeal.rawValue), line: line))
            tally.add(.hotlineAppeals, 1)
        }
        countByGroup(a, lead: lead, citizenMs: citizen, ctx, tally)
        learn(from: a, pop)
        if let permits = ctx.foreignPermits { countPermit(a, lead: lead, permits, tally) }
    }

    /// The completed application in the city's tallies; returns its citizen time in ms (waits,
    /// travel, service and forms).
    @inline(__always)
    private func countCompletion(_ a: Application, lead: Int64, day t: Int, _ ctx: SimulationContext, _ tally: Tally) -> Int64 {
        let trips = Int64(a.trips)
        let terms = ctx.terms(of: a)
        let travelMs = a.travelMs(ctx.hot)
        let formMin: Float
        switch Channel(rawValue: Int(a.channel))! {
        case .mobile: formMin = terms.formMinMobile
        case .window, .kiosk, .web: formMin = terms.formMin  // a window application fills no form (forms = 0)
        }
        let formMs = Int64(a.forms) * ms(Double(formMin))
        tally.add(.completed, 1)
        tally.add(.completedNeeds, Int64(a.needs))
        tally.add(.trips, trips)
        tally.add(.wastedTrips, Int64(a.wasted))
        tally.add(.documentTrips, Int64(a.documentTrips))
        tally.add(.submissionTrips, Int64(a.submissionTrips))
        tally.add(.collectionTrips, Int64(a.collectionTrips))
        tally.add(.hometownTrips, a.flags.contains(.hometownTrip) ? 1 : 0)
        if trips == 0 { tally.add(.zeroTrip, 1) }
        if trips <= 1 { tally.add(.atMostOneTrip, 1) }
        tally.add(.trips(Int(trips)), 1)
        tally.add(.servedVisits, Int64(a.servedVisits))
        tally.add(.servedWaitMs, a.servedWaitMs)
        tally.add(.waitMs, a.waitMs)
        tally.add(.travelMs, travelMs)
        tally.add(.serviceMs, a.serviceMs)
        tally.add(.formMs, formMs)
        tally.add(.forms, Int64(a.forms))
        tally.add(.leadDays, lead)
        tally.addCompleted(on: Channel(rawValue: Int(a.channel))!)
        if terms.multiDepartment {
            tally.add(.multiDepartmentCompleted, 1)
            tally.add(.multiDepartmentWaitMs, a.waitMs)
        }
        let citizenMs = a.waitMs + travelMs + a.serviceMs + formMs
        tally.add(day: t, .completions, 1)
        tally.add(day: t, .trips, trips)
        tally.add(day: t, .citizenMs, citizenMs)
        tally.add(day: t, completedOn: Channel(rawValue: Int(a.channel))!)
        return citizenMs
    }

    /// A foreign resident's permit application completed: a work permit alone books its residence
    /// permit for tomorrow; the residence permit alone (with its work permit's trips) or the merged
    /// application completes the need in the permits' tally.
    private func countPermit(_ a: Application, lead: Int64, _ permits: SimulationContext.ForeignPermits, _ tally: Tally) {
        if a.marks & Application.Marks.opensSecondPermit != 0 {
            let trips = UInt8(min(a.trips, Application.Marks.maxFirstPermitTrips))
            followUps.append(FollowUp(agent: Int32(a.agent), needDay: a.needDay, trips: trips))
            return
        }
        let event = Int(a.event)
        guard event == permits.pairEvent || event == permits.secondEvent else { return }
        let first = event == permits.secondEvent ? Int64(a.marks >> Application.Marks.firstPermitTripsShift) : 0
        tally.add(.permitsCompleted, 1)
        tally.add(.permitApplications, event == permits.secondEvent ? 2 : 1)
        tally.add(.permitTrips, Int64(a.trips) + first)
        tally.add(.permitLeadDays, lead)
    }

    /// The completed application in the tallies of its items, segment and district.
    @inline(__always)
    private func countByGroup(_ a: Application, lead: Int64, citizenMs: Int64, _ ctx: SimulationContext, _ tally: Tally) {
        let trips = Int64(a.trips)
        func addItem(_ item: Int) {
            tally.add(item: item, .completed, 1)
            tally.add(item: item, .trips, trips)
            if trips == 0 { tally.add(item: item, .zeroTrip, 1) }
            tally.add(item: item, .servedVisits, Int64(a.servedVisits))
            tally.add(item: item, .servedWaitMs, a.servedWaitMs)
            tally.add(item: item, .leadDays, lead)
            tally.add(item: item, .citizenMs, citizenMs)
        }
        if a.event >= 0 {
            let items = ctx.eventItems[ctx.eventItemRanges[Int(a.event)]]
            let members = Int64(items.count)
            for item in items {
                addItem(item)
                tally.add(item: item, .bundledCompleted, 1)
                tally.add(item: item, .bundledTrips, trips)
                tally.add(item: item, .bundledCitizenMs, citizenMs)
                tally.add(item: item, .bundledTripsShare, trips * Tally.shareUnit / members)
                tally.add(item: item, .bundledCitizenMsShare, citizenMs / members)
            }
        } else {
            addItem(Int(a.item))
        }
        func addSegment(_ s: Int) {
            tally.add(segment: s, .completed, 1)
            tally.add(segment: s, .trips, trips)
            if trips == 0 { tally.add(segment: s, .zeroTrip, 1) }
            tally.add(segment: s, .servedVisits, Int64(a.servedVisits))
            tally.add(segment: s, .servedWaitMs, a.servedWaitMs)
            tally.add(segment: s, .citizenMs, citizenMs)
            tally.add(segment: s, .completedNeeds, Int64(a.needs))
        }
        addSegment(Int(a.segment))
        if a.marks & Application.Marks.foreign != 0 { addSegment(Segment.foreign(segment: a.segment)) }
        let d = Int(a.district)
        tally.add(district: d, .completed, 1)
        tally.add(district: d, .completedNeeds, Int64(a.needs))
        tally.add(district: d, .trips, trips)
        if trips == 0 { tally.add(district: d, .zeroTrip, 1) }
        tally.add(district: d, .servedVisits, Int64(a.servedVisits))
        tally.add(district: d, .servedWaitMs, a.servedWaitMs)
    }

    /// Learning: online success is remembered; a clean application lets a wasted trip fade.
    @inline(__always)
    private func learn(from a: Application, _ pop: Population) {
        let agent = Int(a.agent)
        var state = pop.agents[agent].state
        if Channel(rawValue: Int(a.channel))!.isOnline {
            let o = (state & Population.State.onlineMask) >> UInt8(Population.State.onlineShift)
            if o < ModelRules.experienceCap { state = (state & ~Population.State.onlineMask) | ((o + 1) << UInt8(Population.State.onlineShift)) }
        }
        if a.wasted == 0 {
            let w = (state & Population.State.wastedMask) >> UInt8(Population.State.wastedShift)
            if w > 0 { state = (state & ~Population.State.wastedMask) | ((w - 1) << UInt8(Population.State.wastedShift)) }
        }
        pop.agents[agent].state = state
    }
}
