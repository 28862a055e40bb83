import Histogram
import PaodongModel

/// One queue of the city, a hall or a district's kiosk pool: its random stream, its kernel and
/// its statistics over the run. Touched by one worker at a time.
public final class QueueState: @unchecked Sendable {
    public let isKiosk: Bool
    public let index: Int
    let kernel: QueueKernel
    let rng: RandomStream
    let periods: [OpeningPeriod]
    let overtime: Double

    public private(set) var visits: Int64 = 0
    public private(set) var joins: Int64 = 0
    public private(set) var served: Int64 = 0
    public private(set) var unserved: Int64 = 0
    public private(set) var busyMin: Double = 0
    /// Busy minutes of each window group.
    public private(set) var groupBusyMin: [Double]
    /// Queue joins of each window group, and those not served (closed, gave up, refused).
    public private(set) var groupJoins: [Int64]
    public private(set) var groupUnserved: [Int64]
    public private(set) var servedWaitMs: Int64 = 0
    public private(set) var maxQueue: Int = 0
    public private(set) var openDays: Int = 0
    /// Largest wait a histogram holds, in hundredths of a minute (about 43 hours; a hall session is shorter).
    public static let waitCeiling: UInt64 = 1 << 18
    /// Served waits in hundredths of a minute, three significant digits. The range matters: with
    /// 2^32 each of the city's 758 histograms took 376 KB (285 MB in all); with 2^18, 74 KB.
    public private(set) var waits = QueueState.waitHistogram()

    public static func waitHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: waitCeiling, numberOfSignificantValueDigits: .three)
    }

    private var order: [(arrival: Double, chunk: Int32, visit: Int32)] = []
    private var customers = QueueKernel.Customers()
    private var results = QueueKernel.Results()
    private var padding = CacheLinePadding()

    init(index: Int, isKiosk: Bool, servers: [Int], cv: Double, ticketCapPerWindow: Int?, periods: [OpeningPeriod],
         overtime: Double, seed: UInt64) {
        self.index = index; self.isKiosk = isKiosk; self.periods = periods; self.overtime = overtime
        groupBusyMin = Array(repeating: 0, count: servers.count)
        groupJoins = Array(repeating: 0, count: servers.count)
        groupUnserved = Array(repeating: 0, count: servers.count)
        kernel = QueueKernel(servers: servers, distribution: .lognormal(cv: cv),
                             ticketCap: ticketCapPerWindow.map { cap in servers.map { $0 * cap } }, maxStages: 4)
        rng = RandomStream(seed: seed, chunk: UInt64(index), purpose: isKiosk ? .kiosk : .queue)
    }

    public var servers: Int { kernel.servers.reduce(0, +) }
    public var openMinutesPerDay: Int { periods.reduce(0) { $0 + $1.minutes } }

    /// Highest utilisation of any window group over opening hours.
    public var maxGroupUtilization: Double {
        let minutes = Double(openMinutesPerDay * openDays)
        guard minutes > 0 else { return 0 }
        return zip(groupBusyMin, kernel.servers).map { $0 / (Double($1) * minutes) }.max() ?? 0
    }

    /// Serves the day's visits, session by session, and writes each visit's outcome back to its chunk.
    func serve(day: Int, entries: UnsafeBufferPointer<(chunk: Int32, visit: Int32)>, chunks: [ChunkState], tally: Tally) {
        openDays += 1
        guard !entries.isEmpty else { return }
        order.removeAll(keepingCapacity: true)
        for e in entries { order.append((chunks[Int(e.chunk)].visits[Int(e.visit)].arrival, e.chunk, e.visit)) }
        order.sort { ($0.arrival, $0.chunk, $0.visit) < ($1.arrival, $1.chunk, $1.visit) }
        visits += Int64(order.count)
        var k = 0
        for period in periods {
            let first = k
            while k < order.count && order[k].arrival < Double(period.end) { k += 1 }
            if k > first { session(order[first..<k], closeAt: Double(period.end) + overtime, day: day, chunks: chunks, tally: tally) }
        }
        precondition(k == order.count, "visit arrivals must fall inside opening periods")
    }

    private func session(_ batch: ArraySlice<(arrival: Double, chunk: Int32, visit: Int32)>, closeAt: Double, day: Int,
                         chunks: [ChunkState], tally: Tally) {
        let stride = kernel.maxStages
        customers.arrival.removeAll(keepingCapacity: true)
        customers.patience.removeAll(keepingCapacity: true)
        customers.stages.removeAll(keepingCapacity: true)
        customers.group.removeAll(keepingCapacity: true)
        customers.serviceMean.removeAll(keepingCapacity: true)
        for e in batch {
            let v = chunks[Int(e.chunk)].visits[Int(e.visit)]
            customers.arrival.append(v.arrival)
            customers.patience.append(v.patience)
            customers.stages.append(v.stages)
            for s in 0..<stride {
                customers.group.append(s < Int(v.stages) ? v.group(s) : 0)
                customers.serviceMean.append(v.serviceMean)
            }
        }
        kernel.run(customers, closeAt: closeAt, rng: rng, into: &results)
        for (i, e) in batch.enumerated() {
            var outcome = VisitOutcome()
            for s in 0..<stride {
                let slot = i * stride + s
                let status = results.status[slot]
                if status == .notReached { continue }
                joins += 1
                let group = Int(customers.group[slot])
                groupJoins[group] += 1
                maxQueue = max(maxQueue, Int(results.queueSeen[slot]))
                outcome.set(s, status)
                let w = ms(results.wait[slot])
                outcome.waitMs += w
                if status == .served {
                    outcome.servedWaitMs += w
                    outcome.serviceMs += ms(results.service[slot])
                    served += 1
                    busyMin += results.service[slot]
                    groupBusyMin[group] += results.service[slot]
                    servedWaitMs += w
                    _ = waits.record(min(QueueState.waitCeiling, UInt64(max(0, (results.wait[slot] * 100).rounded()))))
                    tally.add(day: day, .servedVisits, 1)
                    tally.add(day: day, .servedWaitMs, w)
                } else {
                    unserved += 1
                    groupUnserved[group] += 1
                }
            }
            chunks[Int(e.chunk)].outcomes[Int(e.visit)] = outcome
        }
    }
}
