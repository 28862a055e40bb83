/// 128 bytes of nothing, declared last in a class whose neighbours in memory belong to other
/// workers (chunks, queues), so that one worker's writes to its object never invalidate the cache
/// line holding another's (false sharing; adjacent-line prefetch makes 128 the safe distance).
struct CacheLinePadding {
    private var bytes: (SIMD64<UInt8>, SIMD64<UInt8>) = (.zero, .zero)
}
