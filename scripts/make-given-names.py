#!/usr/bin/env python3
"""Adds given names from public lists to Resources/gazetteer.json.

Usage: make-given-names.py CENSUS_FOLDER FAKER_FOLDER BBC_FOLDER

CENSUS_FOLDER holds the Census Bureau's 1990 dist.male.first and
dist.female.first (public domain; the PyPI package `names` 0.3.0 ships them in
its `names/` folder). FAKER_FOLDER is the unpacked wheel of the PyPI package
`Faker` 40.63.0 (MIT licence, notice kept in the gazetteer), whose person
providers list given names for some 90 locales; those in Latin script are
taken, which adds the names news from outside the US uses ("Tuukka",
"Thibaut", "Guido").

A name is left out when it is also a common word: written in lower case in the
BBC corpus at least twice and at least a tenth as often as capitalised ("will",
"hope", "royal", "west"), unless it is one of a few such words that news uses mostly
as names ("Bill", "Mark"); when it is a place in the gazetteer ("georgia",
"jordan"); when Dossier reads it as a title, month, weekday or common word; and
and when the BBC corpus writes it capitalised at least three times but
followed by another capitalised word less than a third of the time (a given
name is usually followed by a surname; "Mercedes" and "Santa" are not). The
names Dossier's own list has stay, with the gender it gives them.
"""
import collections
import json
import os
import re
import sys
import unicodedata

census, faker, bbc = sys.argv[1], sys.argv[2], sys.argv[3]
gazetteer_path = os.path.join(os.path.dirname(__file__), "..", "Resources", "gazetteer.json")
gazetteer = json.load(open(gazetteer_path, encoding="utf-8"))
# The lists are stored as one string of folded names separated by spaces, which decodes fast.
for gender in ("male", "female"):
    gazetteer["givenNames"][gender] = gazetteer["givenNames"][gender].split()

lower, capitalised, before_capitalised = collections.Counter(), collections.Counter(), collections.Counter()
for root, _, files in os.walk(bbc):
    for name in files:
        if not name.endswith(".txt"):
            continue
        words = re.findall(r"[A-Za-z]+", open(os.path.join(root, name), encoding="utf-8", errors="replace").read())
        for word, following in zip(words, words[1:] + [""]):
            if word.islower():
                lower[word] += 1
            elif word[0].isupper() and word[1:].islower():
                capitalised[word.lower()] += 1
                if following[:1].isupper():
                    before_capitalised[word.lower()] += 1

# Common words that news uses mostly as given names.
NAMES_THOUGH_WORDS = {
    "bill", "mark", "sue", "drew", "grant", "pat", "penny", "rose", "dawn", "don", "al", "miles", "art", "kit", "clay", "chase",
    "ray", "frank", "guy", "rob", "victor", "grace",
}

# NameWords in Sources/DossierLinking/NameWords.swift, and the gazetteer's own cue words.
swift = open(os.path.join(os.path.dirname(__file__), "..", "Sources", "DossierLinking", "NameWords.swift"), encoding="utf-8").read()
name_words = set(re.findall(r'"([a-z]+)"', swift))
cues = {word.lower() for cue in gazetteer["personCues"] + gazetteer["nobleTitles"] for word in cue.split()}
places = {place.lower() for place in gazetteer["places"]}


def folded(name):
    """The name as Dossier compares words: lower case, without accents ("Sidé" is "side")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def usable(name):
    common = lower[name] >= 2 and lower[name] * 10 >= capitalised[name] and name not in NAMES_THOUGH_WORDS
    rarely_before_a_name = capitalised[name] >= 3 and before_capitalised[name] * 3 < capitalised[name]
    return not common and not rarely_before_a_name and name not in places and name not in name_words and name not in cues and len(name) > 1


def census_names(file):
    names = {}
    for line in open(os.path.join(census, file), encoding="ascii"):
        name, frequency = line.split()[0].lower(), float(line.split()[1])
        if usable(name):
            names[name] = frequency
    return names


def faker_names():
    """Latin-script given names from Faker's person providers, with the genders they are listed under."""
    sys.path.insert(0, faker)
    import importlib
    import pkgutil
    import faker.providers.person as people
    genders = collections.defaultdict(set)
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module("faker.providers.person." + module.name), "Provider", None)
        for attribute, gender in (("first_names_male", "male"), ("first_names_female", "female"), ("first_names", None),
                                  ("first_romanized_names_male", "male"), ("first_romanized_names_female", "female")):
            listed = getattr(provider, attribute, None)
            if not isinstance(listed, (tuple, list, dict)):
                continue
            for name in (listed.keys() if isinstance(listed, dict) else listed):
                if not isinstance(name, str) or not name.isalpha() or any(ord(c) >= 0x250 for c in name):
                    continue
                genders[folded(name)].add(gender)
    keep = {}
    for name, listed in genders.items():
        if usable(name):
            keep[name] = {gender for gender in listed if gender} or {"male", "female"}
    return keep


male, female = census_names("dist.male.first"), census_names("dist.female.first")
known = set(gazetteer["givenNames"]["male"]) | set(gazetteer["givenNames"]["female"])
# A name in both lists belongs to the gender that bears it at least twice as often ("jack" is a man's
# name, though a few women in the census bear it), to both when neither does; a name the gazetteer
# already has keeps the gender it gives.
for gender, own, other in (("male", male, female), ("female", female, male)):
    added = {name for name, frequency in own.items() if name not in known and frequency * 2 > other.get(name, 0)}
    gazetteer["givenNames"][gender] = sorted(set(gazetteer["givenNames"][gender]) | added)
known = set(gazetteer["givenNames"]["male"]) | set(gazetteer["givenNames"]["female"])
more = {"male": set(), "female": set()}
for name, genders in faker_names().items():
    if name not in known:
        for gender in genders:
            more[gender].add(name)
gazetteer["moreGivenNames"] = {gender: sorted(names) for gender, names in more.items()}
gazetteer["sources"] = [
    "givenNames: Dossier's own list and the given names of the 1990 US Census (US Census Bureau, public domain). "
    "moreGivenNames: the Latin-script given names of Faker 40.63.0's person providers (github.com/joke2k/faker), under the licence below. "
    "scripts/make-given-names.py says how they were chosen.",
    "Faker: Copyright (c) 2012 Daniele Faraglia. Permission is hereby granted, free of charge, to any person obtaining a copy "
    "of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including "
    "without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, "
    "and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice "
    "and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "
    "\"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, "
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, "
    "DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE "
    "SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.",
]

counts = {key: {gender: len(names) for gender, names in gazetteer[key].items()} for key in ("givenNames", "moreGivenNames")}
for key in ("givenNames", "moreGivenNames"):
    for gender in ("male", "female"):
        gazetteer[key][gender] = " ".join(gazetteer[key][gender])
text = json.dumps(gazetteer, indent=1, ensure_ascii=False)
open(gazetteer_path, "w", encoding="utf-8").write(text + "\n")
print(counts)
