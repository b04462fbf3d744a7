-- wrk -t N -c N -s checkout_logged.lua URL -- (checkout.lua's arguments) LOG_DIR
-- checkout.lua, and each thread writes to LOG_DIR/thread-<id>.txt one line per
-- answer that matters: "ok <checkout_id> <ms>" for a 201 and
-- "error <status> <path> <ms>" for any answer other than 200/201, with the
-- wall-clock time. bench/scale.mjs checks every acknowledged checkout against
-- the database and lines the errors up with the instance it killed.
local now_ms = dofile(os.getenv("BENCH_LUA_DIR") .. "/clock.lua")
dofile(os.getenv("BENCH_LUA_DIR") .. "/checkout.lua")
local checkout_init, checkout_request, checkout_response = init, request, response
local log
local last_path = ""

function init(args)
  checkout_init(args)
  log = assert(io.open(args[6] .. "/thread-" .. id .. ".txt", "w"))
  log:setvbuf("line")
end

function request()
  local formatted = checkout_request()
  last_path = formatted:match("^%u+ (%S+)") or ""
  return formatted
end

function response(status, headers, body)
  if status == 201 then
    log:write("ok ", body:match('"checkout_id":(%d+)') or "?", " ", string.format("%.0f", now_ms()), "\n")
  elseif status ~= 200 then
    log:write("error ", status, " ", last_path, " ", string.format("%.0f", now_ms()), "\n")
  end
  checkout_response(status, headers, body)
end
