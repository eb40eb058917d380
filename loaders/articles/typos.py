"""Misspelt titles read as the title (data/misspelt_titles.txt).

The rule is bounded so it cannot turn ordinary words into offices: only the listed words,
only words of five letters or more, and only two kinds of slip: the letters of the word
shuffled with its first letter kept ("Cmata", "Caamt" for Camat), or one letter written
three times ("Bapppeda"). A respelt sentence keeps its length and offsets: a tripled letter
is dropped and the word padded with a space, so every match found in it falls on the
original text.

Why five letters (measured on the corpus and seeds, x10-left): Camat and Lurah already pass
the floor, and every listed word had no first-letter-kept anagram among the corpus words.
Shorter titles are acronyms or four-letter words whose shuffles are common words or other
acronyms, and even at five a candidate can collide: Kapus (Kepala Puskesmas) shuffles to
"kupas" (to peel), which the corpus holds, so it is not listed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]{5,}")
_TRIPLE = re.compile(r"([a-z])\1\1")


class Respeller:
    def __init__(self, words: Iterable[str]) -> None:
        self.words = {w.lower() for w in words if len(w) >= 5}
        self.shuffled = {(w[0], "".join(sorted(w))): w for w in self.words}

    def canonical(self, token: str) -> str | None:
        low = token.lower()
        if low in self.words:
            return None
        if _TRIPLE.search(low):
            fixed = _TRIPLE.sub(r"\1\1", low, count=1)
            return fixed if fixed in self.words else None
        return self.shuffled.get((low[0], "".join(sorted(low))))

    def respell(self, text: str) -> str:
        """The text with each misspelt listed word written correctly, at the same length."""
        if not self.words:
            return text
        parts: list[str] = []
        last = 0
        for m in _WORD.finditer(text):
            word = self.canonical(m[0])
            if word is None:
                continue
            if m[0].isupper():
                word = word.upper()
            elif m[0][0].isupper():
                word = word.capitalize()
            parts += [text[last:m.start()], word.ljust(len(m[0]))]
            last = m.end()
        return "".join(parts) + text[last:] if parts else text
