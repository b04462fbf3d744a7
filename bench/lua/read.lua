-- wrk -s read.lua URL -- PATHS_FILE: GETs the file's paths (one a line) in
-- turn, each thread starting at its own place. Requests are formatted once,
-- in init, so the generator spends its share of the CPU on sending them.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local requests, position

setup = common.setup

function init(args)
  requests = {}
  for _, path in ipairs(common.lines(args[1])) do
    requests[#requests + 1] = wrk.format("GET", path)
  end
  position = (id * 7919) % #requests
end

function request()
  position = position % #requests + 1
  return requests[position]
end

done = common.done
