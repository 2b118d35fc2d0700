#pragma once
// MPI for one run of lngeom-mpi: initialised on construction, finalised on destruction, and the
// byte messages the ranks exchange. Only the main thread calls MPI; the pass's worker threads
// never do (MPI_THREAD_FUNNELED).

#include <string>

namespace lngeom::mpi {

class MpiSession {
  public:
    MpiSession(int& argc, char**& argv);
    ~MpiSession();
    MpiSession(const MpiSession&) = delete;
    MpiSession& operator=(const MpiSession&) = delete;

    int rank() const { return rank_; }
    int size() const { return size_; }

    // A message of any length (below 2 GiB) to `destination`, and the next one from `source`.
    void send(int destination, const std::string& bytes) const;
    std::string receive(int source) const;
    // Rank 0's status to every rank.
    int broadcast_status(int status) const;
    // Rank 0's text (below 2 GiB) to every rank; the others' `text` is ignored.
    std::string broadcast_text(const std::string& text) const;

  private:
    int rank_ = 0;
    int size_ = 1;
};

}  // namespace lngeom::mpi
