# esms — the two commands of the README, and a few more.
# SPDX-License-Identifier: GPL-3.0-or-later

SWIFT ?= swift
ESMS := .build/release/esms
BRETAGNE := Scenarios/bretagne-2024/scenario.yaml
NATIONAL := Scenarios/national-2024-redeploiement/scenario.yaml
OUT_BRE := Reports/bretagne-2024
OUT_NAT := Reports/national-2024-redeploiement

.PHONY: demo test build glpk bench clean

## demo: install GLPK if needed, build, run the shipped scenarios; results in Reports/
demo: build
	@echo "== esms validate $(BRETAGNE)"
	@$(ESMS) validate $(BRETAGNE)
	@mkdir -p $(OUT_BRE) $(OUT_NAT)
	@echo "== esms fund $(BRETAGNE)"
	@$(ESMS) fund $(BRETAGNE) --csv $(OUT_BRE)/fund.csv > /dev/null
	@$(ESMS) fund $(BRETAGNE) --json > $(OUT_BRE)/.fund.json.tmp && mv $(OUT_BRE)/.fund.json.tmp $(OUT_BRE)/fund.json
	@echo "== esms select $(BRETAGNE)"
	@$(ESMS) select $(BRETAGNE)
	@$(ESMS) select $(BRETAGNE) --json > $(OUT_BRE)/.select.json.tmp && mv $(OUT_BRE)/.select.json.tmp $(OUT_BRE)/select.json
	@echo "== esms frontier / tradeoff $(BRETAGNE)"
	@$(ESMS) frontier $(BRETAGNE) --json > $(OUT_BRE)/.frontier.json.tmp && mv $(OUT_BRE)/.frontier.json.tmp $(OUT_BRE)/frontier.json
	@$(ESMS) tradeoff $(BRETAGNE) --json > $(OUT_BRE)/.tradeoff.json.tmp && mv $(OUT_BRE)/.tradeoff.json.tmp $(OUT_BRE)/tradeoff.json
	@echo "== esms select $(NATIONAL) (pooled national selection)"
	@$(ESMS) select $(NATIONAL) --explain-limit 0 --json > $(OUT_NAT)/.select.json.tmp && mv $(OUT_NAT)/.select.json.tmp $(OUT_NAT)/select.json
	@echo
	@echo "Results in Reports/: $(OUT_BRE)/ (fund.csv for Excel, fund.json, select.json, frontier.json, tradeoff.json)"
	@echo "and $(OUT_NAT)/select.json"

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
