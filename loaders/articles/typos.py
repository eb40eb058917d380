"""Misspelt titles read as the title (data/misspelt_titles.txt).

The rule is bounded so it cannot turn ordinary words into offices: only the listed words,
only words of five letters or more, and only two kinds of slip: the letters of the word
shuffled with its first letter kept ("Cmata", "Caamt" for Camat), or one letter written
three times ("Bapppeda"); a word of seven letters or more also through one letter dropped,
doubled or written in stray inside it ("Puskemas", "Babinsaa", "Dandramil"). A respelt
sentence keeps its length and offsets: a tripled letter is dropped and the word padded with
a space, so every match found in it falls on the original text.

Why five letters (measured on the corpus and seeds, x10-left): Camat and Lurah already pass
the floor, and every listed word had no first-letter-kept anagram among the corpus words.
Shorter titles are acronyms or four-letter words whose shuffles are common words or other
acronyms, and even at five a candidate can collide: Kapus (Kepala Puskesmas) shuffles to
"kupas" (to peel), which the corpus holds, so it is not listed.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]{5,}")
_TRIPLE = re.compile(r"([a-z])\1\1")
# the shortest listed word that takes a dropped or a doubled letter (module docstring)
_SLIP_FLOOR = 7


class Respeller:
    def __init__(self, words: Iterable[str]) -> None:
        listed = [w.lower() for w in words]
        # '!word': a word of its own that a slip of a listed word would spell ('!sunting',
        # to edit, is stunting less a letter): never respelt
        self.own = {w[1:] for w in listed if w.startswith("!")}
        self.words = {w for w in listed if len(w) >= 5 and not w.startswith("!")}
        self.shuffled = {(w[0], "".join(sorted(w))): w for w in self.words}
        # one letter dropped (never the first), doubled, or one stray letter written inside
        # the word ("Dandramil"): the slip -> the word it spells
        self.slips: dict[str, str] = {}
        for w in sorted(self.words):
            if len(w) < _SLIP_FLOOR:
                continue
            for i in range(1, len(w)):
                stray = [w[:i] + c + w[i:] for c in string.ascii_lowercase]
                for slip in (w[:i] + w[i + 1:], w[:i] + w[i] + w[i:], *stray):
                    if slip not in self.words and slip not in self.own:
                        self.slips.setdefault(slip, w)

    def canonical(self, token: str) -> str | None:
        low = token.lower()
        if low in self.words:
            return None
        if _TRIPLE.search(low):
            fixed = _TRIPLE.sub(r"\1\1", low, count=1)
            return fixed if fixed in self.words else None
        return self.shuffled.get((low[0], "".join(sorted(low)))) or self.slips.get(low)

    def _fixes(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, word as it should be written) of each misspelt listed word."""
        out = []
        for m in _WORD.finditer(text) if self.words else ():
            word = self.canonical(m[0])
            if word is None:
                continue
            if m[0].isupper():
                word = word.upper()
            elif m[0][0].isupper():
                word = word.capitalize()
            out.append((m.start(), m.end(), word))
        return out

    def respell(self, text: str) -> str:
        """The text with each misspelt listed word written correctly, at the same length
        (a word longer than its slip, a dropped letter, is left as written)."""
        parts: list[str] = []
        last = 0
        for a, b, word in self._fixes(text):
            if len(word) > b - a:
                continue
            parts += [text[last:a], word.ljust(b - a)]
            last = b
        return "".join(parts) + text[last:] if parts else text

    def respell_mapped(self, text: str) -> tuple[str, list[int]]:
        """The text with every misspelt listed word written correctly, dropped letters
        too, and for each offset of it (and its end) the offset in `text` it stands for."""
        parts: list[str] = []
        where: list[int] = []
        last = 0
        for a, b, word in self._fixes(text):
            parts += [text[last:a], word]
            where += list(range(last, a)) + [min(a + i, b) for i in range(len(word))]
            last = b
        parts.append(text[last:])
        where += list(range(last, len(text) + 1))
        return "".join(parts), where
