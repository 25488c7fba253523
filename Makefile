# enforcement: PGXS build, translations, and the two README commands.

EXTENSION = enforcement
# The version is the control file's, and only there.
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" $(dir $(lastword $(MAKEFILE_LIST)))enforcement.control)
MODULE_big = enforcement
# One C file per concern, by layer (docs/architecture.md): a file calls
# only the layers below its own.
OBJS = \
	src/schema.o src/mode.o src/text.o src/lookup.o src/probe.o \
	src/rules.o src/report.o src/violations.o src/relinfo.o src/ids.o \
	src/calendar.o src/credit_code.o \
	src/record.o src/scope.o src/append_only.o src/declare.o \
	src/row.o src/facts.o src/scan.o src/taint.o \
	src/registry.o src/plans.o src/inspections.o src/checkin.o src/cases.o \
	src/decisions.o src/quotas.o src/accountability.o src/legacy.o \
	src/enforcement.o

# The newest install script is assembled from the current sources of each
# concern, beside its C file, in this order; 1.0 ships as released, and
# each later version is reached by the update scripts written by hand.
SQL_SOURCES = \
	src/sql/preamble.sql \
	src/scope.sql \
	src/record.sql \
	src/declare.sql \
	src/ids.sql \
	src/settings.sql \
	src/calendar.sql \
	src/violations.sql \
	src/rules.sql \
	src/registry.sql \
	src/plans.sql \
	src/inspections.sql \
	src/checkin.sql \
	src/cases.sql \
	src/supervision.sql \
	src/facts.sql \
	src/views.sql \
	src/case_views.sql \
	src/supervision_views.sql \
	src/scan.sql \
	src/supervision_report.sql \
	src/dashboard.sql \
	src/sql/finish.sql
CALENDAR_CSV = src/data/calendar-cn.csv
DATA_built = enforcement--$(EXTVERSION).sql
DATA = src/sql/releases/enforcement--1.0.sql $(wildcard src/sql/updates/*.sql)

REGRESS = settings ids calendar credit_code subjects certificates \
	officer_departure append_only warn_mode messages_zh process_log roles \
	upgrade inspections checkin inspection_views entry_points input_shapes \
	strict_tables probe_cache integrity mode_record restores memberships \
	record_nulls integrity_late cases supervision
REGRESS_OPTS = --encoding=UTF8 --no-locale
ISOLATION = certificate_vs_departure certificate_vs_departure_rr \
	certificate_double_issue process_log_concurrency writer_lookup_locks \
	inspection_races conflict_vs_inspection \
	case_decision_race first_offence_race reviewer_race \
	sanction_vs_inspection
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

# Every object is rebuilt when any header of the project changes.
$(OBJS): $(wildcard $(srcdir)/src/*.h)

all: $(MO_FILES)

enforcement--$(EXTVERSION).sql: $(SQL_SOURCES) $(CALENDAR_CSV) src/sql/calendar.awk
	{ cat $(SQL_SOURCES); awk -f src/sql/calendar.awk $(CALENDAR_CSV); } > $@

# Every message in the C sources must have a translation in every language:
# msgcmp fails on a message the catalog lacks, msgfmt on a fuzzy or empty one.
$(POT_FILE): $(OBJS:.o=.c) src/rules.h
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

# A long sqlsmith run as a writer (FUZZ_QUERIES, default 100000): no query
# may crash a backend.  make test runs a short one.
fuzz: deps
	$(MAKE) all
	$(MAKE) install
	FUZZ_QUERIES=$${FUZZ_QUERIES:-100000} sh test/harness/cluster.sh sh test/harness/fuzz.sh

.PHONY: deps test demo fuzz
