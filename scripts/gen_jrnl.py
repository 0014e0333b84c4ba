#!/usr/bin/env python3
"""Write a synthetic `jrnl --export json` document for benchmarks and load tests.

    scripts/gen_jrnl.py FILE [N] [--seed S]

Writes N entries (default 50000) in the shape jrnl v4 exports (see
fixtures/import/jrnl-export.json): a top-level `tags` count and an `entries` array of
{title, body, date, time, tags, starred}, pretty-printed with two-space indents as jrnl
does, so each entry spans about a dozen lines. Titles, bodies, dates and tags vary; some
bodies are empty, some hold a URL, some `@tags` are written in the text. The output depends
only on N and the seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

SEED = 20261125
START = dt.date(2015, 1, 1)
DAYS = (dt.date(2026, 11, 25) - START).days

VERBS = ["Shipped", "Fixed", "Cut", "Mentored", "Wrote", "Migrated", "Reviewed", "Led"]
THINGS = [
    "the retry budget", "the flaky deploy", "the on-call runbook", "the ledger export",
    "the search index", "the cache layer", "the billing report", "the build pipeline",
]
PROJECTS = ["rivet", "ledger", "atlas", "beacon", "checkout", "gateway"]
TAGS = ["@ops", "@reliability", "@mentoring", "@perf", "@talks", "@hiring", "#priya", "#sam"]
BODIES = [
    "",
    "Retry storms fell from {a}x to 1.{b}x in the drill. {tag}",
    "p99 went from {a}0 ms to {b} ms after the change; {n} teams use it now.",
    "Slides: https://docs.example.com/{project}-talk-{n} {tag}",
    "It was a race between the migration and the health check.\nFound it with {n} runs of the soak test.",
    "Paired with {person} for a week. {tag}",
]
PEOPLE = ["Priya", "Sam", "Amara", "Jonas", "Mei"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("n", nargs="?", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    counts: dict[str, int] = {}
    entries = []
    for i in range(args.n):
        project = rng.choice(PROJECTS)
        tags = rng.sample(TAGS, rng.randint(0, 3))
        for t in tags:
            counts[t] = counts.get(t, 0) + 1
        fill = {
            "a": rng.randint(2, 40),
            "b": rng.randint(1, 9),
            "n": rng.randint(2, 30),
            "tag": tags[0] if tags else "",
            "project": project,
            "person": rng.choice(PEOPLE),
        }
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        entries.append({
            "title": f"{rng.choice(VERBS)} {rng.choice(THINGS)} for {project} ({i}).",
            "body": rng.choice(BODIES).format(**fill).strip(),
            "date": day.isoformat(),
            "time": f"{rng.randint(7, 19):02}:{rng.choice([0, 15, 30, 45]):02}",
            "tags": tags,
            "starred": rng.random() < 0.1,
        })
    doc = {"tags": counts, "entries": entries}
    with open(args.file, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    size = sum(1 for _ in open(args.file, "rb"))
    print(f"wrote a jrnl export of {args.n} entries ({size} lines) to {args.file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
