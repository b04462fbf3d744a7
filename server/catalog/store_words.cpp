#include "catalog/store_words.h"

#include "catalog/store.h"
#include "catalog/store_rows.h"

#include <algorithm>
#include <set>
#include <string_view>

namespace ps::catalog::store::words_index {

namespace {
// A prefix of more words than this is searched through the GIN index: each
// of a driving term's words costs an index walk, and each other term's words
// a probe.
constexpr long long kMaxWordsOfTerm = 64;

// The stems of every spelling, and the words that begin with each (a skip
// scan of the index: one seek a word), in one statement.
db::Query term_words_query(const std::vector<std::string>& terms) {
  db::Query query("WITH RECURSIVE spellings(term, spelling) AS (VALUES ");
  bool first = true;
  for (std::size_t term = 0; term < terms.size(); ++term) {
    for (const auto& spelling : search_spellings(terms[term])) {
      query.sql(first ? "(" : ", (").sql(std::to_string(term)).sql(", CAST(").bind(spelling);
      query.sql(" AS TEXT))");
      first = false;
    }
  }
  query
      .sql(R"(),
  stems AS (
    SELECT s.term, x.stem, COUNT(*) OVER (PARTITION BY s.term, s.spelling) AS n
    FROM spellings s
    CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english', s.spelling))) AS x(stem)),
  found(term, word, high, n) AS (
    SELECT term,
           (SELECT min(w.word) FROM product_words w
            WHERE w.word >= stem COLLATE "C" AND w.word < (stem || chr(1114111)) COLLATE "C"),
           (stem || chr(1114111)) COLLATE "C", 1
    FROM stems
    UNION ALL
    SELECT f.term,
           (SELECT min(w.word) FROM product_words w WHERE w.word > f.word AND w.word < f.high),
           f.high, f.n + 1
    FROM found f WHERE f.word IS NOT NULL AND f.n <= )")
      .sql(std::to_string(kMaxWordsOfTerm))
      .sql(R"()
  SELECT term, 'stem', stem, n FROM stems
  UNION ALL SELECT term, 'word', word, n FROM found WHERE word IS NOT NULL)");
  return query;
}

struct TermWordRow {
  long long term = 0, n = 0;
  std::string kind, text;
  void define(soci::statement& st) {
    st.exchange(soci::into(term));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(text));
    st.exchange(soci::into(n));
  }
};

// A term's words begin with a stem of one of its spellings, as to_tsquery's
// `stem:*` matches them; a term that the stemmer drops (a stop word) is left
// out, as to_tsquery leaves it out. nullopt where the index cannot stand in
// for the search vector: a spelling that stems to several lexemes (to_tsquery
// makes a phrase of them), a term of more than kMaxWordsOfTerm words, or no
// term left to search for.
std::optional<TermWords> words_of(db::Connection& sql, const std::vector<std::string>& terms) {
  std::vector<std::set<std::string>> words(terms.size());
  std::vector<bool> stemmed(terms.size(), false);
  bool exact = true;
  term_words_query(terms).each<TermWordRow>(sql, [&](const TermWordRow& row) {
    const auto term = static_cast<std::size_t>(row.term);
    if (row.kind == "stem") {
      stemmed[term] = true;
      exact = exact && row.n == 1;
    } else {
      words[term].insert(row.text);
      exact = exact && row.n <= kMaxWordsOfTerm;
    }
  });
  if (!exact) return std::nullopt;
  TermWords kept;
  for (std::size_t term = 0; term < terms.size(); ++term)
    if (stemmed[term]) kept.emplace_back(words[term].begin(), words[term].end());
  if (kept.empty()) return std::nullopt;
  // The term of fewest words first: its words drive the walk.
  std::ranges::stable_sort(kept, {}, &std::vector<std::string>::size);
  return kept;
}

bool finds_nothing(const TermWords& terms) {
  return std::ranges::any_of(terms, &std::vector<std::string>::empty);
}

// A word bound as product_words.word's type, so that comparing them needs no
// collation of its own.
void add_word(db::Query& query, const std::string& word) {
  query.sql("CAST(").bind(word).sql(R"( AS TEXT) COLLATE "C")");
}

// The words, each between `open` and `close`, separated by commas.
void add_words(db::Query& query, const std::vector<std::string>& words, std::string_view open,
               std::string_view close) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    query.sql(i ? ", " : "").sql(open);
    add_word(query, words[i]);
    query.sql(close);
  }
}

// The driving words as rows of l(word).
void add_driving_words(db::Query& query, const std::vector<std::string>& words) {
  query.sql("(VALUES ");
  add_words(query, words, "(", ")");
  query.sql(") AS l(word) ");
}

// Whether the product of row w also has a word of each other term: one seek
// in the index that ordered w (`key` is its third column), forced per row by
// the scalar subquery, which the planner never turns into a join over every
// row of the other words.
void add_other_terms(db::Query& query, const TermWords& terms, std::string_view key) {
  for (std::size_t term = 1; term < terms.size(); ++term) {
    query.sql("AND (SELECT true FROM product_words o WHERE o.word IN (");
    add_words(query, terms[term], "", "");
    query.sql(") AND o.category = w.category AND o.")
        .sql(key)
        .sql(" = w.")
        .sql(key)
        .sql(" AND o.id = w.id LIMIT 1) ");
  }
}

void add_price_range(db::Query& query, const ProductFilter& filter, std::string_view row) {
  if (filter.min_price_cents)
    query.sql("AND ").sql(row).sql(".price_cents >= ").bind(*filter.min_price_cents).sql(" ");
  if (filter.max_price_cents)
    query.sql("AND ").sql(row).sql(".price_cents <= ").bind(*filter.max_price_cents).sql(" ");
}

// Each driving word's first rows in each category (the filter's, or every
// listed one) past the cursor, in the sort's order; merged, and the page cut
// from them. A product found by two driving words ("key", "keyring") is
// grouped into one.
db::Query page_query(const ProductFilter& filter, const TermWords& terms) {
  const bool newest = filter.sort == ProductSort::newest;
  const std::string_view key = newest ? "created_at" : "price_cents";
  const bool descending = filter.sort != ProductSort::price_asc;
  const std::string_view direction = descending ? " DESC" : "";
  const long long window = filter.page.limit + 1;
  const long long rows = filter.after ? window : filter.page.offset() + window;

  db::Query query("SELECT x.id FROM ");
  add_driving_words(query, terms.front());
  if (filter.category.empty()) {
    query.sql("CROSS JOIN (SELECT category FROM listed_product_counts WHERE products > 0) AS c ");
  } else {
    query.sql("CROSS JOIN (VALUES (CAST(").bind(filter.category).sql(" AS TEXT))) AS c(category) ");
  }
  query.sql("CROSS JOIN LATERAL (SELECT w.").sql(key).sql(" AS k, w.id FROM product_words w ");
  query.sql("WHERE w.word = l.word AND w.category = c.category ");
  add_price_range(query, filter, "w");
  if (filter.after) {
    query.sql("AND (w.").sql(key).sql(", w.id) ").sql(descending ? "<" : ">").sql(" (");
    query.bind(filter.after->key).sql(", ").bind(static_cast<long long>(filter.after->id));
    query.sql(") ");
  }
  add_other_terms(query, terms, key);
  query.sql("ORDER BY w.").sql(key).sql(direction).sql(", w.id").sql(direction);
  query.sql(" LIMIT ").sql(std::to_string(rows)).sql(") AS x ");
  query.sql("GROUP BY x.k, x.id ORDER BY x.k").sql(direction).sql(", x.id").sql(direction);
  query.sql(" LIMIT ").sql(std::to_string(window));
  if (!filter.after) query.sql(" OFFSET ").bind(filter.page.offset());
  return query;
}

// When every term is one word, their rows merge in the index's order
// (category, price_cents, id), and the count stops at `cap` matches: a merge
// join of index-only scans, 0.5 ms for 1,000 matches at 100x the bench
// marketplace, where probing row by row took 2.6 ms.
db::Query merged_counts_query(const ProductFilter& filter, const TermWords& terms, long long cap) {
  db::Query query("SELECT category, COUNT(*) FROM (SELECT t0.category FROM product_words t0 ");
  for (std::size_t term = 1; term < terms.size(); ++term) {
    const std::string t = "t" + std::to_string(term);
    query.sql("JOIN product_words ").sql(t).sql(" ON ").sql(t).sql(".word = ");
    add_word(query, terms[term].front());
    query.sql(" ");
    for (const std::string_view column : {"category", "price_cents", "id"})
      query.sql("AND ").sql(t).sql(".").sql(column).sql(" = t0.").sql(column).sql(" ");
  }
  query.sql("WHERE t0.word = ");
  add_word(query, terms.front().front());
  query.sql(" ");
  add_price_range(query, filter, "t0");
  // In the index's order, so that the count groups the rows as they come
  // instead of sorting them again (a fifth of the statement).
  query.sql("ORDER BY t0.category, t0.price_cents, t0.id LIMIT ")
      .sql(std::to_string(cap))
      .sql(") AS m GROUP BY category");
  return query;
}

// Otherwise each driving word's first `cap` matches, told apart by id: when
// one word alone found `cap`, so did the whole; else every match was read.
db::Query probed_counts_query(const ProductFilter& filter, const TermWords& terms, long long cap) {
  const std::string limit = " LIMIT " + std::to_string(cap);
  db::Query query("SELECT category, COUNT(*) FROM (SELECT DISTINCT x.category, x.id FROM ");
  add_driving_words(query, terms.front());
  query.sql("CROSS JOIN LATERAL (SELECT w.category, w.id FROM product_words w ");
  query.sql("WHERE w.word = l.word ");
  add_price_range(query, filter, "w");
  add_other_terms(query, terms, "price_cents");
  query.sql(limit).sql(") AS x").sql(limit).sql(") AS m GROUP BY category");
  return query;
}

// The categories in which every term has a word (word_counts): only there can
// a product have them all.
db::Query shared_categories_query(const TermWords& terms) {
  db::Query query("SELECT c.category, COUNT(DISTINCT t.term) FROM (VALUES ");
  bool first = true;
  for (std::size_t term = 0; term < terms.size(); ++term) {
    for (const auto& word : terms[term]) {
      query.sql(first ? "(" : ", (").sql(std::to_string(term)).sql(", ");
      add_word(query, word);
      query.sql(")");
      first = false;
    }
  }
  query.sql(") AS t(term, word) JOIN word_counts c ON c.word = t.word AND c.products > 0 ");
  query.sql("GROUP BY c.category HAVING COUNT(DISTINCT t.term) = ")
      .sql(std::to_string(terms.size()));
  return query;
}

// A merge of more index walks than this plans slowly: the rows are probed.
constexpr std::size_t kMaxMergedWalks = 64;

// Every word's rows in each of `categories`, merged in (category,
// price_cents, id) order: each (word, category) is a walk of the price B-tree
// (OFFSET 0 keeps it a subquery of its own, sorted by the index), and a Merge
// Append joins the walks without sorting them. A product matches when its
// rows carry every term's bit; the count stops at `cap` matches. For "toy
// car" at 100x the bench marketplace ("car" also begins "card"): 4.3 ms,
// where probing each "toy" row for the other term took 24 ms.
db::Query merged_walks_counts_query(const ProductFilter& filter, const TermWords& terms,
                                    const CountsByCategory& categories, long long cap) {
  db::Query query(
      "SELECT category, COUNT(*) FROM (SELECT category FROM (SELECT category, price_cents, id, "
      "bit_or(term) OVER w AS terms, row_number() OVER w AS nth FROM (");
  bool first = true;
  for (std::size_t term = 0; term < terms.size(); ++term) {
    for (const auto& word : terms[term]) {
      for (const auto& [category, count] : categories) {
        query.sql(first ? "(" : " UNION ALL (").sql("SELECT category, price_cents, id, ");
        query.sql(std::to_string(1LL << term)).sql(" AS term FROM product_words WHERE word = ");
        add_word(query, word);
        // A range, not `=`: the walk's order then names the category, as
        // the Merge Append above it needs.
        query.sql(" AND category >= ").bind(category).sql(" AND category <= ").bind(category);
        query.sql(" ");
        add_price_range(query, filter, "product_words");
        query.sql("ORDER BY category, price_cents, id OFFSET 0)");
        first = false;
      }
    }
  }
  const long long every_term = (1LL << terms.size()) - 1;
  query.sql(") AS r WINDOW w AS (PARTITION BY category, price_cents, id)) AS x WHERE terms = ")
      .sql(std::to_string(every_term))
      .sql(" AND nth = 1 LIMIT ")
      .sql(std::to_string(cap))
      .sql(") AS m GROUP BY category");
  return query;
}

// One word's listed products per category, kept by migration 028's trigger.
db::Query kept_counts_query(const std::string& word) {
  db::Query query("SELECT category, products FROM word_counts WHERE word = ");
  add_word(query, word);
  query.sql(" AND products > 0");
  return query;
}

// The statement that counts the first `cap` matches of the terms' words;
// nullopt when no category holds a word of every term.
std::optional<db::Query> capped_counts_query(db::Connection& sql, const ProductFilter& filter,
                                             const TermWords& words, long long cap) {
  if (std::ranges::all_of(words, [](const auto& term) { return term.size() == 1; }))
    return merged_counts_query(filter, words, cap);
  const auto categories = read_counts(sql, shared_categories_query(words));
  if (categories.empty()) return std::nullopt;
  std::size_t walks = 0;
  for (const auto& term : words) walks += term.size() * categories.size();
  if (walks > kMaxMergedWalks) return probed_counts_query(filter, words, cap);
  return merged_walks_counts_query(filter, words, categories, cap);
}

}  // namespace

std::optional<TermWords> term_words(db::Connection& sql, const ProductFilter& filter) {
  return words_of(sql, search_terms(filter.query));
}

std::vector<std::int64_t> page_ids(db::Connection& sql, const ProductFilter& filter,
                                   const TermWords& words) {
  if (finds_nothing(words)) return {};
  return read_ids(sql, page_query(filter, words));
}

CategoryCounts counts(db::Connection& sql, const ProductFilter& filter, const TermWords& words,
                      long long cap) {
  if (finds_nothing(words)) return {};
  if (words.size() == 1 && words.front().size() == 1 && !filter.min_price_cents &&
      !filter.max_price_cents) {
    return {read_counts(sql, kept_counts_query(words.front().front())), /*capped=*/false};
  }
  const auto query = capped_counts_query(sql, filter, words, cap);
  return query ? counted_to(read_counts(sql, *query), cap) : CategoryCounts{};
}

}  // namespace ps::catalog::store::words_index
