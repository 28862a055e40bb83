/// The fewest servers from `start` (a count that fails, or 0) for which `meets` holds, when `meets`
/// only grows with the servers (a service level does): doubling steps, then bisection.
/// O(log n) evaluations. Erlang C and Erlang A sizing (`paodong staff`) share it.
public func fewestServers(from start: Int, meeting meets: (Int) -> Bool) -> Int {
    var low = start, step = 1
    var high = low + step
    while !meets(high) {
        low = high
        step *= 2
        high = low + step
    }
    while high - low > 1 {
        let mid = (low + high) / 2
        if meets(mid) { high = mid } else { low = mid }
    }
    return high
}
