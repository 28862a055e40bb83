import Foundation
import PaodongModel
import Testing

/// `zeroPadded` against Foundation's `String(format: "%04d")`, which the catalog's ids used before.
@Suite struct ZeroPaddedTests {
    @Test(arguments: [0, 1, 7, 42, 999, 1000, 7786, 9999, 10000, 123_456])
    func sameAsPrintf(n: Int) {
        #expect(n.zeroPadded(4) == String(format: "%04d", n))
        #expect(n.zeroPadded(1) == String(n))
    }
}
