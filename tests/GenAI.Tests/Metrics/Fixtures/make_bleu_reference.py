#!/usr/bin/python3
"""Writes bleu_reference.json: NLTK's BLEU for a few tokenised candidates and references,
for tests/GenAI.Tests/Metrics/BleuTests.cs.

Run with Debian's python3-nltk (NLTK 3.8) from the repository root:
    /usr/bin/python3 tests/GenAI.Tests/Metrics/Fixtures/make_bleu_reference.py
The tests only read the JSON; they never call Python. Uniform weights (n = 1..4), no smoothing.
Every candidate has at least four tokens: for a shorter one NLTK counts an n-gram total of 1
instead of 0 (its max(1, ...) guard), which the textbook corpus formula does not.
"""
import json
import os

from nltk.translate.bleu_score import corpus_bleu, sentence_bleu

cases = [
    {
        "name": "papineni_cat",
        "candidates": ["the cat is on the mat".split()],
        "references": [["the cat is on the mat".split(), "there is a cat on the mat".split()]],
    },
    {
        "name": "nltk_doc_corpus",
        "candidates": [
            "It is a guide to action which ensures that the military always obeys the commands of the party".split(),
            "he read the book because he was interested in world history".split(),
        ],
        "references": [
            [
                "It is a guide to action that ensures that the military will forever heed Party commands".split(),
                "It is the guiding principle which guarantees the military forces always being under the command of the Party".split(),
                "It is the practical guide for the army always to heed the directions of the party".split(),
            ],
            ["he was interested in world history because he read the book".split()],
        ],
    },
    {
        "name": "short_candidate_brevity_penalty",
        "candidates": ["the quick brown fox jumped".split(), "a b c d e f".split()],
        "references": [
            ["the quick brown fox jumped over the lazy dog".split()],
            ["a b c d e f g h".split(), "a b c d e f".split()],
        ],
    },
    {
        "name": "iso_dates_as_characters",
        "candidates": [list("1998-09-23"), list("2001-01-05"), list("1987-12-31")],
        "references": [[list("1998-09-23")], [list("2001-10-05")], [list("1978-12-31")]],
    },
    {
        "name": "no_four_gram_match",
        "candidates": ["a b a b a".split()],
        "references": [["a b c a b".split()]],
    },
]

for case in cases:
    case["corpus_bleu"] = corpus_bleu(case["references"], case["candidates"])
    case["sentence_bleu"] = [sentence_bleu(r, c) for r, c in zip(case["references"], case["candidates"])]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bleu_reference.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=1)
print("wrote", out)
