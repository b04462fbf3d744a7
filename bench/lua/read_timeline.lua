-- wrk -s read_timeline.lua URL -- PATHS_FILE: read.lua, and it also prints
-- BENCH_ERRORS {"count":..,"first_ms":..,"last_ms":..}: how many answers were
-- not 200 and when the first and the last came (wall clock, ms), for
-- bench/scale.mjs's database restart.
local now_ms = dofile(os.getenv("BENCH_LUA_DIR") .. "/clock.lua")
dofile(os.getenv("BENCH_LUA_DIR") .. "/read.lua")
local read_setup, read_done = setup, done
local threads = {}
error_count, first_error_ms, last_error_ms = 0, 0, 0

function setup(thread)
  read_setup(thread)
  threads[#threads + 1] = thread
end

function response(status)
  if status ~= 200 then
    local at = now_ms()
    if error_count == 0 then first_error_ms = at end
    last_error_ms = at
    error_count = error_count + 1
  end
end

function done(summary, latency)
  read_done(summary, latency)
  local count, first, last = 0, nil, nil
  for _, thread in ipairs(threads) do
    local n = thread:get("error_count") or 0
    if n > 0 then
      count = count + n
      local f, l = thread:get("first_error_ms"), thread:get("last_error_ms")
      if not first or f < first then first = f end
      if not last or l > last then last = l end
    end
  end
  io.write(string.format('BENCH_ERRORS {"count":%d,"first_ms":%.0f,"last_ms":%.0f}\n', count, first or 0, last or 0))
end
