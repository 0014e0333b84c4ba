#!/usr/bin/env python3
"""Write a synthetic brag vault for benchmarks and load tests.

    scripts/gen_vault.py DIR [N] [--seed S] [--force]

Writes N entry files (default 10000) as DIR/YYYY/YYYY-MM-DD-slug.md in brag's file format
(YAML front matter, STAR sections), plus DIR/brag.toml, DIR/.gitignore and an empty
DIR/.brag/, using plain file writes only (brag itself is not run). The output depends only
on N and the seed: the same arguments give the same files.

About 1% of entries (exactly max(1, N // 100)) contain the rare word "zeppelin", so a
search for it has a small, known number of hits; words such as "latency", "service" and
"team" are common. The number of zeppelin entries is printed at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
from pathlib import Path

RARE_WORD = "zeppelin"
SEED = 20261125

START = dt.date(2015, 1, 1)
END = dt.date(2026, 11, 25)

COMPETENCIES = {
    "customer-obsession": "Customer Obsession",
    "ownership": "Ownership",
    "invent-and-simplify": "Invent and Simplify",
    "are-right-a-lot": "Are Right, A Lot",
    "learn-and-be-curious": "Learn and Be Curious",
    "hire-and-develop-the-best": "Hire and Develop the Best",
    "insist-on-the-highest-standards": "Insist on the Highest Standards",
    "think-big": "Think Big",
    "bias-for-action": "Bias for Action",
    "frugality": "Frugality",
    "earn-trust": "Earn Trust",
    "dive-deep": "Dive Deep",
    "have-backbone-disagree-and-commit": "Have Backbone; Disagree and Commit",
    "deliver-results": "Deliver Results",
}

COMPETENCY_WHY = [
    "went past the dashboards to the raw {thing} data before deciding",
    "owned the {thing} problem end to end, including the follow-ups nobody asked for",
    "chose the simpler {thing} design and deleted code instead of adding it",
    "shipped on the date we promised despite the {thing} surprises",
    "put the {customer} first when the trade-off got hard",
    "raised the bar for {thing} reviews and kept it there",
    "moved fast on a reversible decision and wrote down why",
    "disagreed in the design review with data, then committed fully",
    "coached {person} until they could run the {thing} work alone",
    "saved money on {thing} without hurting the {customer}",
]

PROJECTS = [
    "rivet", "ledger", "onboarding", "atlas", "beacon", "checkout", "search", "pricing",
    "gateway", "billing", "inventory", "mobile-app", "data-platform", "notifications",
    "identity", "observability",
]

TAGS = [
    "perf", "reliability", "latency", "incident", "on-call", "mentoring", "testing", "ci",
    "security", "migration", "api", "payments", "database", "cost", "docs", "hiring",
    "frontend", "backend", "infra", "design", "planning", "oncall", "release", "debugging",
    "data", "ux", "accessibility", "observability", "refactor", "kubernetes",
]

PEOPLE = [
    "priya", "tomas", "amara", "jonas", "karim", "mei", "oscar", "sofia", "lucia", "hana",
    "kofi", "rhea", "dmitri", "ines", "yusuf", "grace", "arjun", "lena", "marco", "noor",
]

THINGS = [
    "connection pool", "retry policy", "payment worker", "export job", "cache layer",
    "schema migration", "deploy pipeline", "search index", "rate limiter", "feature flag",
    "alerting rule", "load balancer", "message queue", "auth service", "build cache",
    "billing report", "test suite", "config loader", "session store", "API gateway",
    "batch importer", "event stream", "dashboard", "release process", "on-call rotation",
]

CUSTOMERS = [
    "merchants", "support team", "mobile users", "internal teams", "finance team",
    "partners", "new hires", "enterprise customers", "data analysts", "on-call engineers",
]

VERBS = [
    "Cut", "Rebuilt", "Shipped", "Redesigned", "Automated", "Fixed", "Simplified",
    "Migrated", "Sped up", "Hardened", "Launched", "Untangled", "Replaced", "Scaled",
    "Documented", "Streamlined",
]

TITLE_SUFFIX = [
    "for {project}", "in {project}", "across {project}", "before the {season} launch",
    "during the {season} freeze", "for the {customer}", "with zero downtime",
    "under load", "ahead of schedule", "for {project} on-call",
]

SEASONS = ["spring", "summer", "autumn", "winter", "holiday", "year-end", "Q1", "Q3"]

SITUATION = [
    "The {thing} in {project} had grown slowly over {n} years and nobody on the team felt "
    "safe changing it.",
    "Every week the {customer} reported problems with the {thing}, and the service level "
    "target for latency was missed in {n} of the last {m} weeks.",
    "After a migration, the {thing} started failing about once a day, and each failure "
    "paged the on-call engineer at night.",
    "Our {thing} was the slowest step in the {project} service, taking {a} ms at the "
    "p99 while the rest of the request took a fraction of that.",
    "The team had two competing proposals for the {thing}, and the discussion had stalled "
    "for {n} weeks without a decision.",
    "Costs for the {thing} had doubled in a year while traffic grew only {n}0 percent, and "
    "finance asked the team for an explanation.",
    "New engineers needed weeks to understand the {thing}, because the only documentation "
    "was a few old threads in chat.",
    "A customer escalation showed that the {thing} silently dropped data when the upstream "
    "service was slow.",
]

TASK = [
    "I was asked to make the {thing} reliable enough that nobody had to think about it.",
    "My goal was to bring the p99 latency of the {thing} under {b} ms without adding "
    "new infrastructure.",
    "I owned the fix and the rollout, and had to keep the {customer} informed along the way.",
    "I needed to get the team to a decision and then deliver it within the quarter.",
    "I set out to halve the cost of the {thing} while keeping the same service level.",
    "I had to find the root cause and make sure the same class of bug could not return.",
]

ACTION = [
    "Measured the {thing} end to end and found that most of the time went into {n} "
    "repeated lookups.",
    "Wrote a short design doc comparing three options and reviewed it with {person} and "
    "{person2}.",
    "Added tracing around every call in the {thing} so that slow requests showed their "
    "whole path.",
    "Built a load test that replayed a day of real traffic against a staging copy.",
    "Replaced the hand-written retry loop with a shared helper that has a budget and "
    "jitter.",
    "Rolled the change out behind a feature flag, first to {n} percent of traffic and then "
    "to everyone.",
    "Paired with {person} for a week so that the knowledge did not stay with me alone.",
    "Deleted the unused code paths and the configuration options that nobody had set in "
    "years.",
    "Set up an alert on the error budget and a runbook that the on-call engineer can "
    "follow at night.",
    "Talked to the {customer} to learn which failures actually hurt them, and fixed those "
    "first.",
    "Split the work into small pull requests so each review took minutes rather than days.",
    "Ran a blameless review of the last incident with the team and tracked every action "
    "item to done.",
]

RESULT = [
    "The p99 latency of the {thing} fell from {a} to {b} ms, and it has stayed there "
    "for {n} months.",
    "Pages for the {thing} dropped from {a} a month to {c}, and the on-call rotation became "
    "quiet enough to do project work.",
    "We shipped on the planned date, and the {customer} reported {n} fewer problems in the "
    "following quarter.",
    "The monthly cost of the {thing} went down by {n}0 percent, saving about {a} thousand "
    "dollars a year.",
    "Two other teams adopted the same approach for their own service within {n} months.",
    "Error rates went from {a} per million requests to {c}, and the escalation was closed.",
]

VAGUE_RESULT = [
    "Things got better and the team was happy with the result.",
    "Successfully improved the {thing} overall.",
    "The {thing} works better now and people stopped complaining as much.",
]

LESSONS = [
    "Measure before optimising; the slow part was not where we guessed.",
    "A small rollout with a kill switch beats a perfect plan.",
    "Writing the decision down ended a debate that meetings could not.",
    "The simplest fix that removes a whole class of bugs is worth the extra week.",
    "Ask the people who are paged what hurts before deciding what to build.",
]

WIN = [
    "{verb} the {thing} in {project}: p99 went from {a} to {b} ms.",
    "Closed {n} long-standing bugs in the {thing} in one week.",
    "Got the {thing} change merged and deployed with zero downtime for the {customer}.",
    "Gave a talk to the {project} team about how the {thing} works; {n}0 people came.",
    "Unblocked {person} on the {thing} migration by writing the missing test harness.",
]

LEARNING = [
    "Read a book about distributed systems. Takeaways: idempotency first, retries with a "
    "budget, and measure the tail latency rather than the mean.",
    "Took a course on databases. Query plans explain most slow queries; an index that is "
    "never used only costs write time.",
    "Watched a conference talk on incident response. Write the timeline during the "
    "incident, not after, and name one person to talk to the {customer}.",
]

FEEDBACK = [
    "\"Thanks for the {thing} work, it made our week so much calmer.\" -- {person}",
    "\"Your design review notes were the clearest I have read this year.\" -- {person}",
    "\"The {customer} noticed the difference right away. Great job.\" -- {person}",
]

GOAL = [
    "- Lead the {thing} redesign in {project}.\n- Mentor {person} towards a senior role.\n"
    "- Cut the p99 latency of the {thing} below {b} ms.",
    "- Ship the {project} migration by the end of the half.\n- Write and present one design "
    "doc a quarter.",
]

KINDS = [("story", 60), ("win", 24), ("learning", 7), ("feedback", 5), ("goal", 4)]


def slugify(title: str) -> str:
    """Returns the slug brag would make: lowercase ASCII words joined by `-`, <= 48 bytes."""
    out = ""
    for word in re.split(r"[^A-Za-z0-9]+", title):
        if not word:
            continue
        extra = 1 if out else 0
        if len(out) + extra + len(word) > 48:
            break
        out += ("-" if out else "") + word.lower()
    return out or "entry"


class Gen:
    """One deterministic stream of entries."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.days = (END - START).days

    def fill(self, template: str, ctx: dict[str, str]) -> str:
        return template.format(**ctx)

    def context(self, project: str) -> dict[str, str]:
        r = self.r
        a = r.randint(40, 900)
        people = r.sample(PEOPLE, 2)
        return {
            "project": project,
            "thing": r.choice(THINGS),
            "customer": r.choice(CUSTOMERS),
            "person": people[0],
            "person2": people[1],
            "season": r.choice(SEASONS),
            "verb": r.choice(VERBS),
            "n": str(r.randint(2, 9)),
            "m": str(r.randint(10, 20)),
            "a": str(a),
            "b": str(max(1, a // r.randint(2, 8))),
            "c": str(r.randint(0, 5)),
        }

    def kind(self) -> str:
        names = [k for k, _ in KINDS]
        weights = [w for _, w in KINDS]
        return self.r.choices(names, weights)[0]

    def body(self, kind: str, ctx: dict[str, str], weak: bool) -> str:
        r = self.r
        f = lambda t: self.fill(t, ctx)  # noqa: E731
        if kind == "win":
            return f(r.choice(WIN)) + "\n"
        if kind == "learning":
            return f(r.choice(LEARNING)) + "\n"
        if kind == "feedback":
            return "> " + f(r.choice(FEEDBACK)) + "\n"
        if kind == "goal":
            return f(r.choice(GOAL)) + "\n"
        situation = " ".join(f(s) for s in r.sample(SITUATION, r.randint(1, 2)))
        task = " ".join(f(s) for s in r.sample(TASK, r.randint(1, 2)))
        actions = "\n".join("- " + f(s) for s in r.sample(ACTION, r.randint(3, 5)))
        if weak:
            result = f(r.choice(VAGUE_RESULT))
        else:
            result = " ".join(f(s) for s in r.sample(RESULT, r.randint(1, 2)))
        parts = [
            f"## Situation\n\n{situation}\n",
            f"## Task\n\n{task}\n",
            f"## Action\n\n{actions}\n",
            f"## Result\n\n{result}\n",
        ]
        if not weak:
            metrics = [
                f"{ctx['thing']} p99: {ctx['a']} ms -> {ctx['b']} ms",
                f"pages per month: {r.randint(5, 40)} -> {ctx['c']}",
            ]
            parts.append("## Metrics\n\n" + "\n".join("- " + m for m in metrics) + "\n")
            if r.random() < 0.4:
                parts.append(f"## Lessons\n\n{r.choice(LESSONS)}\n")
        return "\n".join(parts)

    def entry(self, rare: bool) -> tuple[dt.date, str, str]:
        """Returns (date, title, file text) of the next entry."""
        r = self.r
        date = START + dt.timedelta(days=r.randint(0, self.days))
        project = r.choice(PROJECTS)
        ctx = self.context(project)
        kind = self.kind()
        weak = kind == "story" and r.random() < 0.15
        if kind == "learning":
            title = f"Notes on the {ctx['thing']} from a {ctx['season']} course"
        elif kind == "feedback":
            title = f"Praise from {ctx['person']} on the {ctx['thing']}"
        elif kind == "goal":
            title = f"Goals for {project} in {ctx['season']}"
        else:
            title = f"{ctx['verb']} the {ctx['thing']} " + self.fill(r.choice(TITLE_SUFFIX), ctx)
        comps = r.sample(sorted(COMPETENCIES), r.randint(0, 3) if weak else r.randint(1, 3))
        tags = r.sample(TAGS, r.randint(1, 4))
        people = r.sample(PEOPLE, r.randint(0, 3))
        body = self.body(kind, ctx, weak)
        if rare:
            # In the text, not the title, so search must look past the title.
            note = (
                f"Internally the {ctx['thing']} work was code-named {RARE_WORD}, after "
                "the airship on the team's whiteboard."
            )
            if kind == "story":
                body = body.replace("\n\n## Task", f" {note}\n\n## Task", 1)
            else:
                body += f"\n{note}\n"
        if kind == "story" and comps:
            lines = []
            for c in comps:
                why = self.fill(r.choice(COMPETENCY_WHY), ctx)
                lines.append(f"- {COMPETENCIES[c]}: {why}")
            body += "\n## Competencies\n\n" + "\n".join(lines) + "\n"
        fm = [
            f"title: {title}",
            f"date: {date.isoformat()}",
            f"kind: {kind}",
        ]
        if comps:
            fm.append(f"competencies: [{', '.join(comps)}]")
        fm.append(f"tags: [{', '.join(tags)}]")
        fm.append(f"project: {project}")
        if people:
            fm.append(f"people: [{', '.join(people)}]")
        if r.random() < 0.5:
            fm.append("links:")
            n = r.randint(1, 3)
            for _ in range(n):
                fm.append("  - " + self.link(project))
        if r.random() < 0.03:
            fm.append("source: notes-app")
        text = "---\n" + "\n".join(fm) + "\n---\n\n" + body
        return date, title, text

    def link(self, project: str) -> str:
        r = self.r
        choice = r.randrange(4)
        if choice == 0:
            return f"https://github.com/example-org/{project}/pull/{r.randint(1, 4000)}"
        if choice == 1:
            return f"https://github.com/example-org/{project}/issues/{r.randint(1, 4000)}"
        if choice == 2:
            key = re.sub(r"[^A-Z]", "", project.upper())[:4] or "ENG"
            return f"https://example.atlassian.net/browse/{key}-{r.randint(1, 2000)}"
        return f"https://docs.example.com/{project}/design-{r.randint(1, 500)}"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dir", type=Path, help="vault directory to write")
    p.add_argument("n", type=int, nargs="?", default=10000, help="number of entries")
    p.add_argument("--seed", type=int, default=SEED, help="random seed")
    p.add_argument("--force", action="store_true", help="write into a non-empty directory")
    args = p.parse_args()
    root: Path = args.dir
    if args.n < 0:
        p.error("N must be >= 0")
    if root.exists() and any(root.iterdir()) and not args.force:
        print(f"error: {root} is not empty (use --force to write into it)", file=sys.stderr)
        return 1

    root.mkdir(parents=True, exist_ok=True)
    (root / ".brag").mkdir(exist_ok=True)
    (root / "brag.toml").write_text('frameworks = ["amazon-lp"]\n', encoding="utf-8")
    (root / ".gitignore").write_text(".brag/\n", encoding="utf-8")

    gen = Gen(args.seed)
    n_rare = min(args.n, max(1, args.n // 100))
    rare = set(random.Random(args.seed + 1).sample(range(args.n), n_rare))
    seen: set[str] = set()
    made_dirs: set[int] = set()
    words = 0
    for i in range(args.n):
        date, title, text = gen.entry(i in rare)
        base = f"{date.isoformat()}-{slugify(title)}"
        stem, k = base, 2
        while stem in seen:
            stem = f"{base}-{k}"
            k += 1
        seen.add(stem)
        if date.year not in made_dirs:
            (root / str(date.year)).mkdir(exist_ok=True)
            made_dirs.add(date.year)
        path = root / str(date.year) / f"{stem}.md"
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        words += len(text.split("\n---\n", 1)[-1].split())
    avg = words / args.n if args.n else 0
    print(
        f"wrote {args.n} entries to {root} ({len(rare)} mention {RARE_WORD!r}; "
        f"{avg:.0f} body words on average)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
