#pragma once

#include <span>
#include <string_view>

namespace ps {

// A text file compiled into the binary (see cmake/embed.cmake).
struct EmbeddedFile {
  std::string_view name;  // path relative to the folder it was embedded from
  std::string_view content;
};

std::span<const EmbeddedFile> embedded_migrations();
std::span<const EmbeddedFile> embedded_openapi();

}  // namespace ps
