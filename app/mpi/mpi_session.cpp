#include "app/mpi/mpi_session.h"

#include <mpi.h>

#include <algorithm>
#include <climits>
#include <stdexcept>

namespace lngeom::mpi {

namespace {

constexpr int kStateTag = 16;

}  // namespace

MpiSession::MpiSession(int& argc, char**& argv) {
    int provided = 0;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

void MpiSession::send(int destination, const std::string& bytes) const {
    if (bytes.size() > std::size_t(INT_MAX))
        throw std::length_error("a state of " + std::to_string(bytes.size()) +
                                " bytes is too large for one MPI message");
    MPI_Send(bytes.data(), int(bytes.size()), MPI_BYTE, destination, kStateTag, MPI_COMM_WORLD);
}

std::string MpiSession::receive(int source) const {
    MPI_Status status;
    MPI_Probe(source, kStateTag, MPI_COMM_WORLD, &status);
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    std::string bytes(std::size_t(count), '\0');
    MPI_Recv(bytes.data(), count, MPI_BYTE, source, kStateTag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return bytes;
}

int MpiSession::broadcast_status(int status) const {
    MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return status;
}

std::string MpiSession::broadcast_text(const std::string& text) const {
    const int length = broadcast_status(int(std::min<std::size_t>(text.size(), INT_MAX)));
    std::string received =
        rank_ == 0 ? text.substr(0, std::size_t(length)) : std::string(std::size_t(length), '\0');
    MPI_Bcast(received.data(), length, MPI_CHAR, 0, MPI_COMM_WORLD);
    return received;
}

}  // namespace lngeom::mpi
