/// A validated, frozen scenario: everything the engine needs, with no file format left in it.
public struct Scenario: Sendable {
    /// Everything the scenario file set, as resolved after `extends:`; written to the manifest.
    public struct Parameters: Encodable, Sendable, Equatable {
        public var name: String
        public var description: String
        public var seed: UInt64
        public var days: Int
        /// Start date as year, month, day.
        public var startDate: SimpleDate
        public var holidays: [SimpleDate]
        public var scale: Double
        public var population: PopulationParameters
        public var demand: DemandParameters
        public var catalog: CatalogParameters
        public var halls: HallParameters
        public var kiosks: KioskParameters
        public var process: ProcessParameters
        public var behaviour: BehaviourParameters
        public var reforms: Reforms
        public var hotline: HotlineParameters
        /// A screening campaign run beside the city, or nil (the section is optional).
        public var screening: ScreeningParameters?
        public init(name: String, description: String, seed: UInt64, days: Int, startDate: SimpleDate,
                    holidays: [SimpleDate], scale: Double, population: PopulationParameters, demand: DemandParameters,
                    catalog: CatalogParameters, halls: HallParameters, kiosks: KioskParameters,
                    process: ProcessParameters, behaviour: BehaviourParameters, reforms: Reforms, hotline: HotlineParameters,
                    screening: ScreeningParameters?) {
            self.name = name; self.description = description; self.seed = seed; self.days = days
            self.startDate = startDate; self.holidays = holidays; self.scale = scale
            self.population = population; self.demand = demand; self.catalog = catalog; self.halls = halls
            self.kiosks = kiosks; self.process = process; self.behaviour = behaviour; self.reforms = reforms
            self.hotline = hotline; self.screening = screening
        }
    }

    public var parameters: Parameters
    public var districts: [District]
    public var catalog: Catalog
    /// The files the scenario was read from, parent first.
    public var sourceFiles: [String]
    /// The command-line overrides (`--set key.path=value`) merged over the files, in order.
    public var overrides: [String] = []

    public init(parameters: Parameters, districts: [District], catalog: Catalog, sourceFiles: [String]) {
        self.parameters = parameters; self.districts = districts; self.catalog = catalog; self.sourceFiles = sourceFiles
    }

    /// The same scenario with another seed (replications, `--seed`).
    public func withSeed(_ seed: UInt64) -> Scenario {
        var copy = self
        copy.parameters.seed = seed
        return copy
    }

    /// The same scenario with populations multiplied by `factor` (`--scale`).
    public func scaled(by factor: Double) -> Scenario {
        var copy = self
        copy.parameters.scale *= factor
        return copy
    }
}

/// A calendar date without time zone, enough for day arithmetic in the proleptic Gregorian calendar.
public struct SimpleDate: Codable, Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// Parses `YYYY-MM-DD`; nil if malformed or not a real date.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= SimpleDate.daysInMonth(y, m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> SimpleDate { SimpleDate(dayNumber: dayNumber + days) }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool { a.dayNumber < b.dayNumber }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let d = SimpleDate(iso: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not a date: \(s)")
        }
        self = d
    }
}
