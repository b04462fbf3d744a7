-- Wall-clock milliseconds (CLOCK_REALTIME) in wrk's LuaJIT, to line up what
-- wrk saw with a fault bench/scale.mjs injected (Date.now() on its side).
local ffi = require("ffi")
pcall(ffi.cdef, [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]])
local now = ffi.new("bench_timespec")
return function()
  ffi.C.clock_gettime(0, now)
  return tonumber(now.tv_sec) * 1000 + tonumber(now.tv_nsec) / 1e6
end
