-- Shared by the bench scripts: numbers each wrk thread, reads data files and
-- prints one machine-readable result line that bench/run.mjs parses.
local common = {}
local threads = {}

function common.setup(thread)
  threads[#threads + 1] = thread
  thread:set("id", #threads)
end

function common.lines(file)
  local lines = {}
  for line in io.lines(file) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  assert(#lines > 0, file .. " is empty")
  return lines
end

-- Sums a per-thread counter (a global set in each thread's Lua state).
local function total(name)
  local sum = 0
  for _, thread in ipairs(threads) do sum = sum + (thread:get(name) or 0) end
  return sum
end

function common.done(summary, latency)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.3f,"p99_ms":%.3f,' ..
      '"max_ms":%.3f,"socket_errors":%d,"status_errors":%d,"orders":%d,"starved":%d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.timeout, e.status, total("orders"), total("starved")))
end

return common
