"""An article as text: checks on the input, page furniture removed, sentences
with their character offsets in the original file (so facts can cite them)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from loaders.errors import LoadError, Problem

MAX_BYTES = 2 * 1024 * 1024  # a press release is a few kB; 2 MB is not an article
DATA = Path(__file__).parent / "data"

_HTML = re.compile(r"<\s*(html|body|div|p|head|script|!doctype)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
# a line that ends a sentence (or a heading, a list item, a quote) is no wrapped line
_LINE_DONE = re.compile(r"[.!?:;\"”’)*]\s*$")
_RUNNING = re.compile(r"[a-z0-9]{2,}\.\s+[A-Z][a-z]+\s+[a-z]+")
WRAP_MIN = 55  # a line cut at the page's width (PDF text is wrapped at ~70-80 characters)
# A page whose longest line is longer than this is not hard-wrapped: its lines are
# paragraphs, and one left without a full stop (an attendee list) ends there.
WRAP_MAX = 100
# Common Indonesian function words: a release in Indonesian is full of them.
_INDONESIAN = {"yang", "dan", "di", "dengan", "untuk", "ini", "dalam", "pada", "dari", "tidak",
               "akan", "oleh", "juga", "ke", "itu", "serta", "para", "bahwa", "tersebut",
               "kegiatan"}


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass
class Document:
    path: str
    text: str  # the whole file, as read
    body: list[tuple[int, int]]  # kept paragraphs (start, end) after furniture is removed
    header: list[tuple[int, int]]  # the lines before the body (headline, date line)
    sentences: list[Sentence]
    title: str | None
    captions: list[tuple[int, int]] = field(default_factory=list)  # photo captions
    bylines: list[tuple[int, int]] = field(default_factory=list)  # byline / timestamp lines
    publisher: list[str] = field(default_factory=list)  # "Sumber: ..." lines and URLs
    dateline: tuple[int, int] | None = None  # "SEMARANG –" at the start of the body

    def slice(self, span: tuple[int, int]) -> str:
        return self.text[span[0] : span[1]]


@cache
def _abbreviations(root: Path = DATA) -> re.Pattern[str]:
    """Words whose full stop does not end a sentence (data/abbreviations.txt)."""
    words = [line.strip() for line in (root / "abbreviations.txt").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(words) + r")\.$")


@cache
def _degrees(root: Path = DATA) -> re.Pattern[str]:
    """Degrees after a name whose stop is no sentence end (data/degrees.txt)."""
    forms = [line.strip() for line in (root / "degrees.txt").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    return re.compile(r"(?:" + "|".join(forms) + r")(?=[\s,.;)]|$)")


@cache
def _furniture(root: Path = DATA) -> dict[str, list[re.Pattern[str]]]:
    """Line patterns by kind: stop, drop, caption, byline, publisher, credit, signoff
    (data/furniture.txt)."""
    kinds: dict[str, list[re.Pattern[str]]] = {
        k: [] for k in ("stop", "drop", "caption", "byline", "publisher", "credit", "signoff")}
    for line in (root / "furniture.txt").read_text("utf-8").splitlines():
        kind, _, pattern = line.partition(":")
        if kind.strip() in kinds and not line.startswith("#"):
            flags = 0 if kind.strip() == "caption" else re.IGNORECASE
            kinds[kind.strip()].append(re.compile(pattern.strip(), flags))
    return kinds


def read_article(path: Path) -> str:
    """The file's text, or LoadError saying why it is not an article we can read."""
    def refuse(message: str) -> LoadError:
        return LoadError([Problem(str(path), None, None, message)])

    if not path.is_file():
        raise refuse("no such file")
    size = path.stat().st_size
    if size == 0:
        raise refuse("empty file")
    if size > MAX_BYTES:
        raise refuse(f"{size} bytes is too large for a press release (limit {MAX_BYTES})")
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise refuse("binary file, expected the text of an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise refuse("empty file")
    if _HTML.search(text[:4096]):
        raise refuse("HTML page: save the article's text (e.g. the browser's reader view) "
                     "and load that")
    words = re.findall(r"[a-z]+", text.lower())
    share = sum(w in _INDONESIAN for w in words) / max(len(words), 1)
    if len(words) < 20 or share < 0.02:
        raise refuse("does not read as an Indonesian press release "
                     f"({len(words)} words, {share:.0%} common Indonesian words)")
    return text


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        # trim surrounding spaces, keeping offsets true
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


# a dash inside a date between digits ('PALU (02-09/22) –') is part of the dateline
_DATELINE = re.compile(r"^\s*([A-Z](?:[\w .'’,()/]|(?<=\d)-(?=\d)){1,70}?)\s+[—–-]{1,2}\s+(?=\S)")
_URL = re.compile(r"https?://[^\s)>\]]+|\b[\w-]+(?:\.[\w-]+)*\.(?:go\.id|desa\.id|ac\.id|id)\b")


def _paragraph(line: str) -> bool:
    """A line of the body, not of the header: long, or ended by a full stop."""
    return len(line) >= 160 or line.rstrip().endswith(".")


def parse(path: str, text: str, furniture: Path = DATA) -> Document:
    kinds = _furniture(furniture)
    seen: dict[str, int] = {}
    kept: list[tuple[int, int]] = []
    captions: list[tuple[int, int]] = []
    bylines: list[tuple[int, int]] = []
    publisher: list[str] = [u.rstrip(".,") for u in _URL.findall(text)]
    for start, end in _lines(text):
        line = text[start:end]
        if not line:
            continue
        if any(p.search(line) for p in kinds["stop"]):
            if any(_paragraph(text[a:b]) for a, b in kept):
                break
            continue  # a share bar ('Bagikan :') above the body is furniture, no end
        if any(p.search(line) for p in kinds["publisher"]):
            publisher.append(line)
        if any(p.search(line) for p in kinds["caption"]):
            captions.append((start, end))
            continue
        # (a line in which a sentence ends and another begins is running text cut at
        # the page's width, even when the cut leaves a time at its end: '... 2025.
        # Kegiatan yang berlangsung pukul 09.00 hingga 12.54')
        if len(line) < 100 and not _RUNNING.search(line) and any(
                p.search(line) for p in kinds["byline"]):
            bylines.append((start, end))
            continue
        if any(p.search(line) for p in kinds["signoff"]):
            # '(Diskominfo Lembah Hijau)', 'Sumber: Humas Polres X': the desk that sent the
            # release names its publisher, not a body at the meeting
            publisher.append(line.strip(" ()*."))
            continue
        if any(p.search(line) for p in kinds["drop"]):
            continue
        # a writer's credit closing the last paragraph ('... 150 peserta. (ped/rel)',
        # '... (Humas Pemkab X)'): the credit goes, the paragraph stays
        for p in kinds["credit"]:
            m = p.search(line)
            if m:
                credit = line[m.start():].strip(" ()*.")
                if any(q.search(credit) for q in kinds["publisher"] + kinds["signoff"]):
                    publisher.append(credit)
                end = start + len(line[:m.start()].rstrip())
                line = text[start:end]
        if not line:
            continue
        seen[line] = seen.get(line, 0) + 1
        if seen[line] > 1:  # a repeated headline or caption
            continue
        kept.append((start, end))
    kept = _drop_teasers(text, _rejoin(text, kept))
    # The header: short lines before the first real paragraph (headline, date line).
    header: list[tuple[int, int]] = []
    while kept and len(text[kept[0][0] : kept[0][1]]) < 160 and len(kept) > 1 \
            and not text[kept[0][0] : kept[0][1]].rstrip().endswith("."):
        header.append(kept.pop(0))
    title = None
    for s, e in header:
        line = text[s:e]
        if not re.search(r"\d{1,2}:\d{2}|\bWIB\b", line) and len(line.split()) >= 4:
            title = line.strip()
            break
    sentences: list[Sentence] = []
    for n, (s, e) in enumerate(kept):
        sentences += _split(text, s, e, n, furniture)
    dateline = None
    if sentences:
        m = _DATELINE.match(sentences[0].text)
        if m and len(m[1].split()) <= 8:
            dateline = (sentences[0].start + m.start(1), sentences[0].start + m.end(1))
    return Document(path, text, kept, header, sentences, title, captions, bylines, publisher,
                    dateline)


# a lead line the site shows above the body, cut off with an ellipsis ('... dihadiri 1.250 ka…')
_CUT = re.compile(r"\s*(?:…|\.{3,})\s*$")
TEASER_LINES = 4  # a teaser stands among the first lines of the page
TEASER_WORDS = 6  # so many words before the cut make a repeat no chance


def _words(piece: str) -> str:
    return " ".join(re.findall(r"\w+", piece.lower()))


def _drop_teasers(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Kept lines without a teaser: a line near the top cut off with an ellipsis whose words
    (but the last, perhaps cut mid-word) the body after it gives in full. Its half sentence
    would read twice what the body says, or read it cut short (a programme's name, a
    count, a date)."""
    out = list(kept)
    for span in kept[:TEASER_LINES]:
        line = text[span[0]:span[1]]
        cut = _CUT.search(line)
        if cut is None:
            continue
        words = _words(line[:cut.start()]).split()[:-1]
        if len(words) < TEASER_WORDS:
            continue
        later = _words(" ".join(text[a:b] for a, b in kept if a > span[0]))
        if re.search(rf"\b{re.escape(' '.join(words))}\b", later):
            out.remove(span)
    return out


_LINKS = {"untuk", "dengan", "yang", "dari", "pada", "bagi", "serta", "atau", "oleh", "dalam",
          "melalui", "tentang", "sebagai", "terhadap", "antara"}


def _title_like(line: str) -> bool:
    """A headline, a name or a heading ('Kecamatan X Gelar Mini Lokakarya untuk ...'):
    no lower-case word but short ones and links; running text has its verbs in lower
    case ('MADIUN - Kecamatan X, Kota Y, menggelar ...')."""
    return not any(w[:1].islower() and len(w) >= 4 and w.strip(",.;:") not in _LINKS
                   for w in line.split())


def _wrapped(text: str, a: tuple[int, int], b: tuple[int, int], first: bool,
             hard_wrapped: bool) -> bool:
    """Line b goes on the sentence line a left open (text pasted from a PDF, hard-wrapped):
    a ends without sentence punctuation, only a line break between them, and b opens
    lower-case; or, on a page whose every line is cut at its width (`hard_wrapped`), a is
    a long line of running text (not the headline, not title-like unless a dateline opens
    it)."""
    line, nxt = text[a[0]:a[1]], text[b[0]:b[1]]
    if _LINE_DONE.search(line) or text[a[1]:b[0]].count("\n") != 1 or not nxt:
        return False
    if re.match(r"https?://\S+$", nxt):  # the page's address on a line of its own
        return False
    if nxt[0].islower():
        if _LETTER_ITEM.match(nxt):
            return False
        return not first or not _title_like(line)
    # a dateline opens the story's running text, however capitalised its first line
    # ('Sukaluyu, 6 Oktober 2025 – Pemerintah Desa Sukaluyu, Kecamatan')
    if hard_wrapped and not first and len(line) >= WRAP_MIN and (
            bool(_DATELINE.match(line)) or not _title_like(line)):
        return True
    # a paragraph already rejoined from cut lines goes on while its last line is cut at
    # the page's width, even on a page whose other paragraphs are long lines ('Hadir
    # dalam' / 'kegiatan ini Sekretaris Dinas' / 'Kabupaten X, Kepala Puskesmas, ...')
    last = line.rsplit("\n", 1)
    return len(last) == 2 and WRAP_MIN <= len(last[1].strip()) <= WRAP_MAX and \
        not _LETTER_ITEM.match(nxt) and not _title_like(line)


def _rejoin(text: str, kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Kept lines with the hard-wrapped ones joined into their paragraph (furniture lines
    were dropped before, so a byline or caption is never joined)."""
    out: list[tuple[int, int]] = []
    hard_wrapped = max((b - a for a, b in kept), default=0) <= WRAP_MAX
    for span in kept:
        if out and _wrapped(text, out[-1], span, len(out) == 1 and out[-1] == kept[0],
                            hard_wrapped):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


# A list item's number: alone (the item opens the paragraph or follows a sentence end) or
# after the colon or semicolon that opens the list ('langkah berikut: 1. Posyandu ...').
# A longer number ('tahun 2025.') or one after a word ('ada 3.') ends a sentence.
_LIST_NUMBER = re.compile(r"(?:^\s*|[:;]\s+)\(?(?:\d{1,2}|[a-z])\.$")
# a line opening with a lettered item ('b. Kecamatan Cawas 97 balita') is the list's next
# item, not the previous line wrapped on
_LETTER_ITEM = re.compile(r"[a-z][.)]\s")
# a decimal typed with a space after its point ('tercatat 22. 8 persen'): the stop is the
# value's, not a sentence end (a year or a longer number before it still ends one)
_SPACED_DECIMAL = re.compile(r"(?<![\d.,])\d{1,2}\.$")
_DECIMAL_TAIL = re.compile(r"\d{1,2}\s*(?:%|persen\b)", re.IGNORECASE)


def _split(text: str, start: int, end: int, paragraph: int, root: Path = DATA
           ) -> list[Sentence]:
    out: list[Sentence] = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        piece = text[cursor : m.start()]
        if _abbreviations(root).search(piece.rstrip()[-6:] if len(piece) > 6 else piece):
            continue  # "H. Herman", "S.Ag." are not sentence ends
        if _degrees(root).match(text, m.end()):
            continue  # "Budi. S.Pd. M.Si": the degrees are the name's
        if _LIST_NUMBER.search(piece):
            continue  # "1. Posyandu dibuka ...": the item's number stays with its text
        if _SPACED_DECIMAL.search(piece) and _DECIMAL_TAIL.match(text, m.end()):
            continue  # "22. 8 persen": one value
        if piece.strip():
            out.append(Sentence(cursor, m.start(), _flat(piece), paragraph))
        cursor = m.end()
    if text[cursor:end].strip():
        out.append(Sentence(cursor, end, _flat(text[cursor:end]), paragraph))
    return out


def _flat(piece: str) -> str:
    """A rejoined line break read as a space (same length: offsets stay true)."""
    return piece.replace("\r", " ").replace("\n", " ")


def load(path: Path) -> Document:
    return parse(str(path), read_article(path))
