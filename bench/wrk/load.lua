-- Load for bench/PetitionsBench, run with one connection per wrk thread (-t N -c N), so that each thread's
-- Lua state sees one request at a time and times it itself: from request() to response(), on a monotonic
-- clock. (wrk's own latency figures came out several times the times seen on the wire when requests are
-- paced by delay(); these are the ones reported.)
--   wrk -t N -c N -d <limit> -s load.lua <url> -- <requests file> <path> N
--     sends each line of the file once, spread over the threads: "<Cookie header>\t<form body>" (the
--     cookie may be empty), POSTed to <path>; success is a redirect (302). A thread prints FINISHED when
--     its share is answered and the caller interrupts wrk (SIGINT) once every thread has.
--   wrk -t N -c N -d <seconds> -s load.lua <url>
--     GETs the URL's path for the duration; success is 200.
-- done() prints: RESULT <succeeded> <failed> <seconds from first request to last answer> <p50> <p95> <p99> <max> (ms).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } cp_timespec;
int clock_gettime(int clock, cp_timespec *now);
]]
local clock = ffi.new("cp_timespec")
local function now()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local threads = {}
local started = 0

function setup(thread)
  thread:set("id", started)
  started = started + 1
  table.insert(threads, thread)
end

function init(args)
  prepared, latencies = {}, {}
  reserved, sent, answered, ok, failed = 0, 0, 0, 0, 0
  if #args == 0 then
    expect = 200
    get = wrk.format("GET", wrk.path)
    return
  end
  expect = 302
  local file, path, count = args[1], args[2], tonumber(args[3])
  local i = 0
  for line in io.lines(file) do
    if i % count == id then
      local cookie, body = line:match("^(.-)\t(.*)$")
      local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
      if cookie ~= "" then
        headers["Cookie"] = cookie
      end
      prepared[#prepared + 1] = wrk.format("POST", path, headers, body)
    end
    i = i + 1
  end
  if #prepared == 0 then
    io.write("FINISHED\n")
    io.stdout:flush()
  end
end

-- wrk asks delay() before each request(): with a list, the request is reserved here, and with nothing
-- left the connection waits out the run.
function delay()
  if get or reserved < #prepared then
    reserved = reserved + 1
    return 0
  end
  return 3600000
end

function request()
  if id == 0 and not checked then
    -- wrk calls request() once on its first thread to check the script before the run; nothing is sent.
    checked = true
    return get or prepared[1]
  end
  sent = sent + 1
  asked = now()
  first = first or asked
  return get or prepared[sent]
end

function response(status, headers, body)
  last = now()
  answered = answered + 1
  latencies[answered] = (last - asked) * 1000
  if status == expect then ok = ok + 1 else failed = failed + 1 end
  if not get and answered == #prepared then
    io.write("FINISHED\n")
    io.stdout:flush()
  end
end

function done(summary, latency, requests)
  local first, last, ok, failed, all = math.huge, 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    first = math.min(first, thread:get("first") or math.huge)
    last = math.max(last, thread:get("last") or 0)
    ok = ok + thread:get("ok")
    failed = failed + thread:get("failed")
    for _, ms in ipairs(thread:get("latencies")) do
      all[#all + 1] = ms
    end
  end
  table.sort(all)
  local function at(q)
    return all[math.max(1, math.ceil(#all * q))] or 0
  end
  io.write(string.format("RESULT %d %d %.6f %.3f %.3f %.3f %.3f\n", ok, failed, last - first, at(0.50), at(0.95), at(0.99), all[#all] or 0))
end
