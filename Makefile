# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench screenshots clean dist qt-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP) qt-deps
	$(BIN)/jemput

# The Debian packages Qt's xcb platform plugin (the window on X11) loads. A desktop
# usually has them; a minimal install does not ("Could not load the Qt platform plugin
# xcb"). As root they are installed; otherwise the command to install them is printed.
# Skipped where there is no dpkg (other distributions, Windows).
QT_XCB_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
	libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 \
	libfontconfig1 libdbus-1-3
qt-deps:
	@command -v dpkg-query >/dev/null || exit 0; \
	missing=$$(for p in $(QT_XCB_DEBS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	missing=$$(echo $$missing); [ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Memasang pustaka Qt untuk jendela: $$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
	  echo "Jendela Qt memerlukan paket Debian ini. Pasang dulu, lalu ulangi 'make run':"; \
	  echo "  sudo apt-get install $$missing"; exit 1; \
	fi

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	for f in tests/benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

# Render the main screens at 1366x768 into resources/screenshots/ (offscreen, demo data).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/biometric_screenshots.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/biometric_screenshots.py flow

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

# The one-folder app in dist/jemput/ (PyInstaller, build.spec), then the smoke check
# of the built binary (tests/packaging/smoke_dist.py). PyInstaller lives in its own
# virtualenv under build/ (the `build` extra), never in .venv, which CI mirrors.
BUILD_VENV  := build/venv
BUILD_STAMP := $(BUILD_VENV)/.installed-stamp

$(BUILD_STAMP): pyproject.toml
	$(PYTHON) -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUILD_VENV)/bin/python -m pip install --quiet -e '.[build]'
	touch $(BUILD_STAMP)

dist: $(BUILD_STAMP)
	$(BUILD_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
		--distpath dist --workpath build/pyinstaller build.spec
	QT_QPA_PLATFORM=offscreen $(BUILD_VENV)/bin/python tests/packaging/smoke_dist.py dist/jemput
	du -sh dist/jemput

# Refresh resources/i18n/jemput_en.ts from the tr() strings in app/ui (keeps what
# is translated) and compile jemput_en.qm. Translate entries marked unfinished, rerun.
.PHONY: translations
translations: $(STAMP)
	$(BIN)/python resources/i18n/update.py
