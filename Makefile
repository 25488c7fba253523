# enforcement: PGXS build, translations, and the two README commands.

EXTENSION = enforcement
EXTVERSION = 1.2
MODULE_big = enforcement
OBJS = \
	src/enforcement.o \
	src/report.o \
	src/lookup.o \
	src/ids.o \
	src/calendar.o \
	src/credit_code.o \
	src/registry.o \
	src/append_only.o \
	src/record.o \
	src/scope.o \
	src/declare.o \
	src/plans.o \
	src/inspections.o \
	src/checkin.o

# The newest install script is built from src/sql; earlier versions ship as
# released, with the update scripts that lead from each to the next.
DATA_built = enforcement--$(EXTVERSION).sql enforcement--1.0--1.1.sql \
	enforcement--1.1--1.2.sql
# (1.1 needs no script of its own: PostgreSQL installs it as 1.0 and the
# update to 1.1.)
DATA = src/sql/releases/enforcement--1.0.sql

# What 1.2 adds, in order: both the newest install script and the update
# from 1.1 are made of it.
RELEASE_1_2 = src/sql/release-1.2.sql src/sql/release-1.2-checkin.sql \
	src/sql/release-1.2-views.sql

# The install script is assembled from these, in this order.
SQL_SOURCES = \
	src/sql/preamble.sql \
	src/sql/core.sql \
	src/sql/record.sql \
	src/sql/registry.sql \
	src/sql/views.sql \
	src/sql/declare.sql \
	src/sql/release-1.1.sql \
	$(RELEASE_1_2)
CALENDAR_CSV = src/data/calendar-cn.csv

REGRESS = settings ids calendar credit_code subjects certificates \
	officer_departure append_only warn_mode messages_zh process_log roles \
	upgrade inspections checkin inspection_views
REGRESS_OPTS = --encoding=UTF8 --no-locale
ISOLATION = certificate_vs_departure certificate_vs_departure_rr \
	certificate_double_issue process_log_concurrency writer_lookup_locks \
	inspection_races
ISOLATION_OPTS = --inputdir=test/isolation --encoding=UTF8 --no-locale

# The server's headers are not written for -Wextra: include them as system
# headers, so that the warnings checked are this project's own.
PG_CPPFLAGS = -I$(srcdir)/src -isystem $(shell $(PG_CONFIG) --includedir-server)
PG_CFLAGS = -Wall -Wextra -Werror

# Translations: the extension's own gettext domain, enforcement-<major>.
LANGUAGES = zh_CN
PO_FILES = $(LANGUAGES:%=src/po/%.po)
MO_FILES = $(LANGUAGES:%=src/po/%.mo)
POT_FILE = src/po/enforcement.pot
XGETTEXT_KEYWORDS = --keyword=errmsg --keyword=errdetail --keyword=errhint \
	--keyword=gettext_noop --keyword=errmsg_plural:1,2 \
	--flag=errmsg:1:c-format --flag=errdetail:1:c-format \
	--flag=errhint:1:c-format --flag=errmsg_plural:1:c-format \
	--flag=errmsg_plural:2:c-format

EXTRA_CLEAN = $(MO_FILES) $(POT_FILE) output_iso results regression.diffs \
	regression.out

PG_CONFIG ?= pg_config
PGXS := $(shell command -v $(PG_CONFIG) >/dev/null 2>&1 && $(PG_CONFIG) --pgxs)

ifneq ($(PGXS),)
include $(PGXS)

localedir := $(shell $(PG_CONFIG) --localedir)

all: $(MO_FILES)

enforcement--$(EXTVERSION).sql: $(SQL_SOURCES) $(CALENDAR_CSV) src/sql/calendar.awk
	{ cat $(SQL_SOURCES); awk -f src/sql/calendar.awk $(CALENDAR_CSV); } > $@

# An update script is the release's own additions, which the newest install
# script also contains.  Every shipped version must reach the newest: see
# sql/upgrade.sql.
update_script = { printf '%s\n\n%s\n' '-- enforcement $(1) -> $(2)' \
	'\echo Use "ALTER EXTENSION enforcement UPDATE TO '"'"'$(2)'"'"'" to load this file. \quit'; \
	cat $(3); } > $(4)
enforcement--1.0--1.1.sql: src/sql/release-1.1.sql
	$(call update_script,1.0,1.1,$<,$@)
enforcement--1.1--1.2.sql: $(RELEASE_1_2)
	$(call update_script,1.1,1.2,$^,$@)

# Every message in the C sources must have a translation in every language:
# msgcmp fails on a message the catalog lacks, msgfmt on a fuzzy or empty one.
$(POT_FILE): $(OBJS:.o=.c)
	xgettext -o $@ --from-code=UTF-8 --language=C --no-location \
		$(XGETTEXT_KEYWORDS) $^

src/po/%.mo: src/po/%.po $(POT_FILE)
	msgcmp $< $(POT_FILE)
	msgfmt -c --statistics -o $@ $< 2>$@.stats; st=$$?; cat $@.stats; \
	if [ $$st -ne 0 ] || grep -Eq 'fuzzy|untranslated' $@.stats; then \
		rm -f $@ $@.stats; echo "$<: every message needs a translation" >&2; exit 1; fi; \
	rm -f $@.stats

install: install-translations
install-translations: $(MO_FILES)
	for lang in $(LANGUAGES); do \
		$(MKDIR_P) '$(DESTDIR)$(localedir)'/$$lang/LC_MESSAGES && \
		$(INSTALL_DATA) src/po/$$lang.mo \
			'$(DESTDIR)$(localedir)'/$$lang/LC_MESSAGES/enforcement-$(MAJORVERSION).mo \
			|| exit 1; \
	done
uninstall: uninstall-translations
uninstall-translations:
	for lang in $(LANGUAGES); do \
		rm -f '$(DESTDIR)$(localedir)'/$$lang/LC_MESSAGES/enforcement-$(MAJORVERSION).mo; \
	done
.PHONY: install-translations uninstall-translations
else
all:
	@echo "pg_config not found: run 'make test' or 'make demo' as root to install the build dependencies" >&2
	@exit 1
endif

# The README's two commands: install what is missing, build, install, and
# run against a throwaway cluster (or the server in PGHOST/PGPORT).
deps:
	sh test/harness/deps.sh

test: deps
	$(MAKE) all
	$(MAKE) install
	sh test/harness/cluster.sh sh test/harness/run-tests.sh

demo: deps
	$(MAKE) all
	$(MAKE) install
	sh test/harness/cluster.sh sh test/harness/demo.sh

.PHONY: deps test demo
