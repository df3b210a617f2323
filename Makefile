# esms — the two commands of the README, and a few more.
# SPDX-License-Identifier: GPL-3.0-or-later

SWIFT ?= swift
ESMS := .build/release/esms
BRETAGNE := Scenarios/bretagne-2024/scenario.yaml

.PHONY: demo test build glpk bench clean

## demo: install GLPK if needed, build, run the shipped Bretagne scenario; results in Reports/
demo: build
	@echo "== esms validate $(BRETAGNE)"
	@$(ESMS) validate $(BRETAGNE)
	@echo "== esms fund $(BRETAGNE)"
	@mkdir -p Reports/bretagne-2024
	@$(ESMS) fund $(BRETAGNE) --csv Reports/bretagne-2024/fund.csv
	@$(ESMS) fund $(BRETAGNE) --json > Reports/bretagne-2024/fund.json.tmp && mv Reports/bretagne-2024/fund.json.tmp Reports/bretagne-2024/fund.json
	@echo
	@echo "Results: Reports/bretagne-2024/fund.csv (Excel) and Reports/bretagne-2024/fund.json"

## test: install GLPK if needed, build and run the whole test suite
test: glpk
	$(SWIFT) test

build: glpk
	$(SWIFT) build -c release --static-swift-stdlib --product esms

glpk:
	@sh scripts/ensure-glpk.sh

## bench: the benchmarks of Benchmarks/README.md
bench: build
	sh Benchmarks/run.sh

clean:
	rm -rf .build
