#pragma once

// "Did you mean": the closest known word to a search word that finds
// nothing. Pure functions; the known words come from the store
// (store::similar_words).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ps::catalog {

// Edits between two words: insertions, deletions, substitutions and swaps of
// neighbours ("scraf" -> "scarf" is one), counted in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The word that a search word not found most likely meant, among
// `candidates` (known words, most similar by trigrams first): the one fewest
// edits away, at most one edit for words of up to four letters and two for
// longer ones. Nothing when the word is itself known, or the beginning of a
// known word (someone still typing), or nothing is close enough.
std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& candidates);

}  // namespace ps::catalog
