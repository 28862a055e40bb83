import Foundation

/// The customers of one session as `SessionRecursion` reads them: in arrival order, each with its
/// patience and route; a stage's service time asked for when the stage starts, and each stage's
/// outcome handed back as soon as it is known.
///
/// The contract: `visit(i)` returns the same visit every time it is asked (the recursion reads a
/// customer again when a later stage joins its line), and arrivals are non-decreasing in `i`.
protocol SessionCustomers {
    /// Customers in the session.
    var count: Int { get }
    /// Customer `i`'s arrival, patience, service mean and route.
    func visit(_ i: Int) -> SessionVisit
    /// Whether customer `i`'s records need the line its joins find (`queueSeen`); where not, the
    /// recursion passes 0 and skips counting it.
    func seesLine(_ i: Int) -> Bool
    /// The service minutes of customer `i`'s stage `stage`, asked for once, when it starts.
    mutating func serviceTime(_ i: Int, _ v: SessionVisit, stage: Int) -> Double
    /// What happened to customer `i` at stage `stage` (in window group `group`): its status, the
    /// minutes from joining the line to service start (or to leaving it unserved), the service
    /// minutes (0 unless served), and the line (waiting, not in service) that the join found.
    mutating func record(_ i: Int, _ v: SessionVisit, stage: Int, group: Int, _ status: QueueKernel.StageStatus,
                         wait: Double, service: Double, queueSeen: Int)
}

/// A visit as a session meets it: when it arrives, how long it would wait, and its route and
/// service. A miniature's background visits are kept in this form (their templates too).
struct SessionVisit: WindowRoute {
    var arrival: Double
    var patience: Double
    var serviceMean: Double
    /// log(serviceMean), computed once per template for the background's lognormal service draws
    /// (0 where unused).
    var logMean: Double
    var groups: (UInt16, UInt16, UInt16, UInt16)
    var stages: UInt8

    /// A copy not yet given its template's route and service.
    init(arrival: Double, patience: Double) {
        self.arrival = arrival; self.patience = patience
        serviceMean = 0; logMean = 0; groups = (0, 0, 0, 0); stages = 0
    }

    /// A simulated visit as the session meets it; `logMean` is computed only for a template.
    init(copying v: VisitRequest, logMean withLog: Bool) {
        arrival = v.arrival; patience = v.patience
        serviceMean = v.serviceMean; logMean = withLog ? log(v.serviceMean) : 0; groups = v.groups; stages = v.stages
    }
}

/// A hall session played by the workload (Kiefer–Wolfowitz) recursion: the event kernel's
/// schedule (`QueueKernel.run`: FIFO per window group, patience, a ticket cap, routes of up to four
/// groups, no service started after closing) computed join by join instead of event by event.
///
/// Why it is the same schedule: under FIFO a customer who gives up never delays anyone behind, so
/// the customer joining group g at t starts at S = max(t, the earliest time one of g's windows is
/// free once every earlier joiner of g has been given its window), if S is no later than its
/// deadline (t + patience) and the closing; otherwise it leaves the line at its deadline (or is
/// sent away at closing). The window's next free time becomes S + service, when the customer
/// joins its route's next group. Joins are taken in time order (a later stage's join waits in a
/// small heap; at equal times it goes before an arrival, as the kernel's completions do), so each
/// group's windows need only a heap of free times, and the line a join finds is the earlier
/// joiners whose S (the moment the kernel takes them from the line, served or gone) is still
/// ahead: these S never decrease within a group, so each line is a FIFO list. A unit test runs
/// both on random sessions with given service times (`QueueKernel.runRecursion`) and compares
/// every status, wait, service and line bit for bit; they can differ only where two events fall
/// at the same instant (the kernel's order among completions at one time is its start order).
///
/// Nothing is stored per customer: a join costs a sift of its group's heap of windows
/// (O(log windows)), and a customer of one stage never enters the heap of later joins. Storage is
/// kept from one session to the next.
struct SessionRecursion: ~Copyable {
    /// One window group's state in a session.
    private struct Group {
        /// Where its windows' free times start in `freeAt` (a 4-ary min-heap of `windows` entries).
        var heap: Int32
        var windows: Int32
        var tickets: Int32
        var ticketCap: Int32
        /// Its line as a list through `line`: the oldest entry, the newest, and how many.
        var head: Int32
        var tail: Int32
        var waiting: Int32
    }

    /// A waiting customer's place in its group's line: when the line lets it go, and the next one.
    private struct LineEntry {
        var leaves: Double
        var next: Int32
    }

    /// A later stage's join, due when the previous stage's service ends.
    private struct StageJoin: Comparable {
        var time: Double
        var seq: Int32
        var customer: Int32
        var stage: Int32
        static func < (a: StageJoin, b: StageJoin) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: StageJoin, b: StageJoin) -> Bool { a.seq == b.seq }
    }

    private var groups = FlatBuffer<Group>()
    private var freeAt = FlatBuffer<Double>()
    private var line = FlatBuffer<LineEntry>()
    private var later = EventHeap<StageJoin>()

    init() {}

    /// Plays one session in which service may start until `closeAt`: every customer's stages,
    /// recorded through `customers`. `servers` and `ticketCap` are per window group.
    /// O((customers × stages) log windows).
    mutating func run<C: SessionCustomers>(_ customers: inout C, servers: [Int], ticketCap: [Int]?, closeAt: Double) {
        reset(servers: servers, ticketCap: ticketCap)
        var seq: Int32 = 0
        for i in 0..<customers.count {
            let v = customers.visit(i)
            // Later stages due by this arrival join first (the kernel's completions come before
            // an arrival at the same time).
            while let due = later.min, due.time <= v.arrival { joinLater(closeAt: closeAt, seq: &seq, &customers) }
            join(i, v, stage: 0, at: v.arrival, closeAt: closeAt, seq: &seq, &customers)
        }
        while later.min != nil { joinLater(closeAt: closeAt, seq: &seq, &customers) }
    }

    /// The earliest later stage joins its group's line.
    @inline(__always)
    private mutating func joinLater<C: SessionCustomers>(closeAt: Double, seq: inout Int32, _ customers: inout C) {
        let due = later.removeMin()
        let c = Int(due.customer)
        join(c, customers.visit(c), stage: Int(due.stage), at: due.time, closeAt: closeAt, seq: &seq, &customers)
    }

    /// Customer `i` joins the line of its stage `s`'s group at `t`.
    @inline(__always)
    private mutating func join<C: SessionCustomers>(_ i: Int, _ v: SessionVisit, stage s: Int, at t: Double, closeAt: Double,
                                                    seq: inout Int32, _ customers: inout C) {
        let g = Int(v.group(s))
        var group = groups[g]
        defer { groups[g] = group }
        if group.tickets >= group.ticketCap {
            customers.record(i, v, stage: s, group: g, .refused, wait: 0, service: 0, queueSeen: 0)
            return
        }
        group.tickets += 1
        // Those whose turn came by t have left the line (served, or found gone by the window);
        // counted only for a join that needs it: the condition only grows with t and joins come
        // in time order, so a later count drops them all the same.
        var seen = 0
        if customers.seesLine(i) {
            while group.waiting > 0 && line[Int(group.head)].leaves <= t {
                group.head = line[Int(group.head)].next
                group.waiting -= 1
            }
            seen = Int(group.waiting)
        }
        let deadline = t + v.patience
        let root = Int(group.heap)
        let start = Swift.max(t, group.windows > 0 ? freeAt[root] : .infinity)
        if start <= closeAt && start <= deadline {
            let service = customers.serviceTime(i, v, stage: s)
            let done = start + service
            siftDown(done, heap: root, count: Int(group.windows))
            if start > t { enqueue(leaving: start, &group) }
            customers.record(i, v, stage: s, group: g, .served, wait: start - t, service: service, queueSeen: seen)
            if s + 1 < Int(v.stages) && done < .infinity {
                later.insert(StageJoin(time: done, seq: seq, customer: Int32(i), stage: Int32(s + 1)))
                seq &+= 1
            }
            return
        }
        // Not served: it leaves the line when its turn comes (gone by then), or never before closing.
        enqueue(leaving: start <= closeAt ? start : .infinity, &group)
        if start <= closeAt || deadline < closeAt {
            customers.record(i, v, stage: s, group: g, .abandoned, wait: deadline - t, service: 0, queueSeen: seen)
        } else {
            customers.record(i, v, stage: s, group: g, .closed, wait: Swift.max(0, closeAt - t), service: 0, queueSeen: seen)
        }
    }

    /// Appends a waiting customer who leaves the line at `leaves` to `group`'s line. O(1).
    @inline(__always) private mutating func enqueue(leaving leaves: Double, _ group: inout Group) {
        let k = Int32(line.count)
        line.append(LineEntry(leaves: leaves, next: -1))
        if group.waiting > 0 { line[Int(group.tail)].next = k } else { group.head = k }
        group.tail = k
        group.waiting += 1
    }

    /// Replaces the root of the heap of `count` free times at `heap` by `value` and sifts it down.
    /// O(log count).
    @inline(__always) private func siftDown(_ value: Double, heap: Int, count n: Int) {
        fourArySiftDown(value, in: freeAt.base + heap, count: n)
    }

    /// Every window free from the start, no ticket given, every line and the later joins empty.
    /// O(windows + groups).
    private mutating func reset(servers: [Int], ticketCap: [Int]?) {
        groups.resize(to: servers.count)
        var windows = 0
        for (g, c) in servers.enumerated() {
            groups[g] = Group(heap: Int32(windows), windows: Int32(c), tickets: 0,
                              ticketCap: Int32(clamping: ticketCap?[g] ?? Int(Int32.max)), head: -1, tail: -1, waiting: 0)
            windows += c
        }
        freeAt.resize(to: windows)
        for k in 0..<windows { freeAt[k] = -.infinity }
        line.removeAll()
        later.removeAll()
    }
}
