-- wrk -t N -c N -s checkout.lua URL -- TOKENS_FILE PRODUCTS_FILE RUN_ID PAYMENT_TOKENS_FILE N
-- One connection per thread, so each thread is one buyer taking turns: put a
-- product in the cart, then check out with a single-use payment token (minted
-- at the gateway before the run, as the browser would) under a fresh
-- Idempotency-Key. `orders` counts the checkouts answered 201.
--
-- Thread `id` of N uses the payment tokens on lines id, id + N, id + 2N, ...:
-- no token is sent twice. A thread whose slice runs out stops sending and
-- counts in `starved` (bench/run.mjs reports it as a problem).
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local token, products, run_id
local payment_tokens = {}
local adding = true
local sequence = 0
orders = 0
starved = 0

setup = common.setup

function init(args)
  local tokens = common.lines(args[1])
  token = tokens[(id - 1) % #tokens + 1]
  products = common.lines(args[2])
  run_id = args[3]
  local threads = tonumber(args[5])
  local line = 0
  for payment_token in io.lines(args[4]) do
    if payment_token ~= "" then
      line = line + 1
      if (line - 1) % threads == id - 1 then payment_tokens[#payment_tokens + 1] = payment_token end
    end
  end
end

local function checkout_body(payment_token)
  return '{"payment_token":"' .. payment_token .. '","shipping_address":{"name":"Bench Buyer",' ..
    '"line1":"1 Load Street","city":"Benchville","postal_code":"12345","country":"SE"}}'
end

-- Sent only if wrk asks for one more request after the thread stopped.
local idle_request = wrk.format("GET", "/healthz")

-- The step changes only when an answer arrives: wrk may call request() once
-- more than it sends, so the token in use is the one of the current sequence.
function request()
  if starved == 1 then return idle_request end
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if adding then
    local product = products[(id * 31 + sequence * 17) % #products + 1]
    return wrk.format("POST", "/api/cart/items", headers,
      '{"product_id":' .. product .. ',"quantity":1}')
  end
  headers["Idempotency-Key"] = run_id .. "-" .. id .. "-" .. sequence
  return wrk.format("POST", "/api/checkout", headers, checkout_body(payment_tokens[sequence + 1]))
end

function response(status)
  if starved == 1 then return end
  if adding then
    adding = status ~= 200
    -- Out of tokens: stop before paying rather than send a used one again.
    if not adding and payment_tokens[sequence + 1] == nil then
      starved = 1
      wrk.thread:stop()
    end
    return
  end
  if status == 201 then orders = orders + 1 end
  sequence = sequence + 1
  adding = true
end

done = common.done
