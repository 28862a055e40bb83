/// The levers of MODEL.md §5. A reform that is not `enabled` changes nothing, whatever its sizes say.
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
        /// Hometown items that a kiosk in the city can serve (跨城通办).
        public var crossCityItems: Int
        public init(enabled: Bool, items: Int, crossCityItems: Int) {
            self.enabled = enabled; self.items = items; self.crossCityItems = crossCityItems
        }
    }
    public struct ItemCount: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var items: Int
        public init(enabled: Bool, items: Int) { self.enabled = enabled; self.items = items }
    }
    public struct Prefill: Codable, Sendable, Equatable {
        public var enabled: Bool
        public var items: Int
        public var formFactor: Double
        /// Multiplies the incomplete probability of a pre-filled item.
        public var incompleteFactor: Double
        public init(enabled: Bool, items: Int, formFactor: Double, incompleteFactor: Double) {
            self.enabled = enabled; self.items = items; self.formFactor = formFactor; self.incompleteFactor = incompleteFactor
        }
    }
    public struct Bundles: Codable, Sendable, Equatable {
        public var enabled: Bool
        /// Items in bundles (一件事一次办): life events are bundled in catalog order (the named ones
        /// first) while their items fit in this count.
        public var items: Int
        public init(enabled: Bool, items: Int) { self.enabled = enabled; self.items = items }
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

    public init(oneWindow: OneWindow, eCertificates: ECertificates, kiosks: Kiosks, instantApproval: ItemCount,
                prefill: Prefill, bundles: Bundles, mobile: AudienceShares, online: Share, eDelivery: Share,
                crossRegion: Share, unifiedIdentity: UnifiedIdentity) {
        self.oneWindow = oneWindow; self.eCertificates = eCertificates; self.kiosks = kiosks
        self.instantApproval = instantApproval; self.prefill = prefill; self.bundles = bundles
        self.mobile = mobile; self.online = online; self.eDelivery = eDelivery
        self.crossRegion = crossRegion; self.unifiedIdentity = unifiedIdentity
    }
}
