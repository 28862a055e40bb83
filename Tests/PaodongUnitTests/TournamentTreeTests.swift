import PaodongEngine
import PaodongModel
import Testing

/// `TournamentTree` against a sorted list of the same times: after every insertion, removal and
/// replacement of the earliest, the tree's earliest time and count must be the list's.
@Suite struct TournamentTreeTests {
    @Test(arguments: [1, 2, 3, 4, 5, 16, 17, 210, 256, 300])
    func earliestIsTheSortedListsFirst(capacity: Int) {
        let rng = RandomStream(seed: UInt64(capacity), chunk: 0, purpose: .needs)
        var tree = TournamentTree()
        var reference: [Double] = []
        // Two days on the same storage, the second smaller: a reset must forget the first.
        for day in 0..<2 {
            let room = day == 0 ? capacity : Swift.max(1, capacity / 3)
            tree.reset(capacity: room)
            reference.removeAll()
            #expect(tree.min == nil && tree.count == 0)
            for _ in 0..<(20 * room + 50) {
                let u = rng.uniform()
                // Coarse times, so that equal times are common; +0 and +∞ too.
                let t = u < 0.02 ? 0.0 : u < 0.04 ? Double.infinity : (rng.uniform() * 50).rounded()
                if reference.isEmpty || (reference.count < room && u < 0.4) {
                    tree.insert(t); reference.append(t)
                } else if u < 0.6 || reference.count == room && u < 0.45 {
                    tree.removeMin(); reference.removeFirst()
                } else {
                    tree.replaceMin(with: t); reference.removeFirst(); reference.append(t)
                }
                reference.sort()
                #expect(tree.count == reference.count)
                #expect(tree.min == reference.first, "capacity \(room), day \(day)")
            }
            // Emptied one by one, the times come out in order.
            while let m = tree.min {
                #expect(m == reference.removeFirst())
                tree.removeMin()
            }
            #expect(reference.isEmpty && tree.count == 0)
        }
    }
}
