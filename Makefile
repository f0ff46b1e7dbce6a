# octavo: `make book` builds input/ into dist/, `make test` runs the tests.
# Each target sets up the project's virtual environment (.venv) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: book test bench lint clean

book: $(VENV)/.installed
	$(BIN)/octavo build

test: $(VENV)/.installed-test
	$(BIN)/pytest

bench: $(VENV)/.installed-test
	$(BIN)/python bench/run.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

$(VENV)/.installed: pyproject.toml
	@# WeasyPrint subsets fonts far faster with HarfBuzz's subsetter (Debian: libharfbuzz-subset0);
	@# installed when missing and we may, otherwise it falls back to fontTools.
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    { apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1 || \
	      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1; }; } || \
	  echo "note: libharfbuzz-subset0 not installed; PDF font subsetting will be slower"; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	@# The web service's browser tests drive Debian's chromium (Playwright's own browser
	@# download is not used); installed when missing and we may, else those tests skip.
	@command -v chromium >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	    { apt-get install -y -qq chromium >/dev/null 2>&1 || \
	      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; }; } || \
	  echo "note: chromium not installed; the browser tests will be skipped"; }
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf dist
