-- wrk script for the "article (random id)" target: GET /article/<1..maxId>.
-- Usage: wrk ... -s bench/wrk-article.lua <url> -- <maxId>   (run from the repository root)
dofile("bench/wrk-report.lua")

local maxId = 1

function init(args)
  maxId = tonumber(args[1]) or 1
  math.randomseed(os.time())
end

function request()
  return wrk.format("GET", "/article/" .. math.random(1, maxId))
end
