-- wrk script: POSTs small food-safety inspections, each with its own lot number, and prints one JSON line of results.
-- Environment: BENCH_PATH (the endpoint), BENCH_KEY (an X-Api-Key, or empty for the bare loop).
local path = os.getenv("BENCH_PATH") or "/records"
local key = os.getenv("BENCH_KEY") or ""
local headers = { ["Content-Type"] = "application/json" }
if key ~= "" then headers["X-Api-Key"] = key end
local counter = 0
local prefix = ""

function setup(thread)
  counter = counter + 1
  thread:set("thread_number", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_number or 0))
  prefix = string.format("%d-%06d", thread_number or 0, math.random(0, 999999))
end

function request()
  counter = counter + 1
  local body = '{"domain":"food-safety","type":"inspection","occurredAt":"2026-11-20T09:30:00+08:00",'
    .. '"payload":{"enterprise":{"name":"Green Valley Vegetables Co."},"product":"Spinach",'
    .. '"lot":"L-' .. prefix .. '-' .. counter .. '","inspectionKind":"rapid-test","result":"pass"}}'
  return wrk.format("POST", path, headers, body)
end

dofile(os.getenv("BENCH_LOAD_DIR") .. "/summary.lua")
