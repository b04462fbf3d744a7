#pragma once

// Conversations and messages as the API shows them.

#include "messages/model.h"

#include <boost/json/object.hpp>

namespace ps::messages {

boost::json::object to_json(const Message& message, const Conversation& conversation);
boost::json::object to_json(const Conversation& conversation);
boost::json::object to_json(const ConversationPage& page, const PageRequest& request);
boost::json::object to_json(const Thread& thread, const PageRequest& request);
boost::json::object to_json(const Sent& sent);

}  // namespace ps::messages
