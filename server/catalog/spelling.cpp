#include "catalog/spelling.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <tuple>
#include <utility>

namespace ps::catalog {

// Optimal string alignment: Levenshtein with swaps of neighbours, three rows.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates) {
  if (word.size() < 3) return std::nullopt;  // as the words kept (migration 022)
  const std::size_t allowed = word.size() <= 4 ? 1 : 2;
  std::optional<std::tuple<std::size_t, std::size_t, std::string_view>> best;
  for (const auto& candidate : candidates) {
    if (candidate.starts_with(word)) return std::nullopt;
    const std::size_t edits = edit_distance(word, candidate);
    if (edits > allowed) continue;
    // Fewest edits; then the length nearest the word's; then alphabetical,
    // so that both databases' candidate orders give the same answer.
    const auto length_gap = static_cast<std::size_t>(
        std::abs(static_cast<long>(candidate.size()) - static_cast<long>(word.size())));
    const std::tuple<std::size_t, std::size_t, std::string_view> rank{edits, length_gap, candidate};
    if (!best || rank < *best) best = rank;
  }
  if (!best) return std::nullopt;
  return std::string(std::get<2>(*best));
}

}  // namespace ps::catalog
