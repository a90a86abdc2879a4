#!/usr/bin/env bash
# Renders the shared People's Daily articles in every style of tools/page_styles.py, for the
# months held out of training (2020-02, 2020-05) and for the dev months (2019-02, 2019-10,
# 2020-01), and scores the splitter on each set (tools/score_styles.py).
#
# usage: tools/eval_styles.sh [BAOSOU] [--json] [--by-form] [--held-out-only]
#   BAOSOU defaults to target/release/baosou (cargo build --release first).
# The sets are written to target/styles/<style>-<months>/ (git-ignored; never commit them).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/baosou
opts=()
dev=1
for a in "$@"; do
  case "$a" in
    --json | --by-form) opts+=("$a") ;;
    --held-out-only) dev=0 ;;
    *) bin=$a ;;
  esac
done
if [ ! -f ../shared/corpus/rmrb_2019_2020/articles.jsonl ] || [ ! -f ../shared/eval/score.py ]; then
  echo "eval_styles: ../shared (the corpus and eval/score.py) not found beside the repository;" \
    "these figures need it" >&2
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "eval_styles: $bin not found; build it with cargo build --release" >&2
  exit 2
fi
held=(--month 2020-02 --month 2020-05)
devm=(--month 2019-02 --month 2019-10 --month 2020-01)
python3 tools/render_pages.py "${held[@]}" --style all
python3 tools/render_pages.py "${held[@]}" --out target/styles/pd-2020-02+2020-05
sets=(target/styles/pd-2020-02+2020-05 target/styles/*-2020-02+2020-05)
if [ "$dev" = 1 ]; then
  python3 tools/render_pages.py "${devm[@]}" --style all
  sets+=(target/styles/*-2019-02+2019-10+2020-01)
fi
# pd-… is listed twice by the glob: keep each set once.
mapfile -t sets < <(printf '%s\n' "${sets[@]}" | awk '!seen[$0]++')
python3 tools/score_styles.py "${opts[@]}" "$bin" "${sets[@]}"
