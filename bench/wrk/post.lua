-- wrk script for bench/http.sh: POSTs the JSON files given after `--` in rotation, counts every
-- response that is not 2xx (wrk itself only counts status >= 400), and prints one RESULT line.
--   wrk -t2 -c32 -d15s -s bench/wrk/post.lua http://127.0.0.1:8080/recommend -- a.json b.json
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  requests = {}
  for i, file in ipairs(args) do
    local f = assert(io.open(file, "rb"))
    local body = f:read("*a")
    f:close()
    requests[i] = wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
  end
  assert(#requests > 0, "no request bodies given after --")
  sent = 0
  non2xx = 0
end

function request()
  sent = sent + 1
  return requests[(sent % #requests) + 1]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, e.connect, e.read, e.write, e.timeout))
end
