import PaodongModel
import Testing

/// `RandomStream.discrete` writes GSL's alias draw out in Swift; it must be GSL's draw exactly.
@Suite struct RandomStreamTests {
    /// Two streams on the same seed, one drawing through `discrete`, the other through GSL's
    /// `gsl_ran_discrete`: every draw equal, on tables of 1 to 7,786 weights (zeros, a single
    /// positive weight, a heavy skew, and random weights like the catalog's demand).
    @Test(arguments: [0, 1, 2, 3, 4])
    func discreteIsGSLs(_ shape: Int) {
        let weightsStream = RandomStream(seed: 99, chunk: 0, purpose: .needs)
        let weights: [Double] = switch shape {
        case 0: [1]
        case 1: [0, 0, 3, 0]
        case 2: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
        case 3: (0..<1000).map { 1 / Double(($0 + 1) * ($0 + 1)) }
        default: (0..<7786).map { _ in weightsStream.uniform() < 0.1 ? 0 : weightsStream.exponential(mean: 1) }
        }
        let table = DiscreteTable(weights: weights)
        let mine = RandomStream(seed: 7, chunk: UInt64(shape), purpose: .behaviour)
        let gsl = RandomStream(seed: 7, chunk: UInt64(shape), purpose: .behaviour)
        var differing = 0, zeroWeightDrawn = 0
        for _ in 0..<1_000_000 {
            let a = mine.discrete(table), b = gsl.gslDiscrete(table)
            if a != b { differing += 1 }
            if weights[a] == 0 { zeroWeightDrawn += 1 }
        }
        #expect(differing == 0)
        #expect(zeroWeightDrawn == 0)
    }

    /// `uniform` and `uniformInt` advance taus2's state in Swift: every draw is GSL's own, and
    /// GSL's samplers drawing from the same stream in between see the same state.
    @Test(arguments: [1, 2, 7, 1000, 4_294_967_295])
    func uniformsAreGSLs(_ n: Int) {
        let mine = RandomStream(seed: 11, chunk: UInt64(n), purpose: .needs)
        let gsl = RandomStream(seed: 11, chunk: UInt64(n), purpose: .needs)
        var differing = 0
        for i in 0..<200_000 {
            if mine.uniform().bitPattern != gsl.gslUniform().bitPattern { differing += 1 }
            if mine.uniformInt(n) != gsl.gslUniformInt(n) { differing += 1 }
            if i % 1000 == 0 && mine.gamma(shape: 2, mean: 3).bitPattern != gsl.gamma(shape: 2, mean: 3).bitPattern { differing += 1 }
        }
        #expect(differing == 0)
    }
}
