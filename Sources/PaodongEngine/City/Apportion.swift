/// Largest-remainder apportionment: splits `total` into integers proportional to `weights`,
/// ties broken by index so that the result is deterministic. O(n log n).
public func apportion(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard total > 0, sum > 0 else { return Array(repeating: 0, count: weights.count) }
    let quotas = weights.map { Double(total) * $0 / sum }
    var result = quotas.map { Int($0.rounded(.down)) }
    let left = total - result.reduce(0, +)
    let order = quotas.indices.sorted { (quotas[$0] - quotas[$0].rounded(.down), -$0) > (quotas[$1] - quotas[$1].rounded(.down), -$1) }
    for i in order.prefix(left) { result[i] += 1 }
    return result
}
