-- wrk -s read.lua URL -- PATHS_FILE [INTERVAL_MS]: GETs the file's paths (one
-- a line) in turn, each thread starting at its own place. Requests are
-- formatted once, in init, so the generator spends its share of the CPU on
-- sending them. With INTERVAL_MS, each connection waits a random time of that
-- mean after every answer (exponential: arrivals as independent clients make
-- them), so the load is a steady rate rather than as many as the server takes.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local requests, position, mean_interval_ms

setup = common.setup

function init(args)
  requests = {}
  for _, path in ipairs(common.lines(args[1])) do
    requests[#requests + 1] = wrk.format("GET", path)
  end
  position = (id * 7919) % #requests
  mean_interval_ms = tonumber(args[2])
  math.randomseed(id * 104729)
end

function delay()
  if not mean_interval_ms then return 0 end
  return -mean_interval_ms * math.log(1 - math.random())
end

function request()
  position = position % #requests + 1
  return requests[position]
end

done = common.done
