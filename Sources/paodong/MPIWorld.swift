import Foundation
#if MPI
import CMPI
#endif

/// The processes a sweep shares its runs among: the MPI ranks when paodong is built with the MPI
/// trait (`swift build --traits MPI`) and started by `mpirun`, else this process alone.
struct MPIWorld {
    let rank: Int
    let size: Int
    var isRoot: Bool { rank == 0 }

    /// Joins the MPI world (MPI_Init_thread, funneled: only this thread calls MPI; the simulation's
    /// workers never do).
    static func start() -> MPIWorld {
        #if MPI
        _ = paodong_mpi_init()
        return MPIWorld(rank: Int(paodong_mpi_rank()), size: Int(paodong_mpi_size()))
        #else
        return MPIWorld(rank: 0, size: 1)
        #endif
    }

    func finish() {
        #if MPI
        _ = paodong_mpi_finalize()
        #endif
    }

    /// The largest of every rank's `value` (a collective: every rank must call it).
    func maximum(_ value: Int) -> Int {
        #if MPI
        return Int(paodong_mpi_max(Int32(value)))
        #else
        return value
        #endif
    }

    static let rowsTag: Int32 = 7

    /// Every rank's `data` at the root, in rank order (the root's own first); nil on other ranks.
    func gather(_ data: Data) -> [Data]? {
        #if MPI
        if !isRoot {
            data.withUnsafeBytes { _ = paodong_mpi_send_bytes($0.baseAddress, Int32($0.count), 0, Self.rowsTag) }
            return nil
        }
        var all = [data]
        for from in 1..<size {
            let count = Int(paodong_mpi_probe_bytes(Int32(from), Self.rowsTag))
            var buffer = Data(count: count)
            buffer.withUnsafeMutableBytes { _ = paodong_mpi_recv_bytes($0.baseAddress, Int32(count), Int32(from), Self.rowsTag) }
            all.append(buffer)
        }
        return all
        #else
        return [data]
        #endif
    }
}
