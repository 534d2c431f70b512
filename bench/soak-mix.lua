-- wrk script for bench/soak.sh: a mix of what clients send, round robin, and a tally of every status
-- and of the rule versions that answered. Only a 5xx, an unexpected status or a socket error fails.
local function post(body) return wrk.format("POST", "/recommend", {["Content-Type"] = "application/json"}, body) end

local mix = {} -- filled in init: the example request is read from the file given as argument

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(args[1], "r"))
  local example = f:read("*a")
  f:close()
  mix = {
    post(example),
    post('{"dataSensitivity":"PUBLIC","monthlyTokens":10000000,"timeToProduction":"DAYS","upfrontBudgetUsd":0}'),
    post('{"dataSensitivity":"REGULATED","monthlyTokens":1000000,"timeToProduction":"DAYS","upfrontBudgetUsd":0}'),
    post('{"dataSensitivity":"CONFIDENTIAL","monthlyTokens":100000000000000,"timeToProduction":"MONTHS",'
      .. '"upfrontBudgetUsd":1000000,"mlEngineers":4,"infraEngineers":4,"referenceModel":"Claude Opus 4",'
      .. '"tokensPerTask":2000,"expectedAttempts":{"DeepSeek-V3":1.5}}'),
    post(example),
    post('{"dataSensitivity":"SECRET","monthlyTokens":1.5,"timeToProduction":"DAYS","upfrontBudgetUsd":-1}'),
    wrk.format("GET", "/models"),
    wrk.format("GET", "/rules"),
    wrk.format("GET", "/actuator/health"),
  }
  counter = 0
  statuses = {}
  versions = {}
end

function request()
  counter = counter + 1
  return mix[(counter % #mix) + 1]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local v = body and string.match(body, '^{"rulesVersion":"(%x+)"')
  if v then versions[v] = true end
end

function done(summary, latency, requests)
  local total, seen = {}, {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
    for v, _ in pairs(t:get("versions")) do seen[v] = true end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local unexpected = 0
  local line = {}
  for status, n in pairs(total) do
    table.insert(line, status .. "=" .. n)
    if status ~= 200 and status ~= 400 then unexpected = unexpected + n end
  end
  table.sort(line)
  local nversions = 0
  for _ in pairs(seen) do nversions = nversions + 1 end
  io.write(string.format(
    "SOAK requests=%d statuses: %s; socket errors=%d; rule versions that answered=%d; FAILED=%d\n",
    summary.requests, table.concat(line, " "), socket, nversions, socket + unexpected))
  io.write(string.format("SOAK latency p50=%.1f ms p99=%.1f ms max=%.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
