# octavo: `make book` builds input/ into dist/, `make test` runs the tests.
# Each target sets up the project's virtual environment (.venv) on first use.
# The distribution's Python where it is 3.11 or newer and can make a venv: Debian builds it
# with profile-guided and link-time optimisation, and it reads a volume about a quarter faster
# than a plain build from source (pyenv's, measured here); else the python3 on the PATH.
# `make PYTHON=python3.12 …` chooses another (for a new .venv: remove the old one first).
SYSTEM_PYTHON := /usr/bin/python3
PYTHON ?= $(shell $(SYSTEM_PYTHON) -c 'import sys, ensurepip; sys.exit(sys.version_info < (3, 11))' \
	2>/dev/null && echo $(SYSTEM_PYTHON) || echo python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: book test bench compare lint clean

# $(call apt_install,PACKAGE,WHAT IS LOST WITHOUT IT): a Debian package installed when we may
define apt_install
{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
  { apt-get install -y -qq --no-install-recommends $(1) >/dev/null 2>&1 || \
    { apt-get update -qq >/dev/null 2>&1 && \
      apt-get install -y -qq --no-install-recommends $(1) >/dev/null 2>&1; }; } || \
  echo "note: $(1) not installed; $(2)"; }
endef

book: $(VENV)/.installed
	$(BIN)/octavo build

test: $(VENV)/.installed-test
	$(BIN)/pytest

bench: $(VENV)/.installed-test
	@# calibre's ebook-convert is the yardstick the benchmark's ratios are measured against
	@command -v ebook-convert >/dev/null || \
	  $(call apt_install,calibre,the benchmark skips its ratios to calibre)
	@# octavo's bytecode again, for modules changed since the install (calibre's is compiled too)
	$(BIN)/python -m compileall -q src
	$(BIN)/python bench/run.py

# `make compare REF=main`: every output built by REF's code and by the working tree's, byte for byte
REF ?= HEAD
compare: $(VENV)/.installed-test
	$(BIN)/python bench/compare_outputs.py $(REF)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench

$(VENV)/.installed: pyproject.toml
	@# WeasyPrint subsets fonts far faster with HarfBuzz's subsetter (Debian: libharfbuzz-subset0);
	@# installed when missing and we may, otherwise it falls back to fontTools.
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || \
	  $(call apt_install,libharfbuzz-subset0,PDF font subsetting will be slower)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -e .
	@# octavo's bytecode, as pip writes an installed package's: where PYTHONDONTWRITEBYTECODE
	@# is set (as in many containers), every command would otherwise compile each module it
	@# loads, a sixth of an EPUB build from the text
	$(BIN)/python -m compileall -q src
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
