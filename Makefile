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

.PHONY: deps build web run test format clean test-asan test-tsan fuzz

# Sanitized variants, each in its own build folder (see "Hardening" in README.md).
ASAN_DIR ?= build-asan
TSAN_DIR ?= build-tsan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
# The tests ThreadSanitizer runs (a ctest -R regex). Every API test runs a
# real server with I/O and worker threads, so by default all of them, the
# checkout concurrency tests (ConcurrentBuyersNeverOversell, ...) included.
TSAN_TESTS ?= .
SANITIZER_SUPP := $(abspath server/tests/sanitizers)
# Every report is fatal: the process exits with status 23 (ctest: failed).
ASAN_ENV := ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=23:print_stacktrace=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
	LSAN_OPTIONS=suppressions=$(SANITIZER_SUPP)/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=23:print_stacktrace=1
# ignore_noninstrumented_modules: TSan judges only code built with it; see
# server/tests/sanitizers/tsan.supp for why (libvips' glib threads).
TSAN_ENV := TSAN_OPTIONS=halt_on_error=1:abort_on_error=0:exitcode=23:second_deadlock_stack=1:ignore_noninstrumented_modules=1:suppressions=$(SANITIZER_SUPP)/tsan.supp:print_suppressions=0

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

# The shop and, beside it, the test-mode card gateway (docs/gateway.md).
run: build web
	PORT=$(PORT) scripts/run-shop.sh $(BUILD_DIR)/server/pocketshop

test: build web
	PG_REPLICA=1 scripts/with-s3.sh scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)
	cd web && npm run lint && npm run format:check && npm test
	cd web && POCKETSHOP_BIN=$(abspath $(BUILD_DIR))/server/pocketshop npm run e2e

# The whole gtest suite (each API test on SQLite and on PostgreSQL) built with
# g++'s AddressSanitizer + UndefinedBehaviorSanitizer; any report fails it.
test-asan: deps
	cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DPOCKETSHOP_SANITIZE=address,undefined
	cmake --build $(ASAN_DIR) -j$(JOBS)
	$(ASAN_ENV) PG_REPLICA=1 scripts/with-s3.sh scripts/with-postgres.sh ctest --test-dir $(ASAN_DIR) --output-on-failure -j$(JOBS)

# The gtest suite (tests matching $(TSAN_TESTS)), each API test on SQLite and
# on PostgreSQL, built with g++'s ThreadSanitizer; any report fails it.
test-tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DPOCKETSHOP_SANITIZE=thread
	cmake --build $(TSAN_DIR) -j$(JOBS)
	$(TSAN_ENV) PG_REPLICA=1 scripts/with-s3.sh scripts/with-postgres.sh ctest --test-dir $(TSAN_DIR) --output-on-failure -j$(JOBS) -R '$(TSAN_TESTS)'

# libFuzzer (clang) on the request parsers: each target in fuzz/ runs for
# FUZZ_SECONDS on a copy of its seed corpus (fuzz/corpus/<target>); new inputs
# go to $(FUZZ_DIR)/fuzz-corpus, crash inputs to $(FUZZ_DIR)/fuzz-crashes.
fuzz:
	@scripts/install-deps.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DPOCKETSHOP_SANITIZE=address,undefined \
	  -DPOCKETSHOP_FUZZ=ON -DPOCKETSHOP_BUILD_TESTS=OFF
	cmake --build $(FUZZ_DIR) -j$(JOBS) --target fuzz_targets
	fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.h')

clean:
	rm -rf $(BUILD_DIR)

# The benchmark (bench/README.md): a Release server on the bench marketplace,
# driven by wrk on loopback, once on SQLite and once on PostgreSQL; the table
# goes to bench/results/. BENCH_SECONDS per case; CATALOG_SCALE=N also grows the
# marketplace N times and compares it with 1x in the same run.
RELEASE_DIR ?= build-release
BENCH_SECONDS ?= 10
# BENCH_PIN=server=0-1,db=2-3,wrk=4-5: each on its own cores (bench/README.md).
BENCH_PIN ?=
comma := ,
BENCH_PG_CPUS = $(patsubst db=%,%,$(filter db=%,$(subst $(comma), ,$(BENCH_PIN))))
.PHONY: bench
bench:
	@scripts/install-deps.sh --bench
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOCKETSHOP_BUILD_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j$(JOBS) --target pocketshop pocketshop-bare
	PG_DURABLE=1 PG_CPUS=$(BENCH_PG_CPUS) scripts/with-postgres.sh node bench/run.mjs --binary $(RELEASE_DIR)/server/pocketshop --seconds $(BENCH_SECONDS) $(if $(BENCH_PIN),--pin $(BENCH_PIN)) $(if $(CATALOG_SCALE),--scale $(CATALOG_SCALE))

# Several instances behind nginx (bench/scale.mjs, docs/scaling.md): checks
# deploy/ (nginx -t, the units, the limits), then starts PostgreSQL, three
# Release instances, nginx with deploy/nginx/'s settings and the payment
# gateway on 127.0.0.1; runs the read and checkout loads with 1, 2 and 3
# instances, kills one with -9 during checkout and restarts PostgreSQL during
# reads. About four minutes here; the report goes to bench/results/.
BENCH_SCALE_SECONDS ?= 8
.PHONY: bench-scale
bench-scale:
	@scripts/install-deps.sh --bench-scale
	cmake -S . -B $(RELEASE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPOCKETSHOP_BUILD_TESTS=OFF
	cmake --build $(RELEASE_DIR) -j$(JOBS) --target pocketshop
	deploy/check.sh $(RELEASE_DIR)/server/pocketshop
	node bench/scale.mjs --binary $(RELEASE_DIR)/server/pocketshop --seconds $(BENCH_SCALE_SECONDS)
