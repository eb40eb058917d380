"""Named programmes (guide §6): known ones with their aliases, and unseen ones found by
their shape — an acronym with its expansion, a name after a trigger noun (Program X,
Gerakan X, inovasi X), Si + word, a place-type name (Dapur X) — unless the candidate is
a law, a data system, a fund, a generic intervention, a slogan, a meeting or an office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from loaders.articles.document import Document, Sentence
from loaders.articles.institutions import Mention, last_named
from loaders.articles.vocab import Vocabulary

_SKIPPABLE = {"dan", "di", "yang", "untuk", "&", "ke", "dari", "bagi", "pada", "serta"}


@dataclass
class Program:
    name: str
    aliases: list[str]
    description: str
    start: int
    end: int
    sentence: Sentence
    run_by: list[tuple[str, str, Mention]] = field(default_factory=list)  # (type, relation)
    seen: list[tuple[Sentence, int, int]] = field(default_factory=list)  # every mention of it
    head: Program | None = None  # the first name of the list it was read in


def aligned(acronym: str, expansion: str) -> bool:
    """The acronym's letters appear in order in the expansion (syllable acronyms allowed:
    GENTING from GErakan ... stuNTING), starting with its first word's initial."""
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    words = [w for w in re.findall(r"[\w]+", expansion.lower()) if w not in _SKIPPABLE]
    if len(letters) < 2 or not words or letters[0] != words[0][0]:
        return False
    text = " ".join(words)
    pos = 0
    for ch in letters:
        pos = text.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    # most words of the expansion contribute a letter: no long tail of unused words
    return len(words) <= len(letters) + 1


def loosely_aligned(acronym: str, expansion: str, caps: bool = False) -> bool:
    """A local name coined from its expansion but written as words ('Gemas Bumil' from
    'Gerakan Minum Susu untuk Ibu Hamil', 'Gayatri' from 'Gerakan Ayo Timbang Balita'):
    letters are borrowed freely, so only most of them (two in three) need appear in order.
    Kept to names in mixed case of four letters or more: an all-caps acronym is an office's
    or a system's as often as a programme's, and must align strictly (aligned), unless
    `caps` (the text launches it: what is launched is a programme, not an office)."""
    letters = [ch for ch in acronym.lower() if ch.isalpha()]
    words = re.findall(r"\w+", expansion.lower())
    if (acronym.isupper() and not caps) or len(letters) < 4 or len(words) < 2 \
            or letters[0] != words[0][0] or not any(ch.isupper() for ch in expansion[1:]):
        return False
    text = "".join(words)
    # longest common subsequence of the letters and the expansion
    prev = [0] * (len(text) + 1)
    for ch in letters:
        cur = [0]
        for j, tj in enumerate(text):
            cur.append(prev[j] + 1 if ch == tj else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1] * 3 >= len(letters) * 2 and len(words) <= 2 * len(letters)


def _aligned(acronym: str, expansion: str) -> bool:
    return aligned(acronym, expansion) or loosely_aligned(acronym, expansion)


@dataclass(frozen=True)
class _Patterns:
    acronym_first: re.Pattern[str]
    expansion_first: re.Pattern[str]
    trigger: re.Pattern[str]
    si: re.Pattern[str]
    place_type: re.Pattern[str]
    active: re.Pattern[str]
    passive: re.Pattern[str]
    appeal: re.Pattern[str]
    list_intro: re.Pattern[str]
    list_item: re.Pattern[str]
    action_lead: re.Pattern[str]
    setup_item: re.Pattern[str]
    combined_launch: re.Pattern[str]
    bare_item: re.Pattern[str]
    also_called: re.Pattern[str]
    name_end: re.Pattern[str]
    venue_before: re.Pattern[str]
    venue: re.Pattern[str]
    cadre_of: re.Pattern[str]
    plain: re.Pattern[str]
    more: re.Pattern[str]
    more_not: re.Pattern[str]
    named: re.Pattern[str]
    quoted: re.Pattern[str]
    unit_before: re.Pattern[str]
    org_before: re.Pattern[str]
    app_data_before: re.Pattern[str]
    app_data_after: re.Pattern[str]
    data_apposition: re.Pattern[str]
    place_before: re.Pattern[str]
    leading_trigger: re.Pattern[str]
    active_head: re.Pattern[str]
    coordinated: re.Pattern[str]
    owner_noun: re.Pattern[str]
    owner_gap: re.Pattern[str]
    place_lead: re.Pattern[str]
    place_noun: re.Pattern[str]
    unit_service: re.Pattern[str]
    speaker_runs: re.Pattern[str]
    service_lead: re.Pattern[str]
    listed: re.Pattern[str]
    reported: re.Pattern[str]
    presents: re.Pattern[str]
    through: re.Pattern[str]
    own: re.Pattern[str]
    said_by: re.Pattern[str]
    said_name: re.Pattern[str]
    said_self: re.Pattern[str]
    own_after: re.Pattern[str]
    speaker_title: re.Pattern[str]
    speaker_as: re.Pattern[str]
    done_by: re.Pattern[str]
    done_list: re.Pattern[str]
    known_lower_lead: re.Pattern[str]
    launched_before: re.Pattern[str]
    known_lower_any: re.Pattern[str]
    or_expansion: re.Pattern[str]
    dangling: re.Pattern[str]
    lead_name: re.Pattern[str]
    vision_lead: re.Pattern[str]
    post_before: re.Pattern[str]
    place_initiative: re.Pattern[str]
    launch_plain: re.Pattern[str]
    slash_plain: re.Pattern[str]
    per_unit: re.Pattern[str]
    cut_nouns: tuple[str, ...]
    caps_tail: re.Pattern[str]
    caps_tail_context: re.Pattern[str]
    role_of: re.Pattern[str]
    person_form: re.Pattern[str]
    person_lead: re.Pattern[str]
    person_short: re.Pattern[str]
    person_named_lead: re.Pattern[str]
    theme_lead: re.Pattern[str]
    short_for: re.Pattern[str]
    join_to: re.Pattern[str]
    village_kampung: re.Pattern[str]
    pointer: re.Pattern[str]


_CAP = r"[A-Z][\w'’-]*"
# an expansion may list words with commas: "Program Pemantauan Ibu, Anak, dan Siklus Kehidupan"
_EXPANSION = rf"{_CAP}(?:,?\s+(?:{_CAP}|dan|di|yang|untuk|&|ke|bagi|serta|[a-z]+)){{1,9}}"
# a programme's own name after a trigger: capitalised words, or an e-/m- app name (e-Keriting)
_NAME = rf"(?:[em]-[A-Z][\w'’-]*|{_CAP})(?:\s+{_CAP}){{0,5}}"
_QUOTES = "\"“”'‘’"
# an institution named as the source of data ('berdasarkan data Dinas Sosial', 'menurut data
# Dinkes') is cited, not shown running a programme the same sentence names (guide §6: run_by
# only when the text says so)
_DATA_SOURCE = re.compile(r"\b(?:data|sumber|menurut|laporan|catatan|rilis)\s+(?:dari\s+)?$",
                          re.IGNORECASE)
# a regulation cited by number and title: names inside its title are no programmes
_LAW_TITLE = re.compile(r"(?:Nomor|No\.?)\s*[\d./A-Za-z-]*\d[\d./A-Za-z-]*(?:\s+Tahun\s+\d{4})?"
                        r"\s+tentang\b[^;.:]*$", re.IGNORECASE)


@cache
def _patterns(v: Vocabulary) -> _Patterns:
    p = v.program_patterns
    return _Patterns(
        acronym_first=re.compile(rf"(?<![\w-])((?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*|Si\s?[A-Z]\w+)"
                                 rf"(?:[\s-][A-Z]{{2,}}[A-Za-z]*)?)\s*\(\s*({_EXPANSION})\s*\)"),
        expansion_first=re.compile(rf"(?<![\w-])({_EXPANSION})\s*\(\s*((?:"
                                   rf"{p.get('tier_acronym', '(?!)')})?[A-Z][A-Za-z0-9]*[A-Z]?"
                                   rf"[A-Za-z0-9]*(?:[\s-][A-Z][A-Za-z0-9]+)?)\s*\)"),
        trigger=re.compile(rf"(?<![\w])({p['trigger']})\s+[{_QUOTES}]?({_NAME})[{_QUOTES}]?"),
        # not the degree 'M.Si' / 'S.Si' before an official's title ('M.Si Kepala Dinas')
        si=re.compile(r"(?<![\w.-])(S[Ii][\s-][A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)?)"),
        place_type=re.compile(rf"(?<![\w-])((?:{p['place_type']})\s+[A-Z][\w-]+(?:\s+[A-Z]"
                              r"[\w-]+){0,2})"),
        # "<institution> (juga) menjalankan (inovasi desa bernama) <programme>"
        active=re.compile(rf"^[^.;]{{0,40}}?\b(?:(?P<runs>{p['runs']})|(?P<supports>"
                          rf"{p['supports']}))\b[^.;,]{{0,40}}$", re.IGNORECASE),
        # "<programme> (...) yang didukung oleh <institution>", "<programme> di <institution>"
        # (an appositive may stand before 'yang': "e-Sahabat, layanan pencatatan ... yang
        # dikembangkan dinas")
        passive=re.compile(rf"^[{_QUOTES}]?\s*(?:\([^)]*\)\s*)?,?\s*(?:[a-z][\w-]*(?:\s+[a-z][\w-]*)"
                           rf"{{0,6}}\s+(?=yang\b))?(?:yang\s+)?(?:(?:telah|sudah|juga|masih|terus|tetap|"
                           rf"kini|selama\s+ini)\s+)?(?:(?P<runs>{p['runs_passive']}|{p['held_at']})|"
                           rf"(?P<supports>{p['supports_passive']}))\s+(?:oleh\s+|di\s+)?(?:pihak\s+)?$",
                           re.IGNORECASE),
        appeal=re.compile(rf"\b(?:{p['appeal']})\b", re.IGNORECASE),
        list_intro=re.compile(rf"(?:{p['list_intro']})[^:]*:\s*$", re.IGNORECASE),
        action_lead=re.compile(p.get("action_lead", "(?!)")),
        combined_launch=re.compile(rf"(?:{p.get('combined_launch', '(?!)')})\s*"
                                   rf"(?:{p.get('launched', '(?!)')})\s+$", re.IGNORECASE),
        # a line of a plan that sets a named thing up, in any list ("- Pendirian Rumah Gizi Kita")
        setup_item=re.compile(rf"^\s*(?P<bullet>[-•*▪–]\s*)?(?:{p.get('setup_lead', '(?!)')})"
                              rf"({_CAP}(?:\s+{_CAP}){{1,4}})\s*$"),
        list_item=re.compile(rf"^\s*(?:[-•*▪–]|\d{{1,2}}[.)]|[a-h][.)])\s*[{_QUOTES}]?({_NAME})"
                             rf"[{_QUOTES}]?(?:\s*\(\s*({_EXPANSION})\s*\))?"),
        # a list line whose bullet was lost: two capitalised words or more ("Warung Stunting")
        bare_item=re.compile(rf"^\s*#?\s*({_CAP}(?:\s+{_CAP}){{1,4}})(?:\s*\(\s*({_EXPANSION})\s*\))?"),
        also_called=re.compile(rf"^[{_QUOTES}]?\s*(?:,\s*)?(?:atau|alias|yaitu|yakni)\s+({_EXPANSION})"),
        name_end=re.compile(p.get("name_end", "(?!)")),
        venue_before=re.compile(rf"(?:{v.venue_words})\s+$"),
        venue=re.compile(rf"(?:{v.venue_words})\b"),
        cadre_of=re.compile(rf"(?:{p.get('cadre_of', '(?!)')})", re.IGNORECASE),
        # a lower-case name of 2-5 words after 'inovasi ... berupa', up to a relative word
        plain=re.compile(rf"(?:{p.get('plain_lead', '(?!)')})\s+([a-z][\w'-]*(?:\s+[a-z][\w'-]*)"
                         rf"{{1,4}}?)\s+(?:{p.get('plain_end', '(?!)')})\b"),
        more=re.compile(rf"^\W*(?:{p.get('more_lead', '(?!)')})({_CAP}(?:\s+{_CAP}){{0,3}})\s+"
                        r"yang\b"),
        more_not=re.compile(p.get("more_not", "(?!)")),
        # "program prioritas Gubernur Sulsel, yaitu Aksi Stop Stunting": the owner, if any,
        # between the programme noun and the naming word
        named=re.compile(rf"(?:{p.get('named_lead', '(?!)')})(?:\s+(?P<owner>{_CAP}(?:\s+{_CAP})"
                         rf"{{0,3}}))?(?:(?:{p.get('named_mid', '(?!)')})\s*,?\s+(?:"
                         rf"{p.get('named_is', '(?!)')}|{p.get('named_link', '(?!)')})|\s*,?\s+"
                         rf"(?:{p.get('named_link', '(?!)')}))\s+[{_QUOTES}]?(?P<name>{_NAME})"
                         rf"[{_QUOTES}]?"),
        # a short quoted name a few words after a programme noun, quotes closed right after it
        quoted=re.compile(rf"(?:{p.get('quote_lead', '(?!)')})[^.;{_QUOTES}]{{0,40}}?[{_QUOTES}]"
                          rf"(?P<name>{_CAP}(?:\s+[\w'’-]+){{0,5}})[{_QUOTES}]"),
        unit_before=re.compile(p.get("unit_before", "(?!)")),
        org_before=re.compile(p.get("org_before", "(?!)")),
        place_lead=re.compile(p.get("place_lead", "(?!)")),
        place_noun=re.compile(p.get("place_noun", "(?!)")),
        unit_service=re.compile(p.get("unit_service", "(?!)")),
        # "<body>, <name>, mengatakan pihaknya (juga) menjalankan <programme>"
        # (an aside may follow the verb, "mengungkapkan, di tahun ini, pihaknya ...", and
        # the running verb come later in the clause, "terus berupaya ..., dengan ... melalui")
        speaker_runs=re.compile(rf"^[^.;]{{0,80}}?\b(?:{p['reported']})\b\s*,?\s*(?:bahwa\s+)?"
                                rf"(?:[^.;,]{{0,30}},\s*)?(?P<self>{p.get('speaker_self', '(?!)')})"
                                rf"\s+(?:[^.;]{{0,80}}?\s)??(?:{p['runs']})\b[^.;,]{{0,40}}$",
                                re.IGNORECASE),
        # right after a running verb or a programme noun a named unit is a service it runs
        service_lead=re.compile(rf"\b(?:{p['runs']}|{p.get('service_noun', '(?!)')})\s+$",
                                re.IGNORECASE),
        reported=re.compile(rf"\b(?:{p.get('reported', '(?!)')})\b", re.IGNORECASE),
        presents=re.compile(p.get("presents", "(?!)"), re.IGNORECASE),
        through=re.compile(p.get("through", "(?!)"), re.IGNORECASE),
        own=re.compile(p.get("own", "(?!)")),
        # the programme stands in a quote that closes (or stops at a comma) before '..., ungkap X'
        said_by=re.compile(rf"^[^.;]{{0,200}}?(?:[{_QUOTES}]\s*,?|,)\s*(?:{p.get('said', '(?!)')})"
                           r"\s+$", re.IGNORECASE),
        # '..., ujar Udayanti.': the speaker named after the speech verb, not a body
        said_name=re.compile(rf"^[^.;]{{0,200}}?(?:[{_QUOTES}]\s*,?|,)\s*"
                             rf"(?:{p.get('said', '(?!)')})\s+(?P<name>(?-i:{_CAP}))",
                             re.IGNORECASE),
        # '..., ujarnya.' / 'katanya' / 'tuturnya': the speaker is the person named before
        said_self=re.compile(rf"^[^.;]{{0,200}}?(?:[{_QUOTES}]\s*,?|,)\s*"
                             rf"(?:{p.get('said', '(?!)')})nya\b", re.IGNORECASE),
        own_after=re.compile(p.get("own_after", "(?!)"), re.IGNORECASE),
        speaker_title=re.compile(p.get("speaker_title", "(?!)")),
        speaker_as=re.compile(p.get("speaker_as", "(?!)"), re.IGNORECASE),
        done_by=re.compile(p.get("done_by", "(?!)"), re.IGNORECASE),
        done_list=re.compile(p.get("done_list", "(?!)"), re.IGNORECASE),
        known_lower_lead=re.compile(p.get("known_lower_lead", "(?!)"), re.IGNORECASE),
        launched_before=re.compile(rf"\b(?:{p.get('launched', '(?!)')})\s+$", re.IGNORECASE),
        known_lower_any=re.compile(p.get("known_lower_any", "(?!)"), re.IGNORECASE),
        # "POSGA atau Posyandu Keluarga": an acronym, 'atau', then its capitalised expansion
        or_expansion=re.compile(rf"(?<![\w-])([A-Z]{{3,12}})\s+atau\s+({_CAP}(?:\s+(?:{_CAP}|dan|"
                                rf"di|untuk|&)){{1,6}})"),
        # a sentence that stops at its programme noun: the name opens the next paragraph
        dangling=re.compile(rf"(?<![\w])(?:{p['trigger']})\s*:?\s*$"),
        lead_name=re.compile(rf"^\s*[{_QUOTES}]?({_NAME})[{_QUOTES}]?"),
        vision_lead=re.compile(p.get("vision_lead", "(?!)")),
        # not_after as a whole word ('aplikasi', 'edukasi' and 'komunikasi' do not end in the
        # post 'Kasi')
        post_before=re.compile(rf"(?<![\w-])(?:{p.get('not_after', '(?!)')})$", re.IGNORECASE),
        place_initiative=re.compile(p.get("place_initiative", "(?!)")),
        launch_plain=re.compile(p.get("launch_plain", "(?!)")),
        slash_plain=re.compile(p.get("slash_plain", "(?!)")),
        per_unit=re.compile(p.get("per_unit", "(?!)")),
        cut_nouns=tuple(p.get("cut_nouns", "").split("|")),
        caps_tail=re.compile(p.get("caps_tail", "(?!)")),
        caps_tail_context=re.compile(p.get("caps_tail_context", "(?!)")),
        role_of=re.compile(p.get("role_of", "(?!)"), re.IGNORECASE),
        person_form=re.compile(p.get("person_form", "(?!)"), re.IGNORECASE),
        person_lead=re.compile(p.get("person_lead", "(?!)")),
        person_short=re.compile(p.get("person_short", "(?!)")),
        person_named_lead=re.compile(p.get("person_named_lead", "(?!)")),
        theme_lead=re.compile(p.get("theme_lead", "(?!)")),
        # "Geber Stunting, singkatan dari Gerakan Bersama Berantas Stunting": the short name,
        # the words that say it was coined, then capitalised words (and joiners) of the source
        short_for=re.compile(rf"(?<![\w-])({_CAP}(?:\s+{_CAP}){{0,2}})"
                             rf"(?:{p.get('short_for', '(?!)')})"
                             rf"[{_QUOTES}]?({_CAP}(?:\s+(?:(?:dan|di|untuk|ke|bagi|serta|&)\s+)?"
                             rf"{_CAP}){{1,8}})"),
        join_to=re.compile(p.get("join_to", "(?!)")),
        pointer=re.compile(p.get("pointer", "(?!)")),
        owner_noun=re.compile(p.get("owner_noun", "(?!)")),
        owner_gap=re.compile(p.get("owner_gap", "(?!)")),
        # 'Kampung Bugis' is a village; 'Kampung KB' and a kampung named after a topic of care
        # ('Kampung Gizi') are initiatives
        village_kampung=re.compile(rf"Kampung\s+(?!KB\b|{p.get('kampung_topic', '(?!)')})"),
        # one more name of a list: ", Y", " dan Y", ", dan inovasi Y" (after an expansion)
        listed=re.compile(rf"(?:\s*\([^)]*\))?[{_QUOTES}]?(?:\s*,\s*(?:(?:dan|serta)\s+)?|\s+"
                          rf"(?:dan|serta)\s+)(?:(?:kemudian|juga)\s+)?(?:(?:inovasi|program|"
                          rf"gerakan)\s+)?[{_QUOTES}]?(?P<name>{_NAME})[{_QUOTES}]?"),
        app_data_before=re.compile(p.get("app_data_before", "(?!)")),
        app_data_after=re.compile(p.get("app_data_after", "(?!)")),
        data_apposition=re.compile(p.get("data_apposition", "(?!)")),
        place_before=re.compile(p.get("place_before", "(?!)")),
        # "meluncurkan Program Desa Berdaya": the name after the launch verb opens with a
        # programme noun of its own
        leading_trigger=re.compile(rf"((?:Gerakan\s+Nasional|Gerakan|Program|Inovasi|Aplikasi|"
                                   rf"Layanan)\s+)(?={_CAP})"),
        active_head=re.compile(rf"^[^.;]{{0,40}}?\b(?:{p['runs']}|{p['supports']})\b",
                               re.IGNORECASE),
        coordinated=re.compile(rf"\b(?:{p.get('coordinated', '(?!)')})\s+(?:juga\s+)?(?:(?P<runs>"
                               rf"{p['runs']})|(?P<supports>{p['supports']}))\b[^.;,]{{0,40}}$",
                               re.IGNORECASE),
    )


def _rejected(name: str, v: Vocabulary, mentions_at: list[Mention], start: int,
              meeting_span: tuple[int, int] | None, text_before: str | None = None,
              quoted: bool = False) -> bool:
    """`quoted`: the name stands in quotes after a programme noun ('program "Orang Tua
    Asuh"'), so a concept that names no programme when written plainly is one here."""
    if (v.program_exclusions_quoted if quoted else v.program_exclusions).match(name.strip()):
        return True
    if re.search(r"\b(?:Nomor|No\.|Tahun)\s*\d", name):
        return True
    if meeting_span and meeting_span[0] <= start < meeting_span[1]:
        return True
    if text_before is not None and _LAW_TITLE.search(text_before):
        return True
    # an office's own name is no programme; a longer name that starts with one is
    # ("inovasi 'Bhabin Peduli Stunting'")
    return any(m.start <= start < m.end and m.end >= start + len(name.rstrip()) - 1
               for m in mentions_at)


def find_programs(doc: Document, v: Vocabulary, mentions: list[Mention],
                  meeting_span: tuple[int, int] | None, places: object) -> list[Program]:
    p = _patterns(v)
    found: dict[str, Program] = {}
    spans: list[tuple[int, int]] = []
    posts: list[tuple[int, int]] = []  # known names read as people's posts ("kader BKB")

    def add(name: str, aliases: list[str], s: Sentence, a: int, b: int,
            description: str = "") -> Program:
        k = re.sub(r"\W", "", name.lower())
        prog = found.get(k) or next((x for x in found.values() if k in {
            re.sub(r"\W", "", a.lower()) for a in x.aliases}), None)  # a form seen before
        if prog is None:
            prog = found[k] = Program(name, [], description, s.start + a, s.start + b, s)
        for alias in aliases:
            if alias and alias != prog.name and alias not in prog.aliases:
                prog.aliases.append(alias)
        spans.append((s.start + a, s.start + b))
        prog.seen.append((s, s.start + a, s.start + b))
        return prog

    listing = False  # the previous line introduced a list of programmes ("program unggulan:")
    dangling = False  # the previous paragraph stopped at a programme noun ("meluncurkan inovasi")
    previous: Sentence | None = None
    after_bullet = False  # the previous sentence was a list's line ("-", "Untuk Balita:")
    innovating = False  # the previous sentence was about innovations
    for s in doc.sentences:
        here = [m for m in mentions if m.sentence is s]

        def rejected(name: str, at: int, s: Sentence = s, here: list[Mention] = here,
                     quoted: bool = False) -> bool:
            return _rejected(name, v, here, s.start + at, meeting_span, s.text[:at], quoted)

        lead = p.lead_name.match(s.text) if dangling else None
        if lead:  # "... meluncurkan inovasi\n\nSapa Ibu Hamil di tiap dusun"
            name = p.name_end.sub("", lead[1].strip())
            if len(name) >= 3 and not _rejected_span(s.start + lead.start(1), spans) and not \
                    rejected(name, lead.start(1)) and not _is_place(name, places):
                prog = add(name, [], s, lead.start(1), lead.start(1) + len(name))
                if previous is not None:  # who launched it is told before the break
                    prog.seen.append((previous, previous.end, previous.end))
        dangling = bool(p.dangling.search(s.text))
        after_bullet = previous is not None and _list_line(previous.text)
        previous = s
        named_here = _triggered_names(p, s.text)
        # "OPERASI GENTING (Optimalisasi ...)": a local name coined over a national one
        coined = [(m.start(1), m.end(1)) for m in p.acronym_first.finditer(s.text)
                  if _coined(m[1].strip(), m[2].strip(), v)]
        for form in v.programs:
            lower = [m for m in _lower(form.pattern).finditer(s.text) if m[0] == m[0].lower()
                     and (p.known_lower_lead.search(s.text[:m.start()])  # "program bangga kencana"
                          or p.known_lower_any.fullmatch(m[0].strip()))]
            for m in [*form.pattern.finditer(s.text), *lower]:
                if _rejected_span(s.start + m.start(), spans) or any(
                        a < m.start() < b for a, b in named_here) or any(
                        a <= m.start() < b for a, b in coined):
                    continue  # "inovasi Raga Genting": a name of its own, not GENTING
                if p.cadre_of.search(s.text[max(0, m.start() - 80):m.start()]) or \
                        _role_only(p, s.text, m.start(), m.end()) or \
                        _restates_a_post(s, m.start(), posts):
                    spans.append((s.start + m.start(), s.start + m.end()))  # read no further
                    posts.append(spans[-1])
                    continue  # "kader Posyandu, BKB, dan BKL": the cadres' groups
                # the name as this text writes it ("Quick Win", "Gati") answers for it too
                head = re.search(r"(?:Gerakan|Program)\s+$", s.text[:m.start()])
                written = [m[0].strip()] + ([head[0] + m[0].strip()] if head else [])
                prog = add(form.name, [*written, *form.aliases], s, m.start(), m.end(),
                           form.description)
                for t in form.run_by:
                    for x in here:
                        if x.type == t and not _DATA_SOURCE.search(
                                s.text[max(0, x.start - s.start - 30):x.start - s.start]):
                            prog.run_by.append((t, "RUNS", x))
                _paren_alias(prog, s.text, m.start(), m.end())
        for m in p.acronym_first.finditer(s.text):
            acr, exp = m[1].strip(), m[2].strip()
            if _rejected_span(s.start + m.start(), spans) or not (
                    _aligned(acr, exp) or _coined(acr, exp, v)):
                continue
            if p.org_before.search(s.text[:m.start()]) or p.org_before.match(exp + " "):
                spans.append((s.start + m.start(), s.start + m.end()))
                continue  # "Yayasan YPGA (...)", "YPGA (Yayasan ...)": an organisation
            if rejected(acr, m.start()) or rejected(exp, m.start(2)) or _is_place(exp, places) \
                    or _names_place(acr, exp, places) or p.venue.match(exp) \
                    or p.venue_before.search(s.text[:m.start()]) \
                    or p.data_apposition.match(s.text[m.end():]) \
                    or _reporting(p, s.text, m.start(), m.end()) \
                    or _slogan_or_post(p, s.text[:m.start()], exp) \
                    or _place_motto("", exp, places):
                continue
            if not _also_known(found, s.start + m.start(), s.start + m.end(), [acr, exp]):
                add(f"{acr} ({exp})", [acr, exp], s, m.start(), m.end())
        for m in p.expansion_first.finditer(s.text):
            acr = m[2].strip()
            acr = acr[0].upper() + acr[1:]  # "(desa Bersinar)": the tier word as a name's start
            exp = _trim_expansion(m[1].strip(), acr, bool(
                p.launched_before.search(s.text[:m.start(1)])))
            if exp is None or _rejected_span(s.start + m.start(2), spans):
                continue
            at = m.end(1) - len(exp)
            if p.org_before.search(s.text[:at]) or p.org_before.match(exp + " "):
                spans.append((s.start + at, s.start + m.end()))
                continue  # "Yayasan Rumah Harapan Bunda (RHB)": an organisation's name
            if (rejected(acr, m.start(2)) and not _tier_named(p, acr, places)) or (
                    rejected(exp, at) and not _tier_named(
                    p, exp, places)) or _is_place(exp, places) \
                    or _names_place(acr, exp, places) or p.venue_before.search(s.text[:at]) \
                    or p.venue.match(exp) or p.unit_before.search(s.text[:at]) \
                    or p.place_before.search(s.text[:at]) or _reporting(p, s.text, at, m.end()):
                continue  # "Hotel Maleo Town Square (Matos)" is a venue, "Bidang X (BX)" a unit
            if _slogan_or_post(p, s.text[:at], exp) or _place_motto(s.text[:at], exp, places):
                # "Kader Institusi Layanan X (ILP)": a post's name; no other rule reads in it
                spans.append((s.start + at, s.start + m.end()))
                continue
            if not _also_known(found, s.start + at, s.start + m.end(), [acr, exp]):
                add(f"{acr} ({exp})", [acr, exp], s, at, m.end())
        for m in p.or_expansion.finditer(s.text):
            acr = m[1]
            exp = re.sub(r"(?:\s+(?:dan|di|untuk|&))+$", "", m[2].strip())
            if _rejected_span(s.start + m.start(), spans) or not aligned(acr, exp) or \
                    rejected(acr, m.start()) or rejected(exp, m.start(2)) or \
                    _is_place(exp, places) or _names_place(acr, exp, places):
                continue
            if not _also_known(found, s.start + m.start(), s.start + m.start(2) + len(exp),
                               [acr, exp]):
                add(f"{acr} ({exp})", [acr, exp], s, m.start(), m.start(2) + len(exp))
        for m in _NAME_OR_SHORT.finditer(s.text):  # "Gerakan Ayo Timbang Balita atau Gayatri"
            short, exp = m[2], _trim_expansion(m[1], m[2])
            if exp is None or short.isupper() and not aligned(short, exp):
                continue
            at = m.end(1) - len(exp)
            if _rejected_span(s.start + at, spans) or rejected(short, m.start(2)) or \
                    rejected(exp, at) or _is_place(exp, places) or _names_place(short, exp, places):
                continue
            if not _also_known(found, s.start + at, s.start + m.end(), [short, exp]):
                add(f"{short} ({exp})", [short, exp], s, at, m.end())
        for m in p.short_for.finditer(s.text):
            _short_for(p, s, m, add, rejected, places, spans, found)
        for m in p.trigger.finditer(s.text):
            noun, raw, at = m[1], m[2].strip().rstrip(_QUOTES), m.start(2)
            end2 = m.end(2)
            twin = re.match(rf",\s+({re.escape(raw.split()[0])}(?:\s+{_CAP}){{1,3}})(?![\w-])",
                            s.text[end2:]) if raw.split() else None
            if twin:  # "Gerakan One Day, One Egg": a name in two parallel halves
                raw, end2 = f"{raw}, {twin[1]}", end2 + twin.end()
            joined = p.join_to.match(s.text, end2)
            if joined:  # "Gerakan Ayo ke Posyandu": the name runs on to a service place
                raw, end2 = raw + s.text[end2:joined.end()], joined.end()
            series = _series_name(noun, s.text, end2)
            if series:  # "Program Pembangunan Keluarga, Kependudukan, dan ... (Bangga Kencana)"
                raw, end2 = raw + s.text[end2:series], series
            inner = p.leading_trigger.match(raw)
            if inner:  # "meluncurkan Program Desa Berdaya": the name follows its own noun
                noun, raw, at = inner[1].strip(), raw[inner.end():], at + inner.end()
            quoted = at > 0 and s.text[at - 1] in _QUOTES and s.text[end2:end2 + 1] in _QUOTES
            # "Insting Kabupaten X"; a name closed by quotes is whole ('"Lumbung Gizi Desa"')
            name = raw if quoted else p.name_end.sub("", raw)
            if _rejected_span(s.start + at, spans) or len(name) < 3 or \
                    p.post_before.search(s.text[:m.start()]):
                continue  # "Penanggung Jawab Program Gizi" is a post ("edukasi Program X" is not)
            if rejected(name, at) and p.place_lead.match(name) and p.place_noun.fullmatch(
                    noun) and not _is_place(
                    name.split(None, 1)[-1], places) and not rejected(f"{noun} {name}", at):
                name = f"{noun} {name}"  # "Program Desa Berdaya", not the desa "Berdaya"
            elif rejected(name, at) or _is_place(name, places):
                continue
            if re.match(r"(?i)aplikasi", noun) and (p.app_data_before.search(s.text[:m.start()])
                                                    or p.app_data_after.match(s.text[end2:])):
                continue  # "teknologi digital dengan aplikasi X": a reporting system
            # 'program X' is a form of the name; 'menggulirkan X' (a verb) is not
            aliases = [] if name.startswith(noun) or re.match(r"(?i)me", noun) else \
                [f"{noun} {name}"]
            called = p.also_called.match(s.text[m.end():])  # "'Ngabring' atau Ngawal Bareng ..."
            expansion = re.sub(r"(?:\s+[a-z]\w*)+$", "", p.name_end.sub("", called[1])) \
                if called else ""
            told: tuple[int, int] | None = None  # where the expansion stands, if taken
            if called and expansion and expansion[0].lower() == name[0].lower():
                aliases.append(expansion)  # its lowercase tail and its place dropped
                told = (s.start + m.end() + called.start(1),
                        s.start + m.end() + called.start(1) + len(expansion))
            if re.match(r"Gerakan\b", noun) and aliases:  # a movement keeps its noun noun
                name, aliases = aliases[0], [name, *aliases[1:]]
            if _also_known(found, s.start + at, s.start + end2, [name, *aliases]):
                continue  # "Program Banten ASIK (...)" where ASIK (...) was read: one more name
            paren = re.match(rf"\s*\(\s*({_EXPANSION})\s*\)", s.text[end2:])
            if paren and (v.data_systems.match(paren[1]) or p.data_apposition.match(
                    s.text[end2 + paren.end():])):
                # "inovasi SIGAP (Sistem Informasi Gizi ...)": a data system (guide §6.2)
                spans.append((s.start + at, s.start + end2 + paren.end()))
                continue
            prog = add(name, aliases, s, at, end2)
            if told:  # "Gemas Sehati atau Gerakan Masyarakat Sehat dan ...": read once
                spans.append(told)
            if paren:  # "inovasi Gemar Telur (Gerakan Makan Telur)": its expansion, read once
                prog.aliases.append(paren[1])
                spans.append((s.start + end2, s.start + end2 + paren.end()))
            if re.match(r"(?i)(?:program|gerakan|inovasi|aplikasi|layanan)", noun):
                _listed(p, s, end2, add, rejected, places, spans, prog)
        for m in p.named.finditer(s.text):
            name = p.name_end.sub("", m["name"].strip())
            if _rejected_span(s.start + m.start("name"), spans) or len(name) < 3 or \
                    rejected(name, m.start("name")) or _is_place(name, places):
                continue
            prog = add(name, [], s, m.start("name"), m.end("name"))
            if m["owner"]:  # "program prioritas Gubernur Sulsel, yaitu X": the owner runs it
                for x in here:
                    if m.start("owner") <= x.start - s.start < m.end("owner"):
                        prog.run_by.append((x.type, "RUNS", x))
        quotes = {q.start("name"): q for q in _QUOTED_NAME.finditer(s.text)}
        quotes.update({q.start("name"): q for q in p.quoted.finditer(s.text)})
        for _, m in sorted(quotes.items()):
            if m.re is _QUOTED_NAME and not _follows_a_name(s, m.start(), spans):
                continue  # a quote no programme noun leads and no list carries
            name = m["name"].strip()
            if _rejected_span(s.start + m.start("name"), spans) or len(name) < 3 or \
                    rejected(name, m.start("name"), quoted=m.re is p.quoted) or \
                    _is_place(name, places) or \
                    p.theme_lead.search(s.text[:m.start("name")]):
                continue  # 'mengusung tagline "X"': a theme or a slogan
            add(name, [], s, m.start("name"), m.end("name"))
        for pattern in (p.si, p.place_type):
            for m in pattern.finditer(s.text):
                name = m[1].strip()
                if _rejected_span(s.start + m.start(1), spans) or len(name) < 3:
                    continue
                if pattern is p.si and p.venue_before.search(s.text[:m.start(1)]):
                    continue  # "di Pendapa Si Panji": a hall's name, not a Si- programme
                a, b = m.start(1), m.end(1)
                if pattern is p.si:
                    a, b = _whole_si_name(s.text, a, b)
                    name = s.text[a:b]
                if pattern is p.place_type and (re.match(
                        r"Rumah\s+(?:Sakit|Dinas|Jabatan|Makan|Tangga|Budaya|Adat|Ibadah|Betang)",
                        name) or p.village_kampung.match(name) or _is_place(name, places) or
                        _is_place(name.split(None, 1)[-1], places)):
                    continue  # "Kampung Bugis" is a village, "Rumah Sakit" a hospital
                if rejected(name, m.start(1)) and not (
                        pattern is p.place_type and p.unit_service.match(name)
                        and p.service_lead.search(s.text[:m.start(1)])):
                    continue  # "pihaknya menjalankan Posyandu Prima": a service, not a unit
                add(name, [], s, a, b)
        plain = [(m[1].title(), m.start(1), m.end(1)) for m in p.plain.finditer(s.text)]
        for m in p.place_initiative.finditer(s.text):
            # "menjadikan desa ini sebagai desa edukasi stunting": a place-type initiative,
            # whose tier word would read as an office's name to the exclusions
            if not _rejected_span(s.start + m.start(1), spans):
                add(m[1].title(), [], s, m.start(1), m.end(1))
        for name, a, b in _plain_names(p, s.text):
            if not _rejected_span(s.start + a, spans) and not rejected(name, a) and \
                    not _is_place(name, places):
                add(name, [], s, a, b)
        more = p.more.match(s.text) if innovating else None
        if more and p.more_not.match(more[1]):
            more = None  # "Ada Pak Camat yang ...": a person
        for name, a, b in plain + ([(more[1], more.start(1), more.end(1))] if more else []):
            if not _rejected_span(s.start + a, spans) and not rejected(name, a) and \
                    not _is_place(name, places):
                add(name, [], s, a, b)
        innovating = bool(re.search(r"\binovasi\b", s.text, re.IGNORECASE))
        if listing and _BULLET_ONLY.match(s.text):
            continue  # "1." split from its line: the list goes on in the next sentence
        item = (p.list_item.match(s.text) or _bare_item(p, s.text)) if listing else None
        setup = None if listing else p.setup_item.match(s.text)
        if setup and not (after_bullet or setup["bullet"]):
            setup = None  # a plan's line only: its bullet on it, or a list line before it
        if setup and not _rejected_span(s.start + setup.start(2), spans) and \
                not rejected(setup[2], setup.start(2)) and not _is_place(setup[2], places):
            add(setup[2], [], s, setup.start(2), setup.end(2))
        if item and _HEADING.search(s.text):
            item = None  # "Untuk Baduta:", "- Aksi Prioritas:": a new part of the plan
        if item and not _rejected_span(s.start + item.start(1), spans):
            name, exp, at = item[1].strip(), (item[2] or "").strip(), item.start(1)
            act = p.action_lead.match(name)
            if act:  # "- Pembentukan Stunting Community Centre": what is set up
                name, at = name[act.end():], at + act.end()
            prose = not exp and " " not in name and not name.isupper() and \
                re.match(r"\s+[a-z]", s.text[item.end(1):])  # "- Pemberian makanan lokal"
            if len(name) >= 3 and not prose and not (act and not _CAPITALISED.match(name)) \
                    and not _cut_off(p, name, s.text[item.end(1):]) \
                    and not rejected(name, at) and not _is_place(name, places):
                add(f"{name} ({exp})" if exp else name, [name, exp] if exp else [], s,
                    at, item.end())
        listing = bool(p.list_intro.search(s.text)) or bool(listing and item)
    programs = list(found.values())
    for prog in programs:
        _seen_again(prog, doc)
    _pointed_back(programs, doc, p)
    for prog in programs:
        _links(prog, mentions, p)
        if not prog.run_by:
            _launched_at_meeting(prog, mentions, p)
    for prog in programs:  # "Wabup me-launching inovasi A (...) dan B": B's runner is A's
        if prog.head is not None and not prog.run_by:
            prog.run_by = list(prog.head.run_by)
    _listed_before(programs)
    return programs


def _launched_at_meeting(prog: Program, mentions: list[Mention], p: _Patterns) -> None:
    """'Rembuk Stunting sekaligus Launching Gerakan X': a programme launched at the meeting
    is run by the office that holds the event (a body that launches a programme runs it),
    the executing office rather than the government it acts for when both organise."""
    if not any(p.combined_launch.search(s.text[:a - s.start])
               for s, a, _ in prog.seen or [(prog.sentence, prog.start, prog.end)]):
        return
    holders = [m for m in mentions if "organiser" in m.roles and not m.excluded
               and not m.absent]
    offices = [m for m in holders if m.type != "PEMDA"] or holders
    for m in offices:
        if not any(t == m.type for t, _, _ in prog.run_by):
            prog.run_by.append((m.type, "RUNS", m))


def _cut_off(p: _Patterns, name: str, rest: str) -> bool:
    """'• Progr' closing the text: a list line holding only the start of a programme noun
    is a copy cut off mid-word, no name."""
    low = name.lower()
    return not rest.strip() and any(n.startswith(low) and n != low for n in p.cut_nouns if n)


# a list line that ends in a colon heads a part of its own ("Untuk Baduta:")
_HEADING = re.compile(r":\s*$")
# what an act sets up, when it is a name: two capitalised words ("Stunting Community Centre")
_CAPITALISED = re.compile(r"[A-Z][\w'-]*\s+[A-Z]")


def _listed_before(programs: list[Program]) -> None:
    """'Gerakan A (...) dan B (...) yang digagas Dinkes': a body tied after the last name
    of a list is tied to the names listed right before it, which have no tie of their own;
    'inovasi Puskesmas X antara lain A dan B': a body tied before the first name is tied
    to the names listed right after it."""
    ordered = sorted(programs, key=lambda x: (x.sentence.start, x.start))
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.sentence is not b.sentence or b.run_by or not a.run_by:
            continue
        if _LISTED_NEXT.match(a.sentence.text[a.end - a.sentence.start:
                                              b.start - a.sentence.start]):
            b.run_by = [link for link in a.run_by if link[2].sentence is a.sentence
                        and link[2].end <= a.start]
    for a, b in zip(reversed(ordered[:-1]), reversed(ordered[1:]), strict=True):
        if a.sentence is not b.sentence or a.run_by or not b.run_by:
            continue
        if not _LISTED_NEXT.match(a.sentence.text[a.end - a.sentence.start:
                                                  b.start - a.sentence.start]):
            continue
        after = [link for link in b.run_by if link[2].sentence is b.sentence
                 and link[2].start >= b.end]
        a.run_by = list(after)


@cache
def _whole_si_name(text: str, a: int, b: int) -> tuple[int, int]:
    """'Ayunda Si Menik Makan Sego Ceting (Ayo Tunda ...)': a Si- name inside a longer
    capitalised name that its expansion in brackets closes is that whole name, not the
    two words after 'Si'. Without the bracket the Si- words stand alone."""
    words = re.match(r"(?:\s+[A-Z][\w'’-]*){0,5}(?=\s*\()", text[b:])
    if not words:
        return a, b
    lead = re.search(r"(?<![\w.-])(?:[A-Z][\w'’-]*\s+){1,3}$", text[:a])
    return (lead.start() if lead else a), b + words.end()


def _plain_names(p: _Patterns, text: str) -> list[tuple[str, int, int]]:
    """Names with no capital or no trigger noun: a lower-case movement launched
    ('pencanangan gerakan ...'), a lower-case name that sets a measure per unit ('program
    pemerintah sebutir telur sehari'), lower-case place-type names joined by a slash, and an
    all-caps name with a common-noun tail in a sentence about programmes."""
    out = [(m[1], m.start(1), m.end(1)) for m in p.launch_plain.finditer(text)]
    out += [(m[1], m.start(1), m.end(1)) for m in p.per_unit.finditer(text)]
    for m in p.slash_plain.finditer(text):
        g = 1 if m[1] else 2
        out.append((m[g], m.start(g), m.end(g)))
    if p.caps_tail_context.search(text):
        out += [(m[1], m.start(1), m.end(1)) for m in p.caps_tail.finditer(text)]
    return out


def _lower(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(pattern.pattern, pattern.flags | re.IGNORECASE)


def _only_names_after(lead: re.Pattern[str], text: str) -> bool:
    """', diantaranya Program A, Program B (BB), ': a listing word, then only names (capitalised
    words, brackets, commas, 'dan', programme nouns) up to the programme."""
    m = lead.match(text)
    if not m:
        return False
    words = re.findall(r"[\w'’/-]+", re.sub(r"\([^)]*\)", " ", text[m.end():]))
    return all(w[0].isupper() or w.isdigit() or w.lower() in {
        "dan", "serta", "program", "inovasi", "gerakan"} for w in words)


def _tier_named(p: _Patterns, name: str, places: object) -> bool:
    """'Desa Tangguh Bencana', 'Program Desa Berdaya': named after a village tier whose
    rest is no place, so a programme's name rather than a village's office."""
    return bool(p.place_lead.match(name)) and not _is_place(name.split(None, 1)[-1], places)


def _triggered_names(p: _Patterns, text: str) -> list[tuple[int, int]]:
    """Where the names after a programme noun stand in a sentence ("inovasi Raga Genting")."""
    names = []
    for m in p.trigger.finditer(text):
        at, raw = m.start(2), m[2]
        inner = p.leading_trigger.match(raw)
        names.append((at + (inner.end() if inner else 0), m.end(2)))
    return names


def _listed(p: _Patterns, s: Sentence, end: int, add: Callable[..., Program],
            rejected: Callable[[str, int], bool], places: object,
            spans: list[tuple[int, int]], head: Program) -> None:
    """'inovasi Madu Gizi, Sapa Bumil dan Ronda Balita': names listed after the first one
    that a programme noun introduced (each may repeat the noun or carry an expansion)."""
    while item := p.listed.match(s.text, end):
        name = p.name_end.sub("", item["name"].strip())
        a, b = s.start + item.start("name"), s.start + item.end("name")
        if len(name) < 3 or rejected(name, item.start("name")) or p.more_not.match(name) \
                or _is_place(name, places) or any(x < b and a < y for x, y in spans):
            return  # "..., Program Bapak/Bunda Asuh ...": a known programme read on its own
        prog = add(name, [], s, item.start("name"), item.end("name"))
        prog.head = prog.head or head
        end = item.end("name")


_SERIES = re.compile(rf"((?:,\s+{_CAP}(?:\s+{_CAP}){{0,3}})+),?\s+(?:dan|serta)\s+{_CAP}"
                     rf"(?:\s+{_CAP}){{0,4}}")
_SERIES_HEAD = re.compile(r"(?:Program|Gerakan)(?:\s+Nasional)?$")


def _series_name(noun: str, text: str, end: int) -> int | None:
    """Where an official name written as a series of capitalised words ends, or None.

    'Program Pembangunan Keluarga, Kependudukan, dan Keluarga Berencana (Bangga Kencana)' is
    one name: its commas join the parts of one title. A series closed by 'dan X' counts as one
    name when a bracketed short form follows it, or when a capitalised 'Program'/'Gerakan'
    heads it and a part between commas is a single word ('Hidup Bersih, Sehat, dan ...');
    'inovasi Madu Gizi, Sapa Bumil dan Ronda Balita' stays a list of three names."""
    m = _SERIES.match(text, end)
    if m is None:
        return None
    parts = [x.strip() for x in m[1].split(",") if x.strip()]
    if re.match(r"\s*\(", text[m.end():]) or (
            _SERIES_HEAD.match(noun) and any(len(x.split()) == 1 for x in parts)):
        return m.end()
    return None


def _short_for(p: _Patterns, s: Sentence, m: re.Match[str], add: Callable[..., Program],
               rejected: Callable[[str, int], bool], places: object,
               spans: list[tuple[int, int]], found: dict[str, Program]) -> None:
    """'Geber Stunting, singkatan dari Gerakan Bersama Berantas Stunting' (or 'Gempita,
    kependekan dari ...'): the short name and its source are one programme; the source is
    not read again as a movement of its own."""
    inner = p.leading_trigger.match(m[1])  # "Program Geber Stunting yang merupakan ..."
    short = m[1][inner.end():] if inner else m[1]
    a = m.start(1) + (inner.end() if inner else 0)
    exp = p.name_end.sub("", m[2]).strip()
    if not short or len(exp.split()) < 2 or _rejected_span(s.start + m.start(2), spans) or \
            rejected(short, a) or _is_place(short, places) or _names_place(short, exp, places):
        return
    b = m.start(2) + len(exp)
    if not _also_known(found, s.start + a, s.start + b, [short, exp]):
        add(f"{short} ({exp})", [short, exp], s, a, b)


def _coined(acronym: str, expansion: str, v: Vocabulary) -> bool:
    """'OPERASI GENTING (Optimalisasi Pemanfaatan Data Keluarga Risiko Stunting)': an
    all-caps name of two words or more, one of them a national programme's acronym after
    the first, with an expansion of its own that is not that programme's. A local theme
    coined over a national name is a programme of its own, next to the national one
    (guide §6.1); its letters are borrowed freely (loosely aligned), but its first word
    aligns strictly."""
    words = acronym.split()
    if len(words) < 2 or not acronym.isupper() or not aligned(words[0], expansion) or \
            not loosely_aligned(acronym, expansion, caps=True):
        return False
    return any(any(form.pattern.fullmatch(w) for w in words[1:])
               and not form.pattern.search(expansion) for form in v.programs)


def _also_known(found: dict[str, Program], a: int, b: int, forms: list[str]) -> bool:
    """'Satu Telur Satu Minggu (Satesami)' where the known programme Sate Sami was read in
    the expansion: the acronym is one more name of it, not a second programme."""
    for prog in found.values():
        if any(x < b and a < y for _, x, y in prog.seen):
            prog.aliases.extend(f for f in forms if f and f != prog.name and f not in prog.aliases)
            return True
    return False


def _bare_item(p: _Patterns, text: str) -> re.Match[str] | None:
    """A line of a list whose bullet was lost in copying: a short line opening with a
    name of two capitalised words or more (one word, "Kerja sama ...", is prose)."""
    if len(text) > 220 or p.trigger.match(text.lstrip("#• ")):
        return None  # "Program ES Krim (...)": the trigger rule reads it
    return p.bare_item.match(text)


def _names_place(acronym: str, expansion: str, places: object) -> bool:
    """'Stunting di Provinsi Sumatera Utara (Sumut)': the acronym is a place's short form,
    or the expansion runs into a place phrase."""
    return _is_place(acronym, places) or bool(re.search(
        r"\bdi\s+(?:Provinsi|Kabupaten|Kota|Kecamatan|Desa|Kelurahan|Distrik|Nagari)\b",
        expansion))


# one item of a motto: a single capitalised word ('Tertib', 'Aman')
_MOTTO_ITEM = re.compile(r"[A-Z][a-z'’-]+")


def _place_motto(before: str, expansion: str, places: object) -> bool:
    """'menuju Konawe Selatan Sehat, Cerdas, dan Sejahtera (Setara)': a region's name, then
    a motto of lone qualities listed with commas, is the region's vision, no programme. The
    name may begin before the expansion the acronym was aligned with."""
    items = _motto_items(expansion)
    first = items[0].split() if items else []
    if len(items) < 3 or len(first) < 2 or not all(
            _MOTTO_ITEM.fullmatch(i) for i in [first[-1], *items[1:]]):
        return False
    lead = re.search(r"(?:[A-Z][\w'’-]*\s+){0,3}$", before)
    words = (lead[0].split() if lead else []) + first[:-1]
    return any(_is_place(" ".join(words[i:]), places) for i in range(len(words)))


def _motto_items(expansion: str) -> list[str]:
    return [i for i in re.split(r"\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+", expansion)
            if i]


def _slogan_or_post(p: _Patterns, before: str, expansion: str) -> bool:
    """An acronym with its expansion that is a head's vision ('visi gubernur ... TANGGUH
    (Tertib, Aman, ...)'), a motto of bare words listed with commas ('MAJU (Mandiri, Adil,
    Jujur, Unggul)': a programme's expansion names an action or a target group, not three
    lone qualities), or that stands in a designation ('Konsultan Program ... (P3MD)')."""
    items = _motto_items(expansion)
    motto = len(items) >= 3 and all(_MOTTO_ITEM.fullmatch(i) for i in items)
    post = p.post_before.search(re.sub(r"(?:[Pp]rogram|[Gg]erakan)\s+$", "", before))
    return motto or bool(p.vision_lead.search(before)) or bool(post)


def _role_only(p: _Patterns, text: str, a: int, b: int) -> bool:
    """A known programme at [a, b) that only names people: an attendee's post ('pendamping
    PKH', 'Koordinator PKH'), or a programme named after a person's role written as what
    people become or are ('menjadi bapak asuh', 'para Bapak Asuh', 'Bapak Asuh' with no
    programme noun). Spelt out with its bracketed short form, the text introduces the
    programme itself ('pendamping Program Keluarga Harapan (PKH)')."""
    if re.match(r"\s*\(", text[b:]):
        return False
    before = text[max(0, a - 60):a]
    if p.role_of.search(before):
        return True
    written = text[a:b]
    if not p.person_form.match(written):
        return False
    if p.person_lead.search(before):
        return True
    return bool(p.person_short.fullmatch(written.strip())) and not \
        p.person_named_lead.search(before)


# between a post's programme name and the bracket that restates it: more capitalised words
_RESTATED = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,4}\s*\(\s*$")


def _restates_a_post(s: Sentence, at: int, posts: list[tuple[int, int]]) -> bool:
    """'Kader Bina Keluarga Balita Holistik Integratif (BKB HI)': the short form in the
    bracket after a post's programme name (already read as a post) is the same post."""
    for a, b in posts:
        if s.start <= a and b - s.start <= at and _RESTATED.fullmatch(
                s.text[b - s.start:at]):
            return True
    return False


def _rejected_span(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _trim_expansion(words: str, acronym: str, launched: bool = False) -> str | None:
    """The shortest tail of `words` the acronym aligns with ('... mendukung Gerakan Orang
    Tua Asuh Cegah Stunting (GENTING)' -> 'Gerakan Orang Tua Asuh Cegah Stunting'); a
    launched name may be coined in capitals from its words out of order ('diluncurkan
    Sistem Pendampingan Ibu Hamil dan Balita yang Terpadu (SIMBAH TERPADU)')."""
    tokens = words.split()

    def loose(a: str, e: str) -> bool:
        return loosely_aligned(a, e, caps=launched)

    for test in (aligned, loose):  # a strict reading first, a loose one else
        for i in range(len(tokens)):
            tail = " ".join(tokens[i:])
            if tokens[i][0].isupper() and test(acronym, tail):
                return tail
    return None


def _paren_alias(prog: Program, text: str, a: int, b: int) -> None:
    """'Si Bening (Semua Ikut ...)': the name in the parenthesis after it is an alias."""
    after = re.match(r"\s*\(([^)]{2,80})\)", text[b:])
    if after and len(after[1].split()) >= 2 and after[1] not in prog.aliases:
        prog.aliases.append(after[1].strip())
    # "Bimbingan Keluarga (Bimwin)": the capitalised words before the parenthesis
    before = re.search(r"((?:[A-Z][\w-]*\s+){1,5}[A-Z][\w-]*)\s*\(\s*$", text[:a])
    if before and before[1].strip() not in prog.aliases:
        prog.aliases.append(before[1].strip())


def _is_place(name: str, places: object) -> bool:
    from loaders.articles.places import Places

    if not isinstance(places, Places):
        return False
    words = name.split()
    codes, n = places.lookup(None, None, words)
    if bool(codes) and n == len(words):
        return True
    # a kecamatan's whole name of two words or more ('Likbar (Likupang Barat)' is its short
    # form); one word is too often a common word ('Baru') to be read as a place
    return len(words) >= 2 and bool(places.gaz.find("kecamatan", name, None))


def _links(prog: Program, mentions: list[Mention], p: _Patterns) -> None:
    """RUNS / SUPPORTS when the sentence says who runs or backs the programme, in one of
    three shapes (program_patterns.csv): the institution as the subject of a running or
    supporting verb right before it ('KUA menjalankan program Bimwin', 'Wabup mendukung
    GENTING'), a passive or possessive after it ('GENTING yang didukung Baznas', 'inovasi
    milik Puskesmas X'), or a service held at it ('Bimwin di KUA'). An appeal ('meminta
    OPD menjadi orang tua asuh melalui Genting', 'mendorong desa menjalankan Gati') or a
    meeting about it ('menggelar Rakor DASHAT') ties nothing."""
    for s, start, end in prog.seen or [(prog.sentence, prog.start, prog.end)]:
        for m in mentions:
            if m.sentence is not s or any(t == m.type for t, _, _ in prog.run_by):
                continue
            relation = _relation(s, start, end, m, mentions, p)
            if relation:
                prog.run_by.append((m.type, relation, m))
    if not prog.run_by:
        _quoted_speaker(prog, mentions, p)
    # one link per (type, relation): a type named twice runs the programme once
    first: dict[tuple[str, str], tuple[str, str, Mention]] = {}
    for link in prog.run_by:
        first.setdefault((link[0], link[1]), link)
    prog.run_by = list(first.values())


def _relation(s: Sentence, start: int, end: int, m: Mention, mentions: list[Mention],
              p: _Patterns) -> str | None:
    """How mention `m` stands to the programme named at [start, end) of sentence `s`."""
    others = [o for o in mentions if o.sentence is s and o is not m]
    if m.end <= start:
        between = s.text[m.end - s.start:start - s.start]
        alone = not any(m.end <= o.start < start for o in others)
        named_end = max(m.end, m.place.end if m.place is not None else 0)  # "Pemkot X"
        if alone and p.owner_noun.search(s.text[max(0, m.start - s.start - 40):
                                                m.start - s.start]) \
                and p.owner_gap.match(s.text[named_end - s.start:start - s.start]):
            return "RUNS"  # "inovasi Puskesmas Sewon, yakni X": the body owns the name
        shown = p.presents.search(between)
        # (the official the body speaks through does not count: 'PT X, melalui Manajer CSR
        # Budi, memaparkan inisiatif Y')
        if shown and alone and len(p.through.sub(",", between[:shown.start()], 1)) <= 40 \
                and not p.appeal.search(between):
            return "RUNS"  # "Kapolres menjelaskan inovasi X": a body presents its own work
        if alone and _only_names_after(p.done_list, s.text[named_end - s.start:start - s.start]) \
                and p.done_by.search(
                s.text[:m.start - s.start]):
            return "RUNS"  # "telah dilakukan Pemkot X, diantaranya Program A"
        said = p.speaker_runs.match(between)
        if said and not p.appeal.search(between) and not any(
                m.end <= o.start < m.end + said.start("self") for o in others):
            # "Kadinkes, X, mengatakan pihaknya menjalankan ...": the speaker's body (bodies
            # named after 'pihaknya', "bersama tim percepatan", join it; they do not stand
            # between the speaker and the verb)
            return "RUNS"
        # the verb is counted from the end of the body's name with its place ("Puskesmas
        # Rasanae Barat menekan ... melalui program X"), not from its type word
        after_name = s.text[named_end - s.start:start - s.start]
        verb = p.active.match(after_name)
        asked = s.text[max(0, m.start - s.start - 30):m.start - s.start]  # "meminta desa ..."
        if not verb and p.active_head.match(after_name):
            # "Wabup mendukung GENTING (...) dan meluncurkan inovasi X": the second verb
            verb = p.coordinated.search(after_name)
        if verb and not any(m.end <= o.start < start for o in others) and not \
                p.appeal.search(between + " " + asked) and not _MEETING.search(between) \
                and not p.reported.search(after_name[:verb.start("runs" if verb["runs"] else
                                                                "supports")]):
            return "SUPPORTS" if verb["supports"] else "RUNS"
    elif m.start >= end:
        between = s.text[end - s.start:m.start - s.start]
        if p.own.search(s.text[:start - s.start]) and p.said_by.match(between):
            return "RUNS"  # "“Kami mempunyai program baru yakni X ...,” ungkap Kapolres"
        tie = p.passive.match(between)
        inside = [o for o in others if end <= o.start < m.start]
        if tie and not inside:
            return "SUPPORTS" if tie["supports"] else "RUNS"
        if inside:
            # "bekerja sama dengan Kodim 0912 dan Baznas": a body listed right after one
            # the programme is tied to is tied the same way
            o = max(inside, key=lambda x: x.start)
            named_end = max(o.end, o.place.end if o.place is not None else 0)
            gap = s.text[named_end - s.start:m.start - s.start]
            if _LISTED_NEXT.match(gap):
                return _relation(s, start, end, o, mentions, p)
            # "dilaksanakan oleh TP PKK ... dan didukung Baznas": a second tie of its own,
            # joined to a body already tied
            joined = _JOINED_TIE.match(gap)
            again = p.passive.match(gap[joined.end():]) if joined else None
            if again and _relation(s, start, end, o, mentions, p):
                return "SUPPORTS" if again["supports"] else "RUNS"
    return None


# what stands between two listed bodies: a unit number left out of the first's name, a
# comma, 'dan' / 'serta'
_JOINED_TIE = re.compile(r"^\s*,?\s*(?:dan|serta|sekaligus)\s+")
_LISTED_NEXT = re.compile(r"^\s*(?:\d{1,4}(?:/[\w-]+)?\s*)?(?:,\s*)?(?:(?:dan|serta)\s+)?$")


def _quoted_speaker(prog: Program, mentions: list[Mention], p: _Patterns) -> None:
    """'"Sejak awal tahun kami menggulirkan Gerakan X ...," ujar Udayanti.': a quote in
    which the speaker's side runs the programme ('kami menjalankan X', 'X yang kami
    gulirkan'), closed by a
    speech verb and the speaker's bare name. The name is traced to the body whose
    official it names earlier in the text ('Kepala Dinas Kesehatan ..., dr. Udayanti
    Proborini,' or 'Udayanti Proborini selaku Kepala Dinas ...'): that body runs it."""
    for s, start, end in prog.seen or [(prog.sentence, prog.start, prog.end)]:
        said = p.said_name.match(s.text[end - s.start:])
        own = p.own.search(s.text[:start - s.start]) or p.own_after.match(s.text[end - s.start:])
        pronoun = None if said else p.said_self.match(s.text[end - s.start:])
        if pronoun and own and not any(m.sentence is s and m.start >= end + pronoun.end()
                                       and not m.excluded for m in mentions):
            # '"Kami menggulirkan Gerakan X," ujarnya.': the pronoun points back to the
            # last person the text named with their office before the quote
            speaker = last_named(s, mentions)
            if speaker is not None:
                prog.run_by.append((speaker.type, "RUNS", speaker))
                return
        if not said or not own:
            continue
        name, named_at = said["name"], end + said.start("name")
        if any(m.sentence is s and m.start >= named_at for m in mentions):
            continue  # '..., ungkap Kapolres': the body is named after the verb itself
        body = _named_official(name, s, mentions, p)
        if body is not None:
            prog.run_by.append((body.type, "RUNS", body))
            return


def _named_official(name: str, said_in: Sentence, mentions: list[Mention],
                    p: _Patterns) -> Mention | None:
    """The last mention before `said_in` whose official is called `name` right after
    the title or right before it; None when no earlier sentence introduces the name."""
    word = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    found: Mention | None = None
    for m in mentions:
        if m.sentence.start >= said_in.start:
            continue
        text, base = m.sentence.text, m.sentence.start
        end = max(m.end, m.place.end if m.place is not None else 0) - base
        for hit in word.finditer(text):
            before_name = text[end:hit.start()] if hit.start() >= end else None
            after_name = text[hit.end():m.start - base] if hit.end() <= m.start - base else None
            if (before_name is not None and p.speaker_title.match(before_name)) or (
                    after_name is not None and p.speaker_as.match(after_name)):
                found = m
    return found


# an expansion, 'atau', then the short name coined from it (one or two words, or caps)
_NAME_OR_SHORT = re.compile(rf"(?<![\w-])({_CAP}(?:\s+(?:{_CAP}|dan|di|untuk|&|bagi)){{1,7}})\s+"
                            r"atau\s+((?:[A-Z][a-z]+|[A-Z]{2,}[a-z]*)(?:\s+[A-Z][a-z]+)?)(?![\w-])")
# a short capitalised name in quotes
_QUOTED_NAME = re.compile(rf"[{_QUOTES}](?P<name>{_CAP}(?:\s+[\w'’-]+){{0,5}})[{_QUOTES}]")
# what may stand between two names of a list: the first one's bracket, a comma, 'dan'
_LIST_GAP = re.compile(r"\s*(?:\([^)]*\))?\s*[”\"'’]?\s*(?:,\s*(?:dan|serta)?|\s(?:dan|serta))\s*$")


def _seen_again(prog: Program, doc: Document) -> None:
    """Later sentences that name the programme again by a form the text gave it ('Kelas
    Catin Cerdas (Kacer)' ... 'Kacer digelar di KUA'): who runs it may be told there."""
    seen = {id(x[0]) for x in prog.seen}
    forms = {f for f in [prog.name, *prog.aliases] if len(f) >= 4 and f[0].isupper()}
    for s in doc.sentences:
        if id(s) in seen:
            continue
        for f in sorted(forms, key=len, reverse=True):
            m = re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", s.text)
            if m:
                prog.seen.append((s, s.start + m.start(), s.start + m.end()))
                break


def _pointed_back(programs: list[Program], doc: Document, p: _Patterns) -> None:
    """'Program ini dilaksanakan oleh TP PKK': a sentence opening with a programme noun and a
    demonstrative names the programme last read in the sentence before; who runs or backs
    it may be told there. Nothing is pointed at when the sentence before names none."""
    for before, s in zip(doc.sentences, doc.sentences[1:], strict=False):
        m = p.pointer.match(s.text)
        if not m:
            continue
        named = [(a, prog) for prog in programs for x, a, _ in prog.seen if x is before]
        if named:
            prog = max(named, key=lambda t: t[0])[1]
            prog.seen.append((s, s.start + m.start(1), s.start + m.end(1)))


def _reporting(p: _Patterns, text: str, a: int, b: int) -> bool:
    """A name at [a, b) that data are put into or reports are made with ('memutakhirkan
    data di Sistem ... (Sipantau)', '... (X) untuk mencatat hasil timbang'): a data system."""
    return bool(p.app_data_before.search(text[:a]) or p.app_data_after.match(text[b:]))


def _follows_a_name(s: Sentence, at: int, spans: list[tuple[int, int]]) -> bool:
    """A quote opening at `at` comes right after a programme read in this sentence, with
    only a list's gap between ('... (Kayasa), dan "Sampan Gizi"')."""
    ends = [b - s.start for a, b in spans if s.start <= a and b - s.start <= at]
    return bool(ends) and bool(_LIST_GAP.fullmatch(s.text[max(ends):at]))


# a line that holds only a list's bullet or number ("1.", "b)", "-")
_BULLET_ONLY = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-h][.)]|[-•*▪–])\s*$")


def _list_line(text: str) -> bool:
    """A line of a list or its heading: a bullet alone, a heading ('Intervensi Langsung:')
    or a short line with no full stop ('Kelas ibu hamil rutin'), as lists lose their bullets."""
    end = text.rstrip()[-1:]
    return bool(_BULLET_ONLY.match(text)) or end == ":" or (
        len(text) < 100 and end not in ('.', '!', '?', '"', '”', ''))

_MEETING = re.compile(r"\b(?:rapat|rakor\w*|rembu[kg]|lokakarya|lokmin|musyawarah|sosialisasi|"
                      r"pertemuan)\b", re.IGNORECASE)
