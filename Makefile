# PocketShop: `make run` starts the shop, `make test` runs every test.
# Both install what is missing on a Debian 12 machine first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
PORT ?= 8080

# ccache and precompiled headers work together only with these.
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime
# Paths under the clone are hashed relative to it, so every clone and build
# folder on this machine shares one cache.
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: deps build web run test format clean

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j$(JOBS)

# The web app (web/): npm ci when node_modules is missing or the lock file
# changed, then a production build into web/dist, which the server serves.
web/node_modules/.installed: web/package-lock.json web/package.json
	cd web && npm ci --no-audit --no-fund
	touch $@

web: deps web/node_modules/.installed
	cd web && npm run build

run: build web
	$(BUILD_DIR)/server/pocketshop seed --demo
	$(BUILD_DIR)/server/pocketshop serve --port $(PORT)

test: build web
	scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)
	cd web && npm run lint && npm run format:check && npm test
	cd web && POCKETSHOP_BIN=$(abspath $(BUILD_DIR))/server/pocketshop npm run e2e

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.h')

clean:
	rm -rf $(BUILD_DIR)

# The benchmark (bench/README.md): a Release server on the bench marketplace,
# driven by wrk on loopback, once on SQLite and once on PostgreSQL; the table
# goes to bench/results/. BENCH_SECONDS per case.
RELEASE_DIR ?= build-release
BENCH_SECONDS ?= 10
.PHONY: bench
bench:
	@scripts/install-deps.sh --bench
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOCKETSHOP_BUILD_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j$(JOBS) --target pocketshop
	PG_DURABLE=1 scripts/with-postgres.sh node bench/run.mjs --binary $(RELEASE_DIR)/server/pocketshop --seconds $(BENCH_SECONDS)
