# esms — the two commands of the README, and a few more.
# SPDX-License-Identifier: GPL-3.0-or-later

SWIFT ?= swift
ESMS := .build/release/esms
BRETAGNE := Scenarios/bretagne-2024/scenario.yaml
NATIONAL := Scenarios/national-2024-redeploiement/scenario.yaml
CAMPAIGN := Scenarios/bretagne-2024-campagne/campaign.yaml
OUT_BRE := Reports/bretagne-2024-juin
OUT_NAT := Reports/national-2024-redeploiement
# The time written into the shipped reports (2024-06-14 08:00 UTC), so that re-running the demo
# gives the same bytes (the test of Reports/ uses the same value).
REPORT_EPOCH ?= 1718352000
# The national report is dated on the redeployment day (2024-10-15 08:00 UTC).
REPORT_EPOCH_NAT ?= 1728979200

.PHONY: demo test build libraries browser bench clean report-render fuzz

## demo: install GLPK, libxlsxwriter and zlib if needed, build, run the shipped scenarios; reports in Reports/
demo: build
	@echo "== esms validate $(BRETAGNE)"
	@$(ESMS) validate $(BRETAGNE)
	@echo "== esms fund $(BRETAGNE)"
	@$(ESMS) fund $(BRETAGNE) > /dev/null
	@echo "== esms select $(BRETAGNE)"
	@$(ESMS) select $(BRETAGNE)
	@echo "== esms report $(BRETAGNE)"
	@SOURCE_DATE_EPOCH=$(REPORT_EPOCH) $(ESMS) report $(BRETAGNE) -o $(OUT_BRE)
	@echo "== esms whatif $(BRETAGNE) (base and variants: fund, select, simulate)"
	@$(ESMS) whatif $(BRETAGNE)
	@echo "== esms report $(NATIONAL) (pooled national selection)"
	@SOURCE_DATE_EPOCH=$(REPORT_EPOCH_NAT) $(ESMS) report $(NATIONAL) -o $(OUT_NAT) --explain-limit 0 --frontier-steps 0 --tradeoff-points 0 --draws 2000 --sensitivity-draws 200
	@echo "== esms redeploy $(NATIONAL) --compare (pooled, own-first, prorata-essms)"
	@$(ESMS) redeploy $(NATIONAL) --compare
	@echo "== esms campaign $(CAMPAIGN) (April, June, September committees in sequence)"
	@$(ESMS) campaign $(CAMPAIGN)
	@echo "== esms followup $(CAMPAIGN) (reports on 31/12/2025: second halves due, withheld, to recover)"
	@$(ESMS) followup $(CAMPAIGN)
	@echo "== esms calibrate $(CAMPAIGN) (usage rates and spreads fitted to the reports)"
	@$(ESMS) calibrate $(CAMPAIGN)
	@echo
	@echo "Reports: $(OUT_BRE)/index.html (open in a browser), deliberation.html, decisions.xlsx, decisions.csv and essms.csv for Excel,"
	@echo "pv.md and pv.odt, lettres.html, note.html, results.json, audit.json; the same in $(OUT_NAT)/ with index-details.js, the details its index.html loads on request (see Reports/README.md)"

## report-render: look at the Bretagne report in headless Chromium (PDF, PNG pages) in .build-render/
report-render:
	sh scripts/render-report.sh $(OUT_BRE)

## test: install GLPK, libxlsxwriter and zlib if needed (and Chromium for the browser tests, best
## effort: they skip without it), build and run the whole test suite
test: libraries browser
	$(SWIFT) test

build: libraries
	$(SWIFT) build -c release --static-swift-stdlib --product esms

## libraries: install the C libraries (libglpk-dev, libxlsxwriter-dev, zlib1g-dev) when missing
libraries:
	@sh scripts/ensure-libraries.sh

## browser: install Chromium for the browser tests when it can be (never fails; ESMS_NO_BROWSER=1 skips)
browser:
	@sh scripts/ensure-browser.sh

## fuzz: build the libFuzzer targets of Fuzz/ and run each FUZZ_SECONDS (default 60); crashes in Fuzz/Crashes/
fuzz:
	sh Fuzz/run.sh

## bench: the benchmarks of Benchmarks/README.md
bench: build
	sh Benchmarks/run.sh

clean:
	rm -rf .build Fuzz/.build
