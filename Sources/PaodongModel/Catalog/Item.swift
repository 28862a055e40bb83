/// One government service matter (事项) with the attributes that shape its process.
public struct Item: Codable, Sendable, Equatable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var audience: Audience
    /// 行政许可 (licensing) rather than a public-service item.
    public var licensing: Bool
    /// Indices into the department table; the first is the lead department. 1…4 entries.
    public var departments: [Int]
    /// Bit i set: department i (i ≥ 1) sits in the same hall as the lead department.
    public var colocatedMask: UInt8
    /// Lowest hall level that serves the item.
    public var level: HallLevel
    /// Indices into the certificate table.
    public var certificates: [Int]
    /// Form complexity, 1 (a few fields) … 5 (long form with attachments).
    public var formComplexity: Int
    /// Multiplies the scenario's mean approval days.
    public var reviewFactor: Double
    /// Multiplies the mean window service time.
    public var serviceFactor: Double
    /// Needs the applicant in person (first ID card, biometrics): window only.
    public var physicalPresence: Bool
    /// Ends in a physical licence or card that must be collected unless delivered.
    public var physicalResult: Bool
    /// Non-registered residents must visit their hometown office unless cross-region service covers it.
    public var hometown: Bool
    /// Relative demand within its audience.
    public var demandWeight: Double

    public init(id: String, nameZh: String, nameEn: String, audience: Audience, licensing: Bool,
                departments: [Int], colocatedMask: UInt8, level: HallLevel, certificates: [Int],
                formComplexity: Int, reviewFactor: Double, serviceFactor: Double, physicalPresence: Bool,
                physicalResult: Bool, hometown: Bool, demandWeight: Double) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.audience = audience
        self.licensing = licensing; self.departments = departments; self.colocatedMask = colocatedMask
        self.level = level; self.certificates = certificates; self.formComplexity = formComplexity
        self.reviewFactor = reviewFactor; self.serviceFactor = serviceFactor
        self.physicalPresence = physicalPresence; self.physicalResult = physicalResult
        self.hometown = hometown; self.demandWeight = demandWeight
    }

    /// Whether further department `i` (1-based among `departments`) sits with the lead department.
    @inline(__always) public func isColocated(_ i: Int) -> Bool { colocatedMask & (1 << UInt8(i)) != 0 }
}

/// A certificate type (证照) that items require, with its share of all certificate use.
public struct CertificateType: Codable, Sendable, Equatable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var usageWeight: Double
    public init(id: String, nameZh: String, nameEn: String, usageWeight: Double) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.usageWeight = usageWeight
    }
}

/// A government department that runs windows in the halls.
public struct Department: Codable, Sendable, Equatable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    /// Relative share of items led by this department.
    public var weight: Double
    public init(id: String, nameZh: String, nameEn: String, weight: Double) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.weight = weight
    }
}

/// A life event (一件事) whose items arise together and can be bundled into one application.
public struct LifeEvent: Codable, Sendable, Equatable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var audience: Audience
    /// Events per agent of the audience per year.
    public var ratePerAgentYear: Double
    /// Indices into the catalog's items.
    public var items: [Int]
    public init(id: String, nameZh: String, nameEn: String, audience: Audience, ratePerAgentYear: Double, items: [Int]) {
        self.id = id; self.nameZh = nameZh; self.nameEn = nameEn; self.audience = audience
        self.ratePerAgentYear = ratePerAgentYear; self.items = items
    }
}
