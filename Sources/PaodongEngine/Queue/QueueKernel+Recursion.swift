extension QueueKernel {
    /// Runs one session by the workload recursion (`SessionRecursion`) instead of events: the same
    /// results as `run` for the same service times, which must all be given in `c.serviceTime`
    /// (one per stage reached; the recursion decides starts out of the kernel's event order, so it
    /// cannot draw them in the kernel's order). Results are overwritten. For checking the
    /// recursion against the kernel; a miniature's halls run it on their visits directly.
    /// O((customers × stages) log servers).
    public func runRecursion(_ c: Customers, closeAt: Double, into r: inout Results) {
        precondition(c.serviceTime.count == c.arrival.count * maxStages, "the recursion needs every service time given")
        r.reset(slots: c.arrival.count * maxStages, servers: servers)
        var session = GivenCustomers(c: c, stride: maxStages, results: r)
        r = Results()
        var recursion = SessionRecursion()
        recursion.run(&session, servers: servers, ticketCap: ticketCap, closeAt: closeAt)
        r = session.results
    }
}

/// A kernel session's inputs and results as the recursion's customers.
private struct GivenCustomers: SessionCustomers {
    let c: QueueKernel.Customers
    let stride: Int
    var results: QueueKernel.Results

    var count: Int { c.arrival.count }

    func visit(_ i: Int) -> SessionVisit {
        var v = SessionVisit(arrival: c.arrival[i], patience: c.patience[i])
        let g = { (s: Int) in s < Int(self.c.stages[i]) ? self.c.group[i * self.stride + s] : 0 }
        v.groups = (g(0), stride > 1 ? g(1) : 0, stride > 2 ? g(2) : 0, stride > 3 ? g(3) : 0)
        v.stages = c.stages[i]
        v.serviceMean = c.serviceMean[i * stride]
        return v
    }

    func seesLine(_ i: Int) -> Bool { true }

    func serviceTime(_ i: Int, _ v: SessionVisit, stage: Int) -> Double { c.serviceTime[i * stride + stage] }

    mutating func record(_ i: Int, _ v: SessionVisit, stage: Int, group: Int, _ status: QueueKernel.StageStatus,
                         wait: Double, service: Double, queueSeen: Int) {
        let slot = i * stride + stage
        results.status[slot] = status
        results.wait[slot] = wait
        results.service[slot] = service
        results.queueSeen[slot] = Int32(queueSeen)
    }
}
