-- wrk -t N -c N -s checkout.lua URL -- TOKENS_FILE PRODUCTS_FILE RUN_ID
-- One connection per thread, so each thread is one buyer taking turns: put a
-- product in the cart, then check out with the approving test card under a
-- fresh Idempotency-Key. `orders` counts the checkouts answered 201.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local token, products, run_id
local adding = true
local sequence = 0
orders = 0

setup = common.setup

function init(args)
  local tokens = common.lines(args[1])
  token = tokens[(id - 1) % #tokens + 1]
  products = common.lines(args[2])
  run_id = args[3]
end

local checkout_body = [[{"card":{"number":"4242424242424242","exp_month":12,"exp_year":2040,]] ..
  [["cvc":"123"},"shipping_address":{"name":"Bench Buyer","line1":"1 Load Street",]] ..
  [["city":"Benchville","postal_code":"12345","country":"SE"}}]]

-- The step changes only when an answer arrives: wrk may call request() once
-- more than it sends.
function request()
  local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
  if adding then
    local product = products[(id * 31 + sequence * 17) % #products + 1]
    return wrk.format("POST", "/api/cart/items", headers,
      '{"product_id":' .. product .. ',"quantity":1}')
  end
  headers["Idempotency-Key"] = run_id .. "-" .. id .. "-" .. sequence
  return wrk.format("POST", "/api/checkout", headers, checkout_body)
end

function response(status)
  if adding then
    adding = status ~= 200
    return
  end
  if status == 201 then orders = orders + 1 end
  sequence = sequence + 1
  adding = true
end

done = common.done
