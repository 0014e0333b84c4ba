#!/usr/bin/env python3
"""Writes a git fast-import stream for a synthetic repository to stdout.

usage: gen_repo.py [N]   (default 100000 commits)

Four authors take turns at random (bench@example.com about a quarter of the time); each
commit rewrites one to three small files in one of twenty directories; every 50th commit
merges a short pull-request branch ("Merge pull request #N from ..."), and some subjects
carry ticket keys or squash-merge numbers. Deterministic: a fixed seed.
"""
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(7)
out = sys.stdout.buffer
AUTHORS = [
    "Bench User <bench@example.com>",
    "Ana Gomez <ana@example.com>",
    "Lee Park <lee@example.com>",
    "Sam Lee <sam@example.com>",
]
VERBS = ["Fix", "Add", "Refactor", "Speed up", "Document", "Test", "Remove", "Rename"]
NOUNS = ["retry budget", "cache", "parser", "gateway", "ledger", "exporter", "scheduler", "client"]
DIRS = [f"d{i:02}" for i in range(20)]
t0 = 1_600_000_000
mark = 0
pr = 0


def data(b: bytes) -> None:
    out.write(b"data %d\n" % len(b))
    out.write(b)
    out.write(b"\n")


def commit(branch: str, who: str, t: int, msg: str, parents: list[int], files: int) -> int:
    global mark
    mark += 1
    out.write(b"commit refs/heads/%s\nmark :%d\n" % (branch.encode(), mark))
    out.write(b"author %s %d +0000\ncommitter %s %d +0000\n" % (who.encode(), t, who.encode(), t))
    data(msg.encode())
    if parents:
        out.write(b"from :%d\n" % parents[0])
        for p in parents[1:]:
            out.write(b"merge :%d\n" % p)
    d = rng.choice(DIRS)
    for _ in range(files):
        path = f"{d}/f{rng.randrange(20):02}.txt"
        lines = "".join(f"line {rng.randrange(1000)}\n" for _ in range(rng.randrange(3, 12)))
        out.write(b"M 100644 inline %s\n" % path.encode())
        data(lines.encode())
    return mark


head = commit("main", AUTHORS[1], t0, "Initial commit", [], 3)
i = 1
while i < N:
    t = t0 + i * 600
    if i % 50 == 0 and i + 3 < N:
        pr += 1
        who = rng.choice(AUTHORS)
        b1 = commit(f"pr{pr}", who, t, f"Start {rng.choice(NOUNS)} work", [head], 1)
        b2 = commit(f"pr{pr}", who, t + 60, f"Finish it: {rng.randrange(10, 90)}% faster", [b1], 2)
        head = commit("main", AUTHORS[3], t + 120,
                      f"Merge pull request #{pr} from someone/branch-{pr}\n\n{rng.choice(VERBS)} the {rng.choice(NOUNS)}",
                      [head, b2], 0)
        i += 3
        continue
    who = AUTHORS[0] if rng.random() < 0.25 else rng.choice(AUTHORS[1:])
    subject = f"{rng.choice(VERBS)} the {rng.choice(NOUNS)}"
    r = rng.random()
    if r < 0.1:
        subject = f"PAY-{rng.randrange(1, 400)} {subject}"
    elif r < 0.15:
        subject = f"{subject} (#{rng.randrange(1000, 9000)})"
    head = commit("main", who, t, subject, [head], rng.randrange(1, 4))
    i += 1
out.write(b"done\n")
