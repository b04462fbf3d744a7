#pragma once

namespace ps {

// Which page of a list a client asked for (page from 1).
struct PageRequest {
  int page = 1;
  int limit = 24;
  long long offset() const { return static_cast<long long>(page - 1) * limit; }
};

}  // namespace ps
