# PocketShop: `make run` starts the shop, `make test` runs every test.
# Both install what is missing on a Debian 12 machine first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= 2
PORT ?= 8080

# ccache and precompiled headers work together only with these.
export CCACHE_SLOPPINESS := pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: deps build run test format clean

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	$(BUILD_DIR)/server/pocketshop seed --demo
	$(BUILD_DIR)/server/pocketshop serve --port $(PORT)

test: build
	scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)

format:
	clang-format -i $$(git ls-files 'server/*.cpp' 'server/*.h')

clean:
	rm -rf $(BUILD_DIR)
