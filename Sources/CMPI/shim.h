#ifndef PAODONG_CMPI_SHIM_H
#define PAODONG_CMPI_SHIM_H

#include <mpi.h>

/* Open MPI's handles (MPI_COMM_WORLD, MPI_CHAR, MPI_INT, MPI_MAX) are macros over global
   structs that Swift cannot import; these wrappers hand them over as plain calls. Only the
   `MPI` trait builds this module (swift build --traits MPI). */

static inline int paodong_mpi_init(void) {
    int provided = 0;
    return MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &provided);
}
static inline int paodong_mpi_rank(void) { int r = 0; MPI_Comm_rank(MPI_COMM_WORLD, &r); return r; }
static inline int paodong_mpi_size(void) { int s = 1; MPI_Comm_size(MPI_COMM_WORLD, &s); return s; }
static inline int paodong_mpi_finalize(void) { return MPI_Finalize(); }
static inline int paodong_mpi_abort(int code) { return MPI_Abort(MPI_COMM_WORLD, code); }
/* The largest of every rank's `value`. */
static inline int paodong_mpi_max(int value) {
    int result = value;
    MPI_Allreduce(&value, &result, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return result;
}
static inline int paodong_mpi_send_bytes(const void *bytes, int count, int to, int tag) {
    return MPI_Send(bytes, count, MPI_CHAR, to, tag, MPI_COMM_WORLD);
}
/* The size of the next message from `from` with `tag` (blocks until it arrives). */
static inline int paodong_mpi_probe_bytes(int from, int tag) {
    MPI_Status status;
    int count = 0;
    MPI_Probe(from, tag, MPI_COMM_WORLD, &status);
    MPI_Get_count(&status, MPI_CHAR, &count);
    return count;
}
static inline int paodong_mpi_recv_bytes(void *bytes, int count, int from, int tag) {
    return MPI_Recv(bytes, count, MPI_CHAR, from, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
}

#endif
