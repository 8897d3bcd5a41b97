"""General English word frequencies, for weighing words by how rare they are outside the text at hand.

The list is the 82,765 most frequent English words with their Google Books n-gram counts, shipped with the
symspellpy package (MIT), so it installs from the package registry and needs no download at run time.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_LIST = ("symspellpy", "frequency_dictionary_en_82_765.txt")


@lru_cache(maxsize=1)
def word_counts() -> tuple[tuple[str, int], ...]:
    """(word, count) for every listed word, most frequent first, lower-cased."""
    package, name = _LIST
    rows = []
    for line in resources.files(package).joinpath(name).read_text("utf-8").splitlines():
        word, _, number = line.partition(" ")
        if word and number:
            rows.append((word, int(number)))
    rows.sort(key=lambda r: -r[1])
    return tuple(rows)
