-- wrk script: GETs BENCH_PATH .. hash for the hashes in BENCH_HASHES (one a line), round robin from a random start.
local path = os.getenv("BENCH_PATH") or "/records/"
local hashes = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("BENCH_HASHES")) do
    if line ~= "" then hashes[#hashes + 1] = line end
  end
  math.randomseed(os.time())
  next_index = math.random(1, #hashes)
end

function request()
  next_index = next_index % #hashes + 1
  return wrk.format("GET", path .. hashes[next_index])
end

dofile(os.getenv("BENCH_LOAD_DIR") .. "/summary.lua")
