#include "payments/dispute_store.h"

namespace ps::payments::dispute_store {

constexpr std::string_view kRecord = R"(
  INSERT INTO payment_disputes (id, payment_id, amount, currency, status, opened_at,
                                evidence_due_by)
  VALUES (:id, :payment, :amount, :currency, 'open', :now, :due_by)
  ON CONFLICT (id) DO NOTHING)";

void record(db::Connection& sql, const Dispute& dispute, std::int64_t payment_id, Millis now) {
  std::optional<long long> due_by;
  if (dispute.evidence_due_by) due_by = *dispute.evidence_due_by * 1000;
  db::Query(kRecord)
      .values(dispute.id, static_cast<long long>(payment_id), dispute.amount, dispute.currency,
              static_cast<long long>(now), due_by)
      .execute(sql);
}

constexpr std::string_view kClose = R"(
  UPDATE payment_disputes SET status = :outcome, closed_at = :now
  WHERE id = :id AND status = 'open')";

bool close(db::Connection& sql, const std::string& dispute_id, const std::string& outcome,
           Millis now) {
  return db::Query(kClose).values(outcome, static_cast<long long>(now), dispute_id).execute(sql) ==
         1;
}

namespace {
struct DisputeRow {
  PaymentDispute dispute;
  long long payment = 0, opened = 0, closed = 0, due_by = 0, submitted = 0;
  soci::indicator closed_ind = soci::i_null, due_ind = soci::i_null, submitted_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(dispute.id));
    st.exchange(soci::into(payment));
    st.exchange(soci::into(dispute.amount_cents));
    st.exchange(soci::into(dispute.currency));
    st.exchange(soci::into(dispute.status));
    st.exchange(soci::into(opened));
    st.exchange(soci::into(closed, closed_ind));
    st.exchange(soci::into(due_by, due_ind));
    st.exchange(soci::into(submitted, submitted_ind));
  }

  PaymentDispute to_dispute() const {
    PaymentDispute read = dispute;
    read.payment_id = payment;
    read.opened_at = opened;
    if (closed_ind == soci::i_ok) read.closed_at = closed;
    if (due_ind == soci::i_ok) read.evidence_due_by = due_by;
    if (submitted_ind == soci::i_ok) read.evidence_submitted_at = submitted;
    return read;
  }
};

constexpr std::string_view kColumns = R"(
  SELECT id, payment_id, amount, currency, status, opened_at, closed_at, evidence_due_by,
         evidence_submitted_at FROM payment_disputes )";
}  // namespace

std::optional<PaymentDispute> latest(db::Connection& sql, std::int64_t payment_id) {
  std::optional<PaymentDispute> found;
  db::Query query(kColumns);
  query.sql("WHERE payment_id = :payment ORDER BY opened_at DESC, id DESC LIMIT 1")
      .values(static_cast<long long>(payment_id))
      .each<DisputeRow>(sql, [&](const DisputeRow& row) { found = row.to_dispute(); });
  return found;
}

std::optional<PaymentDispute> lock(db::Connection& sql, const std::string& dispute_id) {
  std::optional<PaymentDispute> found;
  db::Query query(kColumns);
  query.sql("WHERE id = :id").for_update(sql);
  query.values(dispute_id).each<DisputeRow>(sql, [&](const DisputeRow& row) {
    found = row.to_dispute();
  });
  return found;
}

constexpr std::string_view kMarkEvidenceSubmitted = R"(
  UPDATE payment_disputes SET evidence_submitted_at = :now WHERE id = :id)";

void mark_evidence_submitted(db::Connection& sql, const std::string& dispute_id, Millis now) {
  db::Query(kMarkEvidenceSubmitted).values(static_cast<long long>(now), dispute_id).execute(sql);
}

}  // namespace ps::payments::dispute_store
