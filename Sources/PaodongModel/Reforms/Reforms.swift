/// How a count-based reform picks its items after the ones it names (`include`).
public enum ReformTarget: String, Codable, Sendable, Equatable, CaseIterable {
    /// The eligible items with most expected needs first: governments reform the items people use
    /// most (秒报秒批一体化 and the 2021 plan name 高频, high-frequency, items).
    case volume
    /// The eligible items in the order of the per-item uniform key the catalog generator drew for
    /// the reform (for life events: table order, then generated order), so that a larger reform
    /// contains a smaller one and the reach in demand is what chance gives.
    case random
}

/// Which items (or life events) a count-based reform reaches: those named first, then the rest by
/// `target` among the eligible ones, up to the reform's size.
public struct ItemSelection: Codable, Sendable, Equatable {
    public var target: ReformTarget
    /// Item ids (life-event ids for `bundles`) that the reform reaches first, in this order.
    public var include: [String]
    /// The last this-many items of the size are the most-used eligible items not yet taken, whatever
    /// `target` is: a plan that adds N high-frequency (高频) items to an earlier reform keeps the
    /// earlier items and adds the N by volume.
    public var addedByVolume: Int
    public init(target: ReformTarget = .random, include: [String] = [], addedByVolume: Int = 0) {
        self.target = target; self.include = include; self.addedByVolume = addedByVolume
    }
}

/// The levers of docs/model.md, "Reforms". A reform that is not `enabled` changes nothing, whatever its sizes say.
public struct Reforms: Codable, Sendable, Equatable {
    public struct OneWindow: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// Generalist service time relative to a departmental window.
        public var serviceFactor: Double
        public init(enabled: Bool, serviceFactor: Double) { self.enabled = enabled; self.serviceFactor = serviceFactor }
    }
    public struct ECertificates: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// The most-used certificate types covered (免证办).
        public var types: Int
        public init(enabled: Bool, types: Int) { self.enabled = enabled; self.types = types }
    }
    public struct Kiosks: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var items: Int
        public var selection: ItemSelection
        /// Hometown items that a kiosk in the city can serve (跨城通办).
        public var crossCityItems: Int
        public var crossCitySelection: ItemSelection
        public init(enabled: Bool, items: Int, crossCityItems: Int, selection: ItemSelection = .init(),
                    crossCitySelection: ItemSelection = .init()) {
            self.enabled = enabled; self.items = items; self.crossCityItems = crossCityItems
            self.selection = selection; self.crossCitySelection = crossCitySelection
        }
    }
    public struct ItemCount: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var items: Int
        public var selection: ItemSelection
        public init(enabled: Bool, items: Int, selection: ItemSelection = .init()) {
            self.enabled = enabled; self.items = items; self.selection = selection
        }
    }
    public struct Prefill: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var items: Int
        /// Named items first, then the rest by target; with instant approval on, these items are
        /// decided instantly too (秒报秒批一体化).
        public var selection: ItemSelection
        public var formFactor: Double
        /// Multiplies the incomplete probability of a pre-filled item.
        public var incompleteFactor: Double
        public init(enabled: Bool, items: Int, formFactor: Double, incompleteFactor: Double, selection: ItemSelection = .init()) {
            self.enabled = enabled; self.items = items; self.formFactor = formFactor; self.incompleteFactor = incompleteFactor
            self.selection = selection
        }
    }
    public struct Bundles: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// Items in bundles (一件事一次办): life events are bundled in the selection's order (named
        /// events, then by expected needs or in table order) while their items fit in this count.
        public var items: Int
        /// `include` names life events (ids of the life-events table or generated `E…` ids).
        public var selection: ItemSelection
        public init(enabled: Bool, items: Int, selection: ItemSelection = .init()) {
            self.enabled = enabled; self.items = items; self.selection = selection
        }
    }
    public struct AudienceShares: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var personalShare: Double
        public var businessShare: Double
        public init(enabled: Bool, personalShare: Double, businessShare: Double) {
            self.enabled = enabled; self.personalShare = personalShare; self.businessShare = businessShare
        }
    }
    public struct Share: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var share: Double
        public init(enabled: Bool, share: Double) { self.enabled = enabled; self.share = share }
    }
    public struct UnifiedIdentity: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var serviceFactor: Double
        public init(enabled: Bool, serviceFactor: Double) { self.enabled = enabled; self.serviceFactor = serviceFactor }
    }

    /// The 24-hour business line of the 12345 hotline (key 1, 营商环境专席): businesses' calls go
    /// to its own agents, on duty every hour.
    public struct BusinessLine: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var agents: Int
        public init(enabled: Bool, agents: Int) { self.enabled = enabled; self.agents = agents }
    }

    public var oneWindow: OneWindow
    public var eCertificates: ECertificates
    public var kiosks: Kiosks
    public var instantApproval: ItemCount
    public var prefill: Prefill
    public var bundles: Bundles
    public var mobile: AudienceShares
    public var online: Share
    public var eDelivery: Share
    public var crossRegion: Share
    public var unifiedIdentity: UnifiedIdentity
    public var businessLine: BusinessLine

    public init(oneWindow: OneWindow, eCertificates: ECertificates, kiosks: Kiosks, instantApproval: ItemCount,
                prefill: Prefill, bundles: Bundles, mobile: AudienceShares, online: Share, eDelivery: Share,
                crossRegion: Share, unifiedIdentity: UnifiedIdentity, businessLine: BusinessLine) {
        self.oneWindow = oneWindow; self.eCertificates = eCertificates; self.kiosks = kiosks
        self.instantApproval = instantApproval; self.prefill = prefill; self.bundles = bundles
        self.mobile = mobile; self.online = online; self.eDelivery = eDelivery
        self.crossRegion = crossRegion; self.unifiedIdentity = unifiedIdentity; self.businessLine = businessLine
    }
}
