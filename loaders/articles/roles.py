"""Roles from the cues around mentions (guide §5), and what is not participation.

In each sentence a cue binds mentions after it (participant lists: all of them up to the
next cue; other roles: the first) or the mention just before it. `none` cues (thanks,
appeals, plans, target lists) leave what follows them unbound; `absent` marks negated
attendance; representation (X diwakili Y, Y mewakili X) gives both bodies the role.
Mentions inside quoted speech are never bound.
"""

from __future__ import annotations

import re

from graph.model import merge_roles
from loaders.articles.document import Document, Sentence
from loaders.articles.institutions import Mention, last_named
from loaders.articles.meeting import quote_spans
from loaders.articles.vocab import RoleCue, Vocabulary

_REPRESENTATION = ("represented_by", "representing")
# "Pemkab X melalui Dinas Y": the text between the two bodies when the first acts through
# the second
# ("melaui": the press drops a letter of melalui often enough to read it the same)
_THROUGH = re.compile(r"^[^;]{0,80}\b(?:melalui|melaui|lewat)\s*(?:\([^)]*\)\s*)?$")
# a lowercase word with a verb affix: a sentence without one is a bare list of names
# (not the demonstrative and the adjectives that share the prefix: 'Pemateri dalam rembuk
# tersebut dari Dinas X', 'OPD terkait', 'berbagai instansi', 'termasuk dari Bappeda X'
# start no other clause)
_VERB = re.compile(r"\b(?!(?:tersebut|terkait|tertentu|terhadap|termasuk|berbagai|beberapa)\b)"
                   r"(?:me[mnrl]?|di|ber|ter)[a-z]{3,}\b")
# what joins two representatives of one body: "A, S.H. selaku Kanit Binmas serta B"
_JOINED = re.compile(r"[^;]{0,40}?\b(?:serta|dan)\s+[^;]{0,50}?")
# "Dinas X dan Dinas Y menggelar": the bodies a conjunction joins before an organiser verb
_AND = re.compile(r"^[^;,.]{0,40}?\b(?:dan|serta)\s*$")
# "Dinas X (DP3AP2KB) Kabupaten Y bersama Bappeda Y menggelar": a body joined to the subject
# with 'bersama' before an organiser verb holds the meeting with it (the word is no verb)
_WITH = re.compile(r"^[^;,.]{0,50}?\b(?:bersama(?:\s+dengan)?|beserta)\s*$")
# "melalui Dinas Kesehatan, DPMD dan Dinas KB menggelar": a bare comma between two bodies
# continues that list (the walk stops at the first gap that is neither)
_COMMA = re.compile(r"^\s*,\s*$")
_WITH_WORD = re.compile(r"\b(?:bersama|beserta)\b")
# "Wakil Bupati X, NAMA, yang juga Ketua TPPS, memimpin": one person holding two offices,
# so whatever one of them does the other does too (guide §4.5, PEMDA + TPPS)
# (the team's form may hold the chair's title itself: "..., yang juga menjabat sebagai Ketua
# Tim Percepatan Penurunan Stunting", so the title before it is optional)
_ALSO = re.compile(r"^[^;]{0,60}?,\s*yang\s+juga\s+(?:menjabat\s+)?(?:sebagai\s+|selaku\s+)?"
                   r"(?:(?:Ketua|Wakil\s+Ketua|Koordinator)(?:\s+(?:Pelaksana|Harian))?\s*)?$")
# "Wakil Bupati selaku Ketua Percepatan Penurunan Stunting": the same person's team office,
# written right after the title with selaku/sebagai, shares whatever the title does
# (the title's region may stand between: "Wakil Gubernur Provinsi X selaku ...")
# (the person's name and degrees may stand between too: "Wakil Bupati X, Nama, A.Md., selaku")
_AS = re.compile(r"^(?:\s*[A-Z][\w.'-]*){0,4}\s*(?:(?:,\s*[A-Z][^;,]{0,40}?){1,3},\s*)?"
                 r"(?:selaku|sebagai)\s+"
                 r"(?:(?:Ketua|Wakil\s+Ketua|Koordinator)(?:\s+(?:Pelaksana|Harian))?\s+)?$")
# an office given in apposition to a title ('..., selaku Ketua TPPS'), and the comma that
# closes it before the next item of a list
_APPOSITION = re.compile(r"(?:selaku|sebagai)\b", re.IGNORECASE)
_NAMED_AFTER = re.compile(r",\s*(?:dan\s+|serta\s+)?\S")
_QUOTE_MARK = re.compile(r"[”\"]")
# a quote closed right before a speech verb: '..., ” ujarnya'
_QUOTE_END = re.compile(r"[”\"’']\s*,?\s*$")
# what joins a subject's next act to an appeal it made ("Bupati mengajak semua pihak
# bersinergi sekaligus membuka rakor"): the verb after it is the subject's own
_OWN_NEXT = re.compile(r"\b(?:sekaligus|kemudian|lalu|seraya|sambil|sebelum|sesudah|setelah)\b"
                       r"|[,;]\s*(?:dan|serta)?\s*(?:langsung\s+|secara\s+resmi\s+)?$",
                       re.IGNORECASE)
# the conjunction that opens the next item of a list ("..., serta Kabid X yang hadir ...")
_NEXT_ITEM = re.compile(r"\b(?:serta|dan)\s+(?-i:[A-Z])")
# between a subject and its verb: what is planned, asked or required, not done at the meeting
_PLANNED = re.compile(r"\b(?:akan|diminta|dimohon|diharapkan|diimbau|agar|supaya|harus|wajib)\b",
                      re.IGNORECASE)
# "dibuka dr. A yang mewakili Wakil Bupati": standing in is no verb of another clause, so
# the cue before it still reaches the body represented
# (and "digelar Pemkot X melalui DPPKB": the office the body acts through is no other clause)
_STANDS_IN = re.compile(r"\b(?:yang\s+)?(?:hadir\s+)?(?:me|di)wakil(?:i|kan)\b|\bmela(?:l)?ui\b",
                        re.IGNORECASE)
# a membership cue ('terdiri dari', 'beranggotakan'): none alone, the members' kinds after
# an attendance cue of the same sentence
_MEMBERS = re.compile(r"(?:yang\s+)?(?:terdiri\s+(?:dari|atas)|beranggotakan)(?:\s+unsur)?",
                      re.IGNORECASE)
# a participant cue that only joins one more body to the one before it
_JOINS = re.compile(r"(?:bersama(?:\s+dengan)?|beserta|serta)\s*", re.IGNORECASE)
# the passive appeal a joined list is the subject of ('... beserta swasta diajak berkomitmen');
# not 'yang diminta memberikan sambutan', a task at the meeting
_URGED = re.compile(r"[^.;]{0,100}?(?<!yang\s)\b(?:diajak|diminta|diimbau|dihimbau|diharapkan|"
                    r"didorong|diinstruksikan)\b", re.IGNORECASE)
# the ongoing work a joined list is the subject of ('Pemkab bersama Dinas Y dan mitra terus
# menggenjot ...'): a routine told of, not a meeting attended (guide §5.3)
_ONGOING = re.compile(r"[^.;]{0,100}?\b(?:terus|senantiasa|selalu|tak\s+henti(?:-hentinya)?)\s+"
                      r"(?:me[mnrl]?|ber|di)[a-z]{3,}\b", re.IGNORECASE)
_CONTINUES = re.compile(r"\s*(?:Kemudian|Selain\s+itu|Juga|Serta|Dan|Hadir\s+pula|Tampak)\b",
                        re.IGNORECASE)


def assign(doc: Document, mentions: list[Mention], v: Vocabulary,
           title: tuple[int, int] | None) -> None:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    previous_listed = False
    previous_live: list[Mention] = []
    previous_text = ""
    open_quote: int | None = None  # the paragraph whose quoted speech is still open
    role_cues = _online_cues(doc, v, title)
    for s in doc.sentences:
        here = sorted(by_sentence.get(s.start, []), key=lambda m: m.start)
        quotes = [(s.start + a, s.start + b) for a, b in quote_spans(s.text)]
        whole_quote = s.text.lstrip().startswith(("“", '"')) and not quotes
        carried = open_quote == s.paragraph  # speech opened in an earlier sentence
        close = _QUOTE_MARK.search(s.text) if carried else None
        if carried:
            # '"Setiap TPK terdiri atas ... kader PKK," katanya.': the speech goes on up to
            # its closing mark, or through the whole sentence when it has none
            quotes.insert(0, (s.start, s.start + close.start() if close else s.end))
        if whole_quote or carried and close is None:
            open_quote = s.paragraph
        elif carried:
            open_quote = None
        if not here:
            # "Dinas X (DP3AKB) Kabupaten Y." then "Melaksanakan Rembuk Stunting ...": a
            # sentence opening with an organiser verb and no subject of its own goes on
            # from a verbless one naming bodies (the press breaking one sentence in two)
            if previous_live and not _VERB.search(previous_text) and _opens_with_organiser(
                    s.text, v):
                for m in previous_live:
                    m.roles = merge_roles(m.roles, ("organiser",))
            previous_live, previous_text = [], s.text
            # "Rakor diikuti perwakilan Danrem." then "Kepala Dinas Kesehatan, ..." as its own
            # paragraph: a list opened by a participant cue goes on in the next fragment
            # (a verbless item naming no coded body, "• Bidan desa", does not end the list)
            previous_listed = _opens_list(s.text, v) or (
                previous_listed and not _VERB.search(s.text) and len(s.text) < 80)
            # '"...," ujarnya saat menghadiri rakor.': the speaker named before still spoke
            _pronoun_speaker(s, [], _cues_of(s, role_cues), mentions)
            continue
        # '"... diikuti perwakilan Kecamatan, kader posyandu ...," pungkas Kades': attendance
        # the speaker reports is still attendance (cues of binds=quoted)
        reported = [s.start + c.end() for cue in v.roles if cue.binds == "quoted"
                    for c in cue.pattern.finditer(s.text)]
        hoped = [s.start + c.start() for cue in v.roles if cue.role == "none"
                 for c in cue.pattern.finditer(s.text)]
        for m in here:
            inside = [(s.start, s.end)] if whole_quote else [
                (a, b) for a, b in quotes if a <= m.start < b]
            if inside and not any(a <= r <= m.start and not any(a <= h < r for h in hoped)
                                  for a, _ in inside for r in reported):
                m.excluded = True
        live = [m for m in here if not m.excluded]
        previous_live, previous_text = live, s.text
        cues = _cues_of(s, role_cues)
        # drop cues inside a longer cue and cues inside mentions (the "Ketua" of a title)
        kept: list[tuple[int, int, RoleCue]] = []
        for c in cues:
            if any(c[0] < k[1] and k[0] < c[1] and (_side(k[2]) == _side(c[2]) or "absent" in (
                    k[2].role, c[2].role)) for k in kept):
                continue  # "tidak hadir": the negation wins over the 'hadir' inside it
            if any(m.start <= c[0] < m.end for m in here):
                continue
            kept.append(c)
        listed = _bind(live, kept)
        # "Kepala Dinas A dan Kepala Bappeda turut hadir.": a list closed by a participant cue
        # that binds before it is a list too, which the next verbless fragment may continue
        listed = listed or bool(kept) and kept[-1][2].role == "participant" and kept[-1][
            2].binds == "before" and any("participant" in m.roles for m in live if m.end <= kept[
                -1][0]) and not any(m.start >= kept[-1][1] for m in live)
        _pronoun_speaker(s, live, kept, mentions)
        if _elsewhere(s.text, v) and not (title and s.start <= title[0] < s.end):
            # "Rakor semester sebelumnya berlangsung di Aula Dinkes": the sentence tells
            # of another event, so what it names says nothing of who attends this one
            for m in here:
                m.excluded = True
        if previous_listed and (_CONTINUES.match(s.text) and not kept
                                or not _VERB.search(s.text)):
            for m in live:
                if not any(c[1] <= m.start for c in kept):  # before this fragment's own cues
                    m.roles = merge_roles(m.roles, ("participant",))
            listed = True
        previous_listed = listed
    _team_meetings(mentions, v)
    _merged(mentions)
    _two_offices(doc, mentions)
    if title is not None:
        for m in mentions:
            if title[0] <= m.start < title[1] and not m.excluded:
                m.roles = merge_roles(m.roles, ("organiser",))
    _representation(mentions)


def _opens_with_organiser(text: str, v: Vocabulary) -> bool:
    """The sentence's first word is an organiser verb that binds the body before it
    ('Melaksanakan Rembuk Stunting tingkat Kabupaten, ...')."""
    at = len(text) - len(text.lstrip())
    return any(c.role == "organiser" and c.binds == "before" and (
        found := c.pattern.match(text, at)) is not None and found.end() > at for c in v.roles)


# what follows a speech verb when the words were said at the meeting ('ujarnya saat
# menghadiri rakor', 'katanya usai membuka rembuk')
_AT_MEETING = re.compile(r"\s*,?\s*(?:saat|ketika|sewaktu|usai|seusai|selepas|setelah|dalam)\s+"
                         r"(?:(?:ia|dia|beliau)\s+)?(?:menghadiri|mengikuti|membuka|memimpin|"
                         r"hadir\s+(?:di|dalam|pada))\b", re.IGNORECASE)


def _cues_of(s: Sentence, role_cues: list[RoleCue]) -> list[tuple[int, int, RoleCue]]:
    """Every cue written in the sentence, by where it starts (the longer first)."""
    return sorted(((s.start + c.start(), s.start + c.end(), cue)
                   for cue in role_cues if cue.binds != "headline"
                   and cue.role not in ("elsewhere", "current")
                   for c in cue.pattern.finditer(s.text)),
                  key=lambda c: (c[0], -(c[1] - c[0])))


def _opens_list(text: str, v: Vocabulary) -> bool:
    """A sentence naming no body opens a list the next fragments go on with: a participant
    cue binding after, not inside a none cue that starts before it ('langkah-langkah
    penanganan antara lain,' lists steps, not attendees)."""
    nones = [m.span() for cue in v.roles if cue.role == "none" and cue.binds == "after"
             for m in cue.pattern.finditer(text)]
    return any(not any(a <= c.start() < b for a, b in nones)
               for cue in v.roles if cue.role == "participant" and cue.binds == "after"
               for c in cue.pattern.finditer(text))


def _pronoun_speaker(s: Sentence, live: list[Mention], cues: list[tuple[int, int, RoleCue]],
                     mentions: list[Mention]) -> None:
    """'"Data harus diperbarui tiap bulan," ujarnya.': a speech verb with a pronoun after a
    closing quote and no body of its own before it is said by the last person the text
    named with their office; one who took part there also presented."""
    for a, b, cue in cues:
        said = s.text[a - s.start:b - s.start]
        if cue.role != "presenter" or cue.binds != "before" or not said.lower().endswith(
                "nya") or any(m.end <= a for m in live) or not _QUOTE_END.search(
                s.text[:a - s.start]):
            continue
        speaker = last_named(s, mentions)
        if speaker is None or speaker.absent:
            continue
        if _AT_MEETING.match(s.text, b - s.start):
            # '"...," ujarnya saat menghadiri rapat koordinasi ...': said at the meeting the
            # speaker attended, whatever the earlier sentences made of them
            speaker.roles = merge_roles(speaker.roles, ("participant", "presenter"))
            speaker.excluded = False
        elif speaker.roles:
            speaker.roles = merge_roles(speaker.roles, ("presenter",))


def headline_roles(mentions: list[Mention], v: Vocabulary) -> None:
    """'Sekda X Pimpin Rembuk Stunting', 'Babinsa Y Hadiri Musdes': the body the headline
    names right before its verb did what the verb says; other headline names did nothing."""
    cues = [c for c in v.roles if c.binds == "headline"]
    ordered = sorted(mentions, key=lambda m: m.start)
    for i, m in enumerate(ordered):
        text = m.sentence.text
        end = ordered[i + 1].start if i + 1 < len(ordered) else m.sentence.end
        gap = text[m.end - m.sentence.start:end - m.sentence.start]
        hits = sorted((x.start(), cue.role) for cue in cues for x in cue.pattern.finditer(gap))
        if hits and hits[0][0] <= 40 and not re.search(r"[,;:]", gap[:hits[0][0]]):
            m.roles = merge_roles(m.roles, (hits[0][1],))


def _merged(mentions: list[Mention]) -> None:
    """One merged office gives one mention per type it carries (Dinas Kesehatan, PP dan KB:
    DINKES and DINAS_KB), all over the same words: a cue that bound one bound them all."""
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
    for same in (g for g in by_span.values() if len(g) > 1):
        roles: tuple[str, ...] = ()
        for m in same:
            roles = merge_roles(roles, m.roles)
        for m in same:
            m.roles = roles
            m.excluded = all(x.excluded for x in same)


def _two_offices(doc: Document, mentions: list[Mention]) -> None:
    """The official and the team they also lead share their roles."""
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = doc.text[a.end:b.start]
        if a.sentence is b.sentence and not (a.excluded or b.excluded) and (_ALSO.search(gap) or (
                a.type == "PEMDA" and b.type == "TPPS" and _AS.match(gap))):
            roles = merge_roles(a.roles, b.roles)
            a.roles = b.roles = roles


def _online_cues(doc: Document, v: Vocabulary, title: tuple[int, int] | None
                 ) -> list[RoleCue]:
    """The cues of roles.csv with the online ones made absent (before) or none (after):
    a body that follows the meeting online is not present. When the meeting itself is held
    online (its own sentence or the headline says so), following it online is attending,
    and the online cues are dropped."""
    marks = [c.pattern for c in v.roles if c.role == "online" and c.binds == "sentence"]
    told = [s.text for s in doc.sentences if title and s.start <= title[0] < s.end]
    if doc.title:
        told.append(doc.title)
    held_online = any(p.search(t) for p in marks for t in told)
    out = []
    for c in v.roles:
        if c.role != "online":
            out.append(c)
        elif not held_online and c.binds in ("before", "after"):
            out.append(RoleCue(c.pattern, "absent" if c.binds == "before" else "none", c.binds))
    return out


def _elsewhere(text: str, v: Vocabulary) -> bool:
    """The sentence tells of another event (roles.csv, role elsewhere) and not of this
    one ('Rakor ini menindaklanjuti rakor sebelumnya dan dihadiri ...': role current)."""
    def said(role: str) -> bool:
        return any(c.role == role and c.pattern.search(text) for c in v.roles)

    return said("elsewhere") and not said("current")


def _appealed(target: Mention, cue_start: int, cues: list[tuple[int, int, RoleCue]]) -> bool:
    """'Bupati meminta setiap distrik menggelar rakor': an appeal between a subject and an
    organiser's or chair's verb makes the verb what the addressees are asked to do."""
    text, at = target.sentence.text, target.sentence.start
    return any(c[2].role == "none" and target.end <= c[0] < cue_start
               and not _OWN_NEXT.search(text[c[1] - at:cue_start - at]) for c in cues)


def _side(cue: RoleCue) -> str:
    """Where a cue binds: a cue valid inside quoted speech binds after, like the others."""
    return "after" if cue.binds == "quoted" else cue.binds


def _hoped(target: Mention, cues: list[tuple[int, int, RoleCue]]) -> bool:
    """'Ia berharap para kader posyandu dapat menyampaikan ...': the mention is the object of
    a hope, thanks or appeal earlier in its clause, so the verb after it is not what it did."""
    after = [c for c in cues if _side(c[2]) == "after" and c[1] <= target.start]
    return bool(after) and after[-1][2].role == "none" and ";" not in target.sentence.text[
        after[-1][1] - target.sentence.start:target.start - target.sentence.start]


def _team_meetings(mentions: list[Mention], v: Vocabulary) -> None:
    """'menggelar Rapat Koordinasi Tim Percepatan Penurunan Stunting (TPPS)': a meeting named
    after the team is the team's own, so the team organises it (guide §1.1)."""
    families = "|".join(f"(?:{f.pattern.pattern})" for f in v.meeting_families)
    # "Rapat Koordinasi Tahap II Tim ...", "Rakor Semester I TPPS": a stage between the
    # meeting's name and the team's; "Rapat Koordinasi (Rakor) Tim ...": its acronym
    # "rapat koordinasi dan penyusunan rencana kerja TPPS": a second task of the same meeting
    named = re.compile(rf"(?:{families})(?:\s*\([^)]{{1,15}}\))?"
                       rf"(?:\s+dan\s+(?:penyusunan\s+)?(?:rencana\s+kerja|renja|rencana\s+aksi|"
                       rf"evaluasi|monev)(?:\s*\([^)]{{1,15}}\))?)?"
                       rf"(?:\s+(?:Tahap|Semester|Triwulan|Periode|ke-?)\s*"
                       rf"[\w-]+)?(?:\s+Tahun\s+\d{{4}})?\s*$", re.IGNORECASE)
    planned = v.meeting_cues["planned"][1]
    for m in mentions:
        at = m.start - m.sentence.start
        before = m.sentence.text[max(0, at - 60):at]
        # ('Hasil sarasehan akan dibawa ke rapat TPPS kabupaten'): a team meeting still to
        # come is not the one reported
        if m.type == "TPPS" and not m.excluded and named.search(before) and not \
                planned.search(m.sentence.text[:at]):
            m.roles = merge_roles(m.roles, ("organiser",))


def _bind(live: list[Mention], cues: list[tuple[int, int, RoleCue]]) -> bool:
    """Apply one sentence's cues; True when it lists participants."""
    listed = False
    # who gives a report the sentence's subject receives ("Bupati yang menerima laporan dari
    # Kadinkes mengatakan"): they attend, and a speech verb later in the clause is not theirs
    reporters: set[int] = set()
    # a body a contestant represents in a contest ("mewakili Kecamatan Y dalam lomba"): not
    # bound by the cue after it either ("..., turut hadir" is the contestant's)
    contested: set[int] = set()
    after_cues = [(a, b, c) for a, b, c in cues if c.binds in ("after", "quoted")]
    for m in live:
        preceding = [c for c in after_cues if c[1] <= m.start]
        # "Hadir Kapolsek X yang diwakili Kanit Binmas, Danramil Y ...": a representation
        # inside a list does not end it; the list's own cue still binds what follows
        while preceding and preceding[-1][2].role in _REPRESENTATION and len(preceding) > 1:
            preceding = preceding[:-1]
        # "dihadiri para Wabup selaku Ketua TPPS Kabupaten/Kota, Wakil Ketua DPRD ...": a
        # team office written after a listed title describes that item (its chair cue binds
        # the team named right after it); the list's cue still binds the items after it
        while len(preceding) > 1 and _apposed(preceding[-1], m) and any(
                c[2].role == "participant" for c in preceding[:-1]):
            preceding = preceding[:-1]
        if not preceding:
            continue
        a, b, cue = preceding[-1]
        if cue.role == "participant" and _JOINS.fullmatch(
                m.sentence.text[a - m.sentence.start:b - m.sentence.start]) and len(
                preceding) > 1 and preceding[-2][2].role in ("none", "contest") and not \
                _clause_ended(m.sentence.text, preceding[-2][1] - m.sentence.start,
                              a - m.sentence.start, "none"):
            # "akan dilakukan oleh Dinas Sosial bersama Dinas Dukcapil": 'bersama' joins a
            # second body to the first one's plan, it starts no list of attendees
            a, b, cue = preceding[-2]
        if _clause_ended(m.sentence.text, b - m.sentence.start, m.end - m.sentence.start,
                         cue.role):
            continue  # the cue's clause has ended
        if cue.role == "participant" and _JOINS.fullmatch(
                m.sentence.text[a - m.sentence.start:b - m.sentence.start]) and (_URGED.match(
                m.sentence.text, m.end - m.sentence.start) or _ONGOING.match(
                m.sentence.text, m.end - m.sentence.start)):
            # "seluruh TPPS beserta swasta dan akademisi diajak ...": urged, not met;
            # "... bersama Dinas Y terus mendampingi ...": ongoing work, not met
            continue
        if cue.role == "none" and _MEMBERS.fullmatch(
                m.sentence.text[a - m.sentence.start:b - m.sentence.start]) and any(
                c[2].role == "participant" for c in preceding[:-1]):
            # "Rapat diikuti ... anggota TPPS yang terdiri dari unsur SKPD, perguruan tinggi":
            # the kinds of members listed after an attendance cue are who attended
            # (a membership description alone, in an explainer, stays none: guide 5.3)
            m.roles = merge_roles(m.roles, ("participant",))
            listed = True
            continue
        if cue.role in ("none", "contest"):
            m.excluded = m.excluded or not m.roles
            if cue.role == "contest":
                contested.add(id(m))
            continue
        if cue.role in _REPRESENTATION:
            continue
        if cue.role == "reporter":
            m.roles = merge_roles(m.roles, ("participant",))
            reporters.add(id(m))
            continue
        if cue.role != "participant" and _VERB.search(_STANDS_IN.sub(
                "", m.sentence.text[b - m.sentence.start:m.start - m.sentence.start])):
            continue  # "menerima laporan ... membawa anak ke Posyandu": another clause's object
        between = [x for x in live if b <= x.start < m.start]
        if cue.role in ("participant", "presenter", "organiser") or not between or all(
                x.start == m.start for x in between):
            m.roles = merge_roles(m.roles, (cue.role,))
            listed = listed or cue.role == "participant"
    described: dict[int, int] = {}  # mention -> where the description of its duties ends
    for a, b, cue in cues:
        before = [m for m in live if m.end <= a and id(m) not in contested and not (
            cue.role != "participant" and id(m) in reporters)]
        if cue.role in _ACTS:
            before = _without_companions(before, a, cues)
        after = [m for m in live if m.start >= b]
        if cue.binds == "before" and before and cue.role == "participant" and not (
                _hoped(before[-1], cues) or _PLANNED.search(_gap(before[-1], a, cues))):
            # (not 'akademisi dan dunia usaha harus ikut hadir' nor 'berharap ... turut
            # hadir': a list asked or hoped to attend, not one that attended)
            # "Polres X melalui Waka Polres bersama Kapolsek membahas": an earlier participant
            # cue joins subjects, it does not start a new clause
            clause = max([x[1] for x in cues if x[1] <= a and x[2] is not cue
                          and x[2].role not in ("participant", "contest")] + [
                before[0].sentence.start + before[0].sentence.text.rfind(";", 0, a - before[
                    0].sentence.start) + 1])
            for target in [x for x in before if x.start >= clause] or before[-1:]:
                target.roles = merge_roles(target.roles, ("participant",))
                target.excluded = False
        elif cue.binds == "before" and before and cue.role == "none":
            # "TPK bertugas memberikan penyuluhan": the body's duties are described, so the
            # verbs after the description in its clause are not what it did at the meeting
            target = before[-1]
            described[id(target)] = b
            if _said_of(target, live, cues):
                # "Menurut Kadinkes, TPK bertugas ...": the speaker is the one named after the
                # speech cue; the body described after the comma is what is spoken of
                target.roles = tuple(r for r in target.roles if r != "presenter")
            target.excluded = target.excluded or not target.roles
        elif cue.binds == "before" and before and (_described(before[-1], a, described) or _hoped(
                before[-1], cues) or cue.role in ("organiser", "chair", "opened", "participant")
                and _appealed(before[-1], a, cues)):
            continue
        elif cue.binds == "before" and before and cue.role != "absent" and _PLANNED.search(
                _gap(before[-1], a, cues)):
            continue  # "Kepala Puskesmas akan rutin menyampaikan": a plan, not the meeting
        elif cue.binds == "before" and before:
            target = before[-1]
            if cue.role not in ("none", "absent", *_REPRESENTATION):
                # "Pemkab X melalui Dinas Y menggelar ...": both organise (guide §5.1);
                # "Kapolres X, AKBP Y, melalui Kapolsek Z menyampaikan": both speak;
                # "Pemkab X melalui BKKBN ... dan Dinas Y menggelar": all three organise
                for j in range(len(before) - 2, -1, -1):
                    gap = target.sentence.text[before[j].end - target.sentence.start:
                                               before[j + 1].start - target.sentence.start]
                    joined = cue.role == "organiser" and (_AND.search(gap) or _COMMA.match(
                        gap)) and not _VERB.search(gap)
                    joined = joined or cue.role == "organiser" and bool(_WITH.search(
                        gap)) and not _VERB.search(_WITH_WORD.sub("", gap))
                    # "Para camat dan kepala puskesmas memaparkan capaian": the two subjects a
                    # conjunction joins before a speech verb both speak
                    joined = joined or cue.role == "presenter" and bool(
                        _AND.search(gap)) and not _VERB.search(gap)
                    # a merged office's types share one span ("Dinsos P3APPKB"): no gap
                    same = before[j].start == before[j + 1].start
                    if not (_THROUGH.search(gap) or joined or same):
                        break
                    before[j].roles = merge_roles(before[j].roles, (cue.role,))
                    before[j].excluded = False
            if cue.role == "absent":
                # "Bhabinkamtibmas ..., serta Kabid Polda NTB yang hadir secara virtual": a
                # conjunction before the cue starts another item, whose absence it tells
                target.absent = target.absent or not _NEXT_ITEM.search(
                    target.sentence.text[target.end - target.sentence.start:
                                         a - target.sentence.start])
            elif cue.role not in ("none", "represented_by", "representing"):
                target.roles = merge_roles(target.roles, (cue.role,))
                target.excluded = False
        elif cue.binds == "sentence":
            for m in live:
                m.roles = merge_roles(m.roles, (cue.role,))
        if cue.role == "represented_by" and before and not after and not _VERB.search(
                before[-1].sentence.text[before[-1].end - before[-1].sentence.start:
                                         a - before[-1].sentence.start]):
            # "Dandim 1420 yang diwakili oleh Peltu A": a person with no office of their own
            # stands in, and the body represented still takes part (guide §5.2)
            before[-1].roles = merge_roles(before[-1].roles, ("participant",))
            before[-1].excluded = False
        if cue.role in _REPRESENTATION and before and after:
            before[-1].roles = merge_roles(before[-1].roles, ("participant",))
            # "Polsek X diwakili Kanit Binmas serta Bhabinkamtibmas": every representative
            delegates = after[:1]
            if len(after) > 1 and _JOINED.fullmatch(
                    after[0].sentence.text[after[0].end - after[0].sentence.start:
                                       after[1].start - after[0].sentence.start]):
                delegates.append(after[1])
            for d in delegates:
                before[-1].represents.append(d)
                d.represents.append(before[-1])
                d.excluded = False
        elif cue.role == "representing" and not before and len(after) > 1 and not _VERB.search(
                after[0].sentence.text[after[0].end - after[0].sentence.start:
                                       after[1].start - after[0].sentence.start]):
            # "Hadir mewakili Polsek X, Bhabinkamtibmas Y ...": the body represented comes
            # first, its representative next
            after[0].roles = merge_roles(after[0].roles, ("participant",))
            after[0].represents.append(after[1])
            after[1].represents.append(after[0])
            after[0].excluded = after[1].excluded = False
        elif cue.role == "representing" and not before and after and re.fullmatch(
                r"\s*", after[0].sentence.text[b - after[0].sentence.start:
                                               after[0].start - after[0].sentence.start]):
            # "Dalam kesempatan itu, Kasi Kesra yang mewakili Camat X meminta ...": someone
            # with no office the text names stands in, and the body represented is present
            # through them (guide §5.2)
            after[0].roles = merge_roles(after[0].roles, ("participant",))
            after[0].excluded = False
    return listed


# the roles a subject takes by its own verb, which a companion named between it and the verb
# does not take ('Bupati X, didampingi Ketua TP PKK Y, memimpin rembuk')
_ACTS = ("organiser", "chair", "opened", "presenter")
# a companion cue: who is accompanied is the subject written before it
_ACCOMPANIED = re.compile(r"di\s?(?:dampingi|temani)\b", re.IGNORECASE)


def _without_companions(before: list[Mention], at: int, cues: list[tuple[int, int, RoleCue]]
                        ) -> list[Mention]:
    """The mentions before a verb at `at` less the companions of its subject: those named
    after a 'didampingi (oleh)' that follows the subject, with no verb between them and the
    verb ('Bupati X, didampingi oleh Ketua TP PKK Y, memimpin ...': the Bupati chairs)."""
    if not before:
        return before
    text, base = before[-1].sentence.text, before[-1].sentence.start
    for c0, c1, cue in reversed(cues):
        if c1 > before[-1].start or c0 < before[0].end:
            continue
        if cue.role != "participant" or not _ACCOMPANIED.match(text, c0 - base):
            continue
        subject = [m for m in before if m.end <= c0]
        if subject and not _VERB.search(text[c1 - base:at - base]) and not _VERB.search(
                text[subject[-1].end - base:c0 - base]):
            return subject
        break
    return before


# what ends a description of duties before a later verb: a clause break
_VERB_BREAK = re.compile(r"[;:]|,\s+(?:lalu|kemudian|selanjutnya|dan\s+kemudian)\b|\.\s")


def _said_of(target: Mention, live: list[Mention], cues: list[tuple[int, int, RoleCue]]) -> bool:
    """A presenter cue binds after it, and another body stands between the cue and `target`
    with a comma after it ('Menurut Kepala Dinas Kesehatan, TPK ...')."""
    said = [c for c in cues if c[2].role == "presenter" and _side(c[2]) == "after"
            and c[1] <= target.start]
    if not said:
        return False
    base = target.sentence.start
    return any(said[-1][1] <= m.start and m.end <= target.start and "," in
               target.sentence.text[m.end - base:target.start - base]
               for m in live if m is not target)


def _described(target: Mention, at: int, described: dict[int, int]) -> bool:
    """The mention's duties are described between it and a cue at `at` ('TPK bertugas
    memberikan penyuluhan'), with no clause break in between."""
    end = described.get(id(target))
    base = target.sentence.start
    return end is not None and end <= at and not _VERB_BREAK.search(
        target.sentence.text[end - base:at - base])


def _apposed(cue: tuple[int, int, RoleCue], m: Mention) -> bool:
    """A chair cue in apposition ('selaku Ketua TPPS') before `m`, with a comma between
    them: `m` is a later item of the list, not the team the cue names."""
    a, b, c = cue
    text, base = m.sentence.text, m.sentence.start
    return c.role == "chair" and bool(_APPOSITION.match(text, a - base)) and bool(
        _NAMED_AFTER.search(text, b - base, m.start - base))


def _gap(m: Mention, at: int, cues: list[tuple[int, int, RoleCue]]) -> str:
    """The text between mention `m` and a cue at `at`, without the aside of a contest cue
    (", yang akan mewakili Kabupaten X dalam lomba ..., turut hadir": the plan is the
    contest's, not a plan to attend)."""
    text, base = m.sentence.text, m.sentence.start
    out, start = "", m.end
    for a, b, cue in sorted(cues, key=lambda c: c[0]):
        if cue.role != "contest" or not (m.end <= a < at):
            continue
        comma = text.find(",", b - base, at - base)
        out += text[start - base:a - base]
        start = base + comma if comma >= 0 else at
    return out + text[start - base:at - base]


def _clause_ended(text: str, cue_end: int, mention_end: int, role: str) -> bool:
    """A semicolon between a cue and a mention ends the cue's clause, except between the
    items of a participant list ("Hadir ... perangkat daerah terkait; Pusat Riset X; utusan
    Kantor Kemenag"): there the items after the semicolons, up to the one holding the
    mention, are names with no verb of their own."""
    first = text.find(";", cue_end, mention_end)
    if first < 0:
        return False
    if role != "participant":
        return True
    item_end = text.find(";", mention_end)
    return bool(_VERB.search(text[first:item_end if item_end >= 0 else len(text)]))


def _representation(mentions: list[Mention]) -> None:
    """X diwakili Y / Y mewakili X: both take part, with each other's roles."""
    for m in mentions:
        for other in m.represents:
            roles = merge_roles(m.roles, other.roles) or ("participant",)
            if m.absent and not other.absent:
                m.absent = False
            m.roles = roles
            other.roles = merge_roles(other.roles, roles)


def took_part(m: Mention) -> bool:
    return bool(m.roles) and not m.excluded and not m.absent
