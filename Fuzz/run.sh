#!/bin/sh
# make fuzz: build the libFuzzer targets of Fuzz/ and run each for FUZZ_SECONDS (default 60).
# Fails when a target finds a crash, leaving the input in Fuzz/Crashes/<target>/.
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   FUZZ_SECONDS=300 make fuzz                 five minutes per target
#   FUZZ_TARGETS="FuzzYAML FuzzCSV" make fuzz  some targets only
#   Fuzz/.build/release/FuzzYAML Fuzz/Crashes/FuzzYAML/crash-…   replay one input
set -eu
cd "$(dirname "$0")"
SWIFT=${SWIFT:-swift}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-FuzzCSV FuzzYAML FuzzRegister FuzzFINESSExtract}
EXTRA_FLAGS=${FUZZ_FLAGS:-}

# `--sanitize=fuzzer` alone makes SwiftPM link libFuzzer's main; the swiftc flag repeats it with
# address in one `-sanitize=` because swiftc keeps only the last of several `-sanitize=` flags
# (`--sanitize=fuzzer --sanitize=address` gives Swift code no coverage at all).
"$SWIFT" build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address

# Longest input per target: a few dozen rows of a table, a scenario file with room to spare.
max_len() {
    case "$1" in
    FuzzYAML) echo 4096 ;;
    *) echo 8192 ;;
    esac
}
dict() {
    case "$1" in
    FuzzYAML) echo Dictionaries/yaml.dict ;;
    FuzzFINESSExtract) echo Dictionaries/finess.dict ;;
    *) echo Dictionaries/csv.dict ;;
    esac
}

failed=""
for t in $TARGETS; do
    mkdir -p ".work/corpus/$t" "Crashes/$t"
    echo "== $t: $SECONDS_EACH s, -max_len=$(max_len "$t")"
    # The first folder receives the inputs found; Corpus/ (committed) only seeds it.
    if ! ".build/release/$t" -max_total_time="$SECONDS_EACH" -max_len="$(max_len "$t")" -timeout=10 \
        -rss_limit_mb=2048 -dict="$(dict "$t")" -artifact_prefix="Crashes/$t/" -print_final_stats=1 \
        $EXTRA_FLAGS ".work/corpus/$t" "Corpus/$t" >".work/$t.log" 2>&1; then
        failed="$failed $t"
    fi
    # The last status line (coverage, features, corpus) and libFuzzer's final numbers.
    grep -E '^#[0-9]+' ".work/$t.log" | tail -n 1 || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' ".work/$t.log" || true
    if ls "Crashes/$t"/* >/dev/null 2>&1; then
        failed="$failed $t"
    fi
done
if [ -n "$failed" ]; then
    echo "fuzz: crash or failure in:$failed (inputs in Fuzz/Crashes/, logs in Fuzz/.work/*.log)" >&2
    ls -l Crashes/* >&2
    exit 1
fi
echo "fuzz: no crash (logs in Fuzz/.work/*.log)"
