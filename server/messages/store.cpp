#include "messages/store.h"

namespace ps::messages::store {

namespace {
std::optional<long long> nullable(const std::optional<std::int64_t>& id) {
  if (!id) return std::nullopt;
  return static_cast<long long>(*id);
}
}  // namespace

constexpr std::string_view kFindShop = R"(
  SELECT owner_id, name, accent_color FROM shops WHERE id = :id)";

std::optional<ShopParty> find_shop(db::Connection& sql, std::int64_t shop_id) {
  struct Row {
    ShopParty shop;
    long long owner = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(owner));
      st.exchange(soci::into(shop.name));
      st.exchange(soci::into(shop.accent_color));
    }
  };
  std::optional<ShopParty> found;
  db::Query(kFindShop).values(shop_id).each<Row>(sql, [&](const Row& row) {
    found = row.shop;
    found->owner_id = row.owner;
  });
  return found;
}

constexpr std::string_view kListedProductShop = R"(
  SELECT shop_id FROM products WHERE id = :id AND status = 'active' AND archived_at IS NULL)";

std::optional<std::int64_t> listed_product_shop(db::Connection& sql, std::int64_t product_id) {
  return db::Query(kListedProductShop).values(product_id).first<long long>(sql);
}

constexpr std::string_view kBuyersOrderShop = R"(
  SELECT shop_id FROM orders WHERE id = :id AND buyer_id = :buyer)";

std::optional<std::int64_t> buyers_order_shop(db::Connection& sql, std::int64_t order_id,
                                              std::int64_t buyer_id) {
  return db::Query(kBuyersOrderShop).values(order_id, buyer_id).first<long long>(sql);
}

constexpr std::string_view kOrderParties = R"(
  SELECT o.shop_id, s.owner_id, o.buyer_id FROM orders o JOIN shops s ON s.id = o.shop_id
  WHERE o.id = :id)";

std::optional<OrderParties> find_order_parties(db::Connection& sql, std::int64_t order_id) {
  struct Row {
    long long shop = 0, vendor = 0, buyer = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(shop));
      st.exchange(soci::into(vendor));
      st.exchange(soci::into(buyer));
    }
  };
  std::optional<OrderParties> found;
  db::Query(kOrderParties).values(order_id).each<Row>(sql, [&](const Row& row) {
    found = OrderParties{.shop_id = row.shop, .vendor_id = row.vendor, .buyer_id = row.buyer};
  });
  return found;
}

constexpr std::string_view kAccountDeleted = R"(
  SELECT id FROM users WHERE id = :id AND deleted_at IS NOT NULL)";

bool account_deleted(db::Connection& sql, std::int64_t user_id) {
  return db::Query(kAccountDeleted).values(user_id).first<long long>(sql).has_value();
}

constexpr std::string_view kInsertConversation = R"(
  INSERT INTO conversations (buyer_id, shop_id, vendor_id, product_id, order_id, subject_key,
                             created_at, last_message_at)
  VALUES (:buyer, :shop, :vendor, :product, :order, :subject, :created, :last)
  ON CONFLICT DO NOTHING)";

constexpr std::string_view kConversationBySubject = R"(
  SELECT id FROM conversations WHERE buyer_id = :buyer AND shop_id = :shop AND subject_key = :subject)";

std::pair<std::int64_t, bool> open_conversation(db::Connection& sql, const NewConversation& c) {
  const auto key = c.subject.key();
  const bool created =
      db::Query(kInsertConversation)
          .values(c.buyer_id, c.shop_id, c.vendor_id, nullable(c.subject.product_id),
                  nullable(c.subject.order_id), key, c.now, c.now)
          .execute(sql) == 1;
  const auto id =
      db::Query(kConversationBySubject).values(c.buyer_id, c.shop_id, key).first<long long>(sql);
  return {id.value(), created};
}

namespace {
// Continued by each query that reads ConversationRows; its values are the
// viewer's id, twice.
constexpr std::string_view kSelectConversations = R"(
  SELECT c.id, c.buyer_id, bu.display_name, c.shop_id, s.name, s.slug, s.accent_color,
         c.vendor_id, c.product_id, p.name, c.order_id, c.created_at, c.last_message_at,
         c.buyer_read_id, c.vendor_read_id,
         lm.id, lm.sender_id, su.display_name, lm.body, lm.created_at,
         (SELECT COUNT(*) FROM messages m
          WHERE m.conversation_id = c.id AND m.sender_id <> :viewer
            AND m.id > CASE WHEN c.buyer_id = :viewer_again THEN c.buyer_read_id
                            ELSE c.vendor_read_id END)
  FROM conversations c
  JOIN users bu ON bu.id = c.buyer_id
  JOIN shops s ON s.id = c.shop_id
  LEFT JOIN products p ON p.id = c.product_id
  LEFT JOIN messages lm ON lm.id = c.last_message_id
  LEFT JOIN users su ON su.id = lm.sender_id )";

// One row of kSelectConversations.
struct ConversationRow {
  Conversation c;
  Message last;
  long long id = 0, buyer = 0, shop = 0, vendor = 0, product = 0, order = 0, created = 0,
            last_at = 0, buyer_read = 0, vendor_read = 0, last_id = 0, last_sender = 0,
            last_created = 0, unread = 0;
  soci::indicator product_ind = soci::i_null, product_name_ind = soci::i_null,
                  order_ind = soci::i_null, last_ind = soci::i_null, last_sender_ind = soci::i_null,
                  last_name_ind = soci::i_null, last_body_ind = soci::i_null,
                  last_created_ind = soci::i_null;

  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(buyer));
    st.exchange(soci::into(c.buyer_name));
    st.exchange(soci::into(shop));
    st.exchange(soci::into(c.shop_name));
    st.exchange(soci::into(c.shop_slug));
    st.exchange(soci::into(c.shop_accent_color));
    st.exchange(soci::into(vendor));
    st.exchange(soci::into(product, product_ind));
    st.exchange(soci::into(c.product_name, product_name_ind));
    st.exchange(soci::into(order, order_ind));
    st.exchange(soci::into(created));
    st.exchange(soci::into(last_at));
    st.exchange(soci::into(buyer_read));
    st.exchange(soci::into(vendor_read));
    st.exchange(soci::into(last_id, last_ind));
    st.exchange(soci::into(last_sender, last_sender_ind));
    st.exchange(soci::into(last.sender_name, last_name_ind));
    st.exchange(soci::into(last.body, last_body_ind));
    st.exchange(soci::into(last_created, last_created_ind));
    st.exchange(soci::into(unread));
  }

  Conversation to_conversation(std::int64_t viewer_id) const {
    Conversation read = c;
    read.id = id;
    read.buyer_id = buyer;
    read.shop_id = shop;
    read.vendor_id = vendor;
    if (product_ind == soci::i_ok) read.product_id = product;
    if (product_name_ind != soci::i_ok) read.product_name.clear();
    if (order_ind == soci::i_ok) read.order_id = order;
    read.created_at = created;
    read.last_message_at = last_at;
    read.buyer_read_id = buyer_read;
    read.vendor_read_id = vendor_read;
    if (last_ind == soci::i_ok) {
      Message message = last;
      message.id = last_id;
      message.conversation_id = id;
      message.sender_id = last_sender;
      message.created_at = last_created;
      read.last_message = std::move(message);
    }
    read.unread = unread;
    read.viewer = viewer_id == buyer ? Party::buyer : Party::vendor;
    return read;
  }
};

std::vector<Conversation> fetch(db::Connection& sql, const db::Query& query,
                                std::int64_t viewer_id) {
  std::vector<Conversation> found;
  query.each<ConversationRow>(
      sql, [&](const ConversationRow& row) { found.push_back(row.to_conversation(viewer_id)); });
  return found;
}
}  // namespace

constexpr std::string_view kWhereIdForViewer = R"(
  WHERE c.id = :id AND (c.buyer_id = :buyer OR c.vendor_id = :vendor))";

std::optional<Conversation> find_for(db::Connection& sql, std::int64_t id, std::int64_t viewer_id) {
  db::Query query(kSelectConversations);
  query.sql(kWhereIdForViewer).values(viewer_id, viewer_id, id, viewer_id, viewer_id);
  auto found = fetch(sql, query, viewer_id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

constexpr std::string_view kWhereViewerNewestFirst = R"(
  WHERE c.buyer_id = :buyer OR c.vendor_id = :vendor
  ORDER BY c.last_message_at DESC, c.id DESC LIMIT :limit OFFSET :offset)";

std::vector<Conversation> list_for(db::Connection& sql, std::int64_t viewer_id,
                                   const PageRequest& page) {
  db::Query query(kSelectConversations);
  query.sql(kWhereViewerNewestFirst)
      .values(viewer_id, viewer_id, viewer_id, viewer_id, static_cast<long long>(page.limit),
              page.offset());
  return fetch(sql, query, viewer_id);
}

constexpr std::string_view kCountForViewer = R"(
  SELECT COUNT(*) FROM conversations WHERE buyer_id = :buyer OR vendor_id = :vendor)";

long long count_for(db::Connection& sql, std::int64_t viewer_id) {
  return db::Query(kCountForViewer).values(viewer_id, viewer_id).single<long long>(sql);
}

// Two index range scans (a party's threads, then each thread's messages
// after the read position), so the header can ask on every page view.
constexpr std::string_view kUnreadTotal = R"(
  SELECT
    (SELECT COUNT(*) FROM conversations c JOIN messages m ON m.conversation_id = c.id
     WHERE c.buyer_id = :buyer AND m.id > c.buyer_read_id AND m.sender_id <> :buyer_again)
  + (SELECT COUNT(*) FROM conversations c JOIN messages m ON m.conversation_id = c.id
     WHERE c.vendor_id = :vendor AND m.id > c.vendor_read_id AND m.sender_id <> :vendor_again))";

long long unread_total(db::Connection& sql, std::int64_t viewer_id) {
  return db::Query(kUnreadTotal)
      .values(viewer_id, viewer_id, viewer_id, viewer_id)
      .single<long long>(sql);
}

constexpr std::string_view kInsertMessage = R"(
  INSERT INTO messages (conversation_id, sender_id, body, created_at)
  VALUES (:conversation, :sender, :body, :created))";

constexpr std::string_view kInsertKeyedMessage = R"(
  INSERT INTO messages (conversation_id, sender_id, body, client_key, created_at)
  VALUES (:conversation, :sender, :body, :key, :created)
  ON CONFLICT DO NOTHING)";

constexpr std::string_view kMessageByKey = R"(
  SELECT id FROM messages WHERE conversation_id = :conversation AND sender_id = :sender
                            AND client_key = :key)";

std::pair<std::int64_t, bool> insert_message(db::Connection& sql, std::int64_t conversation_id,
                                             std::int64_t sender_id, const std::string& body,
                                             const std::string& client_key, Millis now) {
  if (client_key.empty()) {
    const auto id = db::Query(kInsertMessage)
                        .values(conversation_id, sender_id, body, now)
                        .insert_returning_id(sql);
    return {id, true};
  }
  const bool created = db::Query(kInsertKeyedMessage)
                           .values(conversation_id, sender_id, body, client_key, now)
                           .execute(sql) == 1;
  const auto id =
      db::Query(kMessageByKey).values(conversation_id, sender_id, client_key).first<long long>(sql);
  return {id.value(), created};
}

constexpr std::string_view kInsertImage = R"(
  INSERT INTO message_images (message_id, position, image_id) VALUES (:message, :position, :image))";

void add_images(db::Connection& sql, std::int64_t message_id,
                const std::vector<std::int64_t>& image_ids) {
  for (std::size_t i = 0; i < image_ids.size(); ++i)
    db::Query(kInsertImage)
        .values(message_id, static_cast<long long>(i), image_ids[i])
        .execute(sql);
}

// Only forward: of two messages written at once, the one with the smaller id
// may commit last (PostgreSQL hands out ids at insert, not at commit).
constexpr std::string_view kSetLastMessage = R"(
  UPDATE conversations SET last_message_id = :message, last_message_at = :at
  WHERE id = :id AND (last_message_id IS NULL OR last_message_id < :message_again))";

void set_last_message(db::Connection& sql, std::int64_t conversation_id, std::int64_t message_id,
                      Millis at) {
  db::Query(kSetLastMessage).values(message_id, at, conversation_id, message_id).execute(sql);
}

namespace {
constexpr std::string_view kSelectMessages = R"(
  SELECT m.id, m.conversation_id, m.sender_id, u.display_name, m.body, m.created_at
  FROM messages m JOIN users u ON u.id = m.sender_id )";

struct MessageRow {
  Message message;
  long long id = 0, conversation = 0, sender = 0, created = 0;
  void define(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(conversation));
    st.exchange(soci::into(sender));
    st.exchange(soci::into(message.sender_name));
    st.exchange(soci::into(message.body));
    st.exchange(soci::into(created));
  }
  Message to_message() const {
    Message read = message;
    read.id = id;
    read.conversation_id = conversation;
    read.sender_id = sender;
    read.created_at = created;
    return read;
  }
};

std::vector<Message> fetch_messages(db::Connection& sql, const db::Query& query) {
  std::vector<Message> found;
  query.each<MessageRow>(sql, [&](const MessageRow& row) { found.push_back(row.to_message()); });
  return found;
}
}  // namespace

std::optional<Message> find_message(db::Connection& sql, std::int64_t id) {
  db::Query query(kSelectMessages);
  auto found = fetch_messages(sql, query.sql("WHERE m.id = :id").values(id));
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

constexpr std::string_view kWhereConversationNewestFirst = R"(
  WHERE m.conversation_id = :conversation ORDER BY m.id DESC LIMIT :limit OFFSET :offset)";

std::vector<Message> messages_of(db::Connection& sql, std::int64_t conversation_id,
                                 const PageRequest& page) {
  db::Query query(kSelectMessages);
  query.sql(kWhereConversationNewestFirst)
      .values(conversation_id, static_cast<long long>(page.limit), page.offset());
  return fetch_messages(sql, query);
}

constexpr std::string_view kCountMessages = R"(
  SELECT COUNT(*) FROM messages WHERE conversation_id = :conversation)";

long long count_messages(db::Connection& sql, std::int64_t conversation_id) {
  return db::Query(kCountMessages).values(conversation_id).single<long long>(sql);
}

std::vector<std::pair<std::int64_t, std::int64_t>> image_ids_of(
    db::Connection& sql, const std::vector<long long>& message_ids) {
  std::vector<std::pair<std::int64_t, std::int64_t>> found;
  if (message_ids.empty()) return found;
  struct Row {
    long long message = 0, image = 0;
    void define(soci::statement& st) {
      st.exchange(soci::into(message));
      st.exchange(soci::into(image));
    }
  };
  db::Query query("SELECT message_id, image_id FROM message_images WHERE message_id IN (");
  query.bind_list(message_ids).sql(") ORDER BY message_id, position");
  query.each<Row>(sql, [&](const Row& row) { found.emplace_back(row.message, row.image); });
  return found;
}

constexpr std::string_view kMarkBuyerRead = R"(
  UPDATE conversations SET buyer_read_id = :up_to WHERE id = :id AND buyer_read_id < :up_to_again)";
constexpr std::string_view kMarkVendorRead = R"(
  UPDATE conversations SET vendor_read_id = :up_to WHERE id = :id AND vendor_read_id < :up_to_again)";

void mark_read(db::Connection& sql, std::int64_t conversation_id, Party party, std::int64_t up_to) {
  db::Query(party == Party::buyer ? kMarkBuyerRead : kMarkVendorRead)
      .values(up_to, conversation_id, up_to)
      .execute(sql);
}

}  // namespace ps::messages::store
