import PaodongModel

/// What an application's items allow and cost together, whoever applies: computed once for each
/// item (an application for that item alone) and each life event (its bundled application), so
/// that opening an application does not loop over its members and the in-flight record need not
/// carry what follows from its items (`Application` fits one cache line).
struct ApplicationTerms {
    /// Channels the application may use; the window always serves.
    var channels: ChannelSet
    var instant: Bool
    /// A result on paper that is not delivered: collected at the hall.
    var collect: Bool
    /// A member needs the applicant in person (biometrics).
    var presence: Bool
    /// A member needs a trip to the hometown office, unless the applicant is registered here.
    var hometown: Bool
    /// Every such member can be done at a cross-city kiosk instead.
    var crossCity: Bool
    var level: UInt8
    /// Window slots (departments visited), their departments, and those that sit in the lead hall.
    var slots: Int
    var departments: (UInt8, UInt8, UInt8, UInt8)
    var leadMask: UInt8
    /// Trips to the windows when nothing goes wrong: the lead hall, and one per department elsewhere.
    var windowTrips: Int
    /// Whether the lead item involves more than one department (the one-window mechanism metric).
    var multiDepartment: Bool
    /// Window minutes in all, and per slot.
    var service: Double
    var serviceMean: Float
    /// Window minutes of the presence visit after a remote submission, in all (what the applicant
    /// expects) and as its queue serves it: a single item's whole sitting, as at the window; for a
    /// bundle, only its presence members' (the others were submitted remotely and are back-office
    /// work).
    var presenceService: Double
    var presenceServiceMean: Float
    /// Paper certificates asked for (each one the applicant lacks costs a trip).
    var paper: Int
    /// Form minutes on the web or at a kiosk, and on the app.
    var form: Double
    var formMin: Float
    var formMinMobile: Float
    /// Probability that pre-review finds the material incomplete.
    var incomplete: Float
    /// Mean review days (0: decided at once).
    var reviewMeanDays: Float

    @inline(__always) func department(_ k: Int) -> Int {
        switch k {
        case 0: return Int(departments.0)
        case 1: return Int(departments.1)
        case 2: return Int(departments.2)
        default: return Int(departments.3)
        }
    }
}

extension ApplicationTerms {
    /// The terms of an application for `members` (one item, or a life event's items when
    /// `certificates` gives the event's certificate types counted once). O(members).
    init<M: Collection>(members: M, bundled: Bool, certificates: (paper: Int, electronic: Int)?, oneWindow: Bool,
                        flags: [ResolvedReforms.Flags], channels itemChannels: [ChannelSet], traits itemTraits: [ItemTraits], level itemLevel: [UInt8],
                        complexity itemComplexity: [UInt8], review itemReview: [Double], service itemService: [Double],
                        paper itemPaper: [UInt8], electronic itemElectronic: [UInt8], hot h: HotParameters) where M.Element == Int {
        // A bundle is one package on the portal and the app (一网通办) wherever any of its items is
        // online; a kiosk takes it only if it takes every item. A single item offers its own channels.
        var onlineAny: ChannelSet = []
        var channels = ChannelSet.all, instant = true, prefill = true, collect = false
        var hometown = false, crossCity = true, presence = false, level: UInt8 = 0, complexity: UInt8 = 0, review = 0.0
        var service = 0.0, presenceService = 0.0, paper = 0, electronic = 0
        for i in members {
            let f = flags[i]
            channels.formIntersection(itemChannels[i])
            onlineAny.formUnion(itemChannels[i].intersection(.online))
            instant = instant && f.contains(.instant)
            prefill = prefill && f.contains(.prefill)
            let traits = itemTraits[i]
            if traits.physicalResult && !f.contains(.eDelivery) { collect = true }
            if traits.hometown && !f.contains(.crossRegion) {
                hometown = true
                crossCity = crossCity && f.contains(.crossCityKiosk)
            }
            if traits.physicalPresence { presence = true; presenceService += itemService[i] }
            level = max(level, itemLevel[i])
            complexity = max(complexity, itemComplexity[i])
            review = max(review, itemReview[i])
            // An item's service is the whole item's work: without one window it is shared among the
            // department visits (`serviceMean` per slot), with one window it is one sitting at the
            // generalist factor; a bundle's is the sum of its items'.
            service += itemService[i]
            paper += Int(itemPaper[i])
            electronic += Int(itemElectronic[i])
        }
        if let certificates { (paper, electronic) = certificates }
        self.channels = (bundled ? channels.union(onlineAny) : channels).union(.window)
        self.instant = instant; self.collect = collect; self.presence = presence
        self.hometown = hometown; self.crossCity = crossCity; self.level = level
        self.service = service; self.paper = paper

        let lead = itemTraits[members.first!]
        multiDepartment = !bundled && lead.departmentCount > 1
        departments = (lead.departments.0, 0, 0, 0)
        slots = 1
        leadMask = 1
        if !bundled && !oneWindow {
            slots = Int(lead.departmentCount)
            departments = lead.departments
            leadMask = 1 | (lead.colocatedMask & UInt8((1 << slots) - 1) & ~1)
        }
        windowTrips = 1 + slots - leadMask.nonzeroBitCount
        serviceMean = Float(service / Double(slots))
        self.presenceService = bundled ? presenceService : service
        presenceServiceMean = bundled ? Float(presenceService) : serviceMean

        form = h.formMinPerComplexity * Double(complexity) * (prefill ? h.prefillFormFactor : 1)
        formMin = Float(form)
        formMinMobile = Float(form * h.mobileFormFactor)
        // Pre-review: complexity drives incompleteness; pre-filled forms and electronic certificates cut it.
        let certShare = paper + electronic > 0 ? Double(electronic) / Double(paper + electronic) : 0
        incomplete = Float(min(1, h.incompletePerComplexity * Double(complexity)
                               * (prefill ? h.prefillIncompleteFactor : 1)
                               * (1 - h.documentIncompleteShare * certShare)))
        reviewMeanDays = Float(review)
    }
}
