-- wrk script for the webhook load (bench.load): each thread posts the pre-signed notifications
-- of its own file (bench.notifications.write_streams: one `signature<TAB>body` per line), in
-- order, each once. A thread whose file runs out stops. done() prints one line,
-- `BENCH_JSON {...}`: latency percentiles (microseconds), 2xx and non-2xx counts, and how many
-- requests each thread issued (the wamids to look for in the database).
--
--   wrk -t2 -c8 -d20s --latency --timeout 10s -s bench/wrk_webhook.lua URL -- PREFIX
-- reads PREFIX.0.txt, PREFIX.1.txt, ... (one per thread).

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  requests_ = {}
  issued = 0
  ok = 0
  bad = 0
  exhausted = 0
  local path = wrk.path
  for line in io.lines(args[1] .. "." .. id .. ".txt") do
    local tab = line:find("\t", 1, true)
    local headers = {
      ["Content-Type"] = "application/json",
      ["X-Hub-Signature-256"] = line:sub(1, tab - 1),
    }
    requests_[#requests_ + 1] = wrk.format("POST", path, headers, line:sub(tab + 1))
  end
end

function request()
  if issued >= #requests_ then
    exhausted = 1
    wrk.thread:stop()
    return requests_[#requests_] -- never sent: the thread stops first
  end
  issued = issued + 1
  return requests_[issued]
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    ok = ok + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local issued_list, ok_total, bad_total, exhausted_any = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
    issued_list[#issued_list + 1] = tostring(thread:get("issued"))
    ok_total = ok_total + thread:get("ok")
    bad_total = bad_total + thread:get("bad")
    exhausted_any = math.max(exhausted_any, thread:get("exhausted"))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"duration_us": %d, "requests": %d, "ok": %d, "non_2xx": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, '
      .. '"issued": [%s], "exhausted": %s}\n',
    summary.duration, summary.requests, ok_total, bad_total,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    latency.mean, table.concat(issued_list, ", "), exhausted_any == 1 and "true" or "false"))
end
