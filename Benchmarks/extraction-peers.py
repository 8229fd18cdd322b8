"""Runs trafilatura and readability-lxml on a folder of pages, as Dossier's extraction benchmark runs it.

Usage: python3 extraction-peers.py PAGES_DIR OUT_DIR

PAGES_DIR holds the pages as NAME.html.gz (or NAME.html). For each peer, OUT_DIR/PEER.json gets
{"version": ..., "output": {NAME: {"articleBody": ..., "headline": ...}}}, the Article Extraction
Benchmark's format (its scorer reads articleBody), and one line of timing is printed: the pages are
in memory and unpacked first, then extracted one after another on one thread.
"""
import glob, gzip, json, os, sys, time

import lxml.html
import readability
import trafilatura
from importlib.metadata import version


def pages_in(folder):
    pages = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.html*"))):
        name = os.path.basename(path).split(".")[0]
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rb") as file:
            pages[name] = file.read()
    return pages


def with_trafilatura(page):
    document = trafilatura.bare_extraction(page, with_metadata=True)
    if document is None:
        return "", None
    return document.text or "", document.title


def with_readability(page):
    document = readability.Document(page)
    try:
        summary = document.summary(html_partial=True)
        body = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    except Exception:  # it raises on pages it finds no body in; that page scores as empty
        body = ""
    try:
        title = document.short_title() or None
    except Exception:
        title = None
    return body, title


def main():
    folder, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    pages = pages_in(folder)
    for name, extract, package in (("trafilatura", with_trafilatura, "trafilatura"),
                                   ("readability-lxml", with_readability, "readability-lxml")):
        extract(next(iter(pages.values())))  # the first call loads what it needs; not timed
        output = {}
        start = time.perf_counter()
        for page_name, page in pages.items():
            body, title = extract(page)
            output[page_name] = {"articleBody": body, "headline": title}
        seconds = time.perf_counter() - start
        with open(os.path.join(out, name + ".json"), "w", encoding="utf-8") as file:
            json.dump({"version": version(package), "output": output}, file, ensure_ascii=False)
        print(f"{name} {version(package)}: {len(pages)} pages, {seconds:.3f} s on one thread, "
              f"{seconds * 1000 / len(pages):.2f} ms a page")


main()
