-- The wrk script of every bench run: GET the URL given to wrk, or (maxId > 0) a random
-- /article/<1..maxId> for every request; with encoding "gzip" every request sends the
-- Accept-Encoding Chromium sends, with "identity" none at all.
-- Usage: wrk ... -s bench/wrk-request.lua <url> -- <maxId> <gzip|identity>   (from the repository root)
dofile("bench/wrk-report.lua")

function init(args)
  local maxId = tonumber(args[1]) or 0
  if (args[2] or "gzip") == "gzip" then
    wrk.headers["Accept-Encoding"] = "gzip, deflate, br"
  end
  if maxId > 0 then
    -- defined only here: without a global request() wrk sends one prebuilt request (cheaper)
    math.randomseed(os.time())
    request = function()
      return wrk.format("GET", "/article/" .. math.random(1, maxId))
    end
  end
end
