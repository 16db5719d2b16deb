#!/usr/bin/env python3
"""Writes a synthetic registry of MODELS x VERSIONS model versions (and one deployment per model)
into a fresh git repository, then adds COMMITS commits that each promote a batch of versions, so
that exports have history to walk. Deterministic: the same arguments give the same repository.

usage: gen_registry.py <dir> [models=2000] [versions=5] [commits=20]
"""
import os
import random
import subprocess
import sys

target = sys.argv[1]
models = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
versions = int(sys.argv[3]) if len(sys.argv) > 3 else 5
commits = int(sys.argv[4]) if len(sys.argv) > 4 else 20
rng = random.Random(42)

TAGS = ["pii", "financial", "health", "biometric", "children", "location", "web-scrape"]
CAPS = ["classification", "generates-text", "interacts-with-humans", "creditworthiness", "reranking", "embedding"]
DOMAINS = ["credit", "consumer", "internal-operations", "healthcare", "employment"]
REGIONS = ["eu-west-1", "eu-central-1", "us-east-1"]
# A few descriptions a spreadsheet would run as formulas: the export must neutralise them.
DESCRIPTIONS = ["Scores applications for human review.", "=HYPERLINK(\"http://evil\",\"click\")",
                "+1 for the summariser", "@SUM(A1:A9)", "Ranks documents; see the report, \"v2\"."]


def git(*args):
    subprocess.run(["git", "-C", target, *args], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.com",
                        "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.com"})


def write(rel, text):
    path = os.path.join(target, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def card(name, version, stage):
    tags = rng.sample(TAGS, 2)
    caps = rng.sample(CAPS, 2)
    desc = DESCRIPTIONS[rng.randrange(len(DESCRIPTIONS))]
    approvals = ""
    if stage in ("staging", "production"):
        approvals = ("approvals:\n"
                     f"  - {{stage: {stage}, by: carol@example.com, role: risk-officer, date: 2026-02-0{rng.randint(1, 9)}}}\n")
    return (f"apiVersion: registry/v1\nkind: Model\nname: {name}\nversion: {version}\nprovider: internal\n"
            f"description: '{desc.replace(chr(39), chr(39) * 2)}'\n"
            f"capabilities: [{', '.join(caps)}]\nuseDomains: [{rng.choice(DOMAINS)}]\n"
            f"dataTags: [{', '.join(tags)}]\nowners: [team:team-{rng.randrange(20):02d}]\n"
            f"operations:\n  performance: {{avgLatencyMs: {rng.randint(20, 400)}, costPerRequestUsd: 0.000{rng.randint(1, 9)}}}\n"
            f"lifecycle:\n  stage: {stage}\n{deprecation(name, version, stage)}{approvals}")


def deprecation(name, version, stage):
    if stage != "deprecated":
        return ""
    major, minor, patch = version.split(".")
    return ("  deprecation: {announced: 2026-01-05, retireAfter: 2026-06-30, "
            f"replacement: {name}@{major}.{int(minor) + 1}.{patch}}}\n")


os.makedirs(target, exist_ok=True)
git("init", "-q", "-b", "main")
write("registry.yaml", "apiVersion: registry/v1\nkind: Registry\nname: bench\n")
teams = "".join(f"  - {{id: team-{i:02d}, name: Team {i}, members: [alice@example.com, bob@example.com]}}\n" for i in range(20))
write("owners.yaml", "apiVersion: registry/v1\nkind: Owners\nteams:\n" + teams
      + "people:\n  - {email: alice@example.com, name: Alice}\n  - {email: bob@example.com, name: Bob}\n"
      + "  - {email: carol@example.com, name: Carol, roles: [risk-officer]}\n")
stages = {}
for m in range(models):
    name = f"model-{m:05d}"
    for v in range(versions):
        version = f"1.{v}.0"
        stage = "production" if v == versions - 1 else "deprecated" if v == versions - 2 else "experimental"
        stages[(name, version)] = stage
        write(f"models/{name}/{version}.yaml", card(name, version, stage))
    env = "prod"
    write(f"deployments/{name}-prod.yaml",
          f"apiVersion: registry/v1\nkind: Deployment\nname: {name}-prod\nmodel: {name}\nversion: 1.{versions - 1}.0\n"
          f"environment: {env}\nregion: {rng.choice(REGIONS)}\nowners: [team:team-00]\n")
git("add", "-A")
git("commit", "-q", "-m", "bench registry")
keys = sorted(k for k, s in stages.items() if s == "experimental")
for c in range(commits):
    for name, version in rng.sample(keys, min(50, len(keys))):
        write(f"models/{name}/{version}.yaml", card(name, version, "staging"))
    git("add", "-A")
    git("commit", "-q", "-m", f"promote batch {c}")
print(f"{models * versions} model versions, {models} deployments, {commits + 1} commits in {target}")
