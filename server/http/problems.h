#pragma once

#include "core/errors.h"
#include "http/request.h"

#include <boost/json/object.hpp>

#include <span>
#include <string_view>

namespace ps::http {

// What a client is told for one ErrorCode: the status and the problem type
// (RFC 9457 §3.1.1, a relative reference /problems/<slug>) with its title.
struct ProblemType {
  ErrorCode code;
  int status;
  std::string_view slug;
  std::string_view title;
};

// The table, in ErrorCode order: every code once.
std::span<const ProblemType> problem_types();
const ProblemType& problem_type(ErrorCode code);

int status_of(const ApiError& error);
// The problem+json body: type, title, status, detail, errors, extension members.
boost::json::object problem_json(const ApiError& error);
// The response, with the error's headers.
Response problem_response(const ApiError& error);

}  // namespace ps::http
