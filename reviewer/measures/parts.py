"""The message's parts: who is calling, from where, why, and what to do next, read from the parse
of what was said (measures/language.py: spaCy's tags, entities, sentences and dependencies).

The grammar of a voicemail's parts is small ("this is <name>", "<name> here from <company>", an
ask addressed to the prospect, a statement about them), but the words that fill it are anyone's.
So the places are found by their grammar, and what fills a place is judged by the parse: a name
is a proper noun or a PERSON, not "please"; a company a proper noun or an ORG, not "sale"; a
reason a sentence with concrete content (what happened to them, what they get), not a check-in
("touch base", "see how things are going"). A place said with nothing plausible in it is kept as
`garbled`: likely misheard, to be quoted, not blamed. Words are matched in lower case with fillers
removed, so Whisper's casing and commas never decide alone.

Teams add their own phrases in the `--config` TOML (Thresholds fields `extra_*_cues`,
`extra_weak_phrases`): a literal phrase, any case, that counts when it is heard.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.measures.ask import find_call_to_action, find_next_step
from reviewer.measures.history import find_no_firm_needed
from reviewer.measures.number.digits import DIGIT_WORDS
from reviewer.measures.reason import find_reason
from reviewer.measures.tokens import Cue, Tokens, clean, cue, find_phrase, tokens_from_text, tokens_from_transcript

__all__ = [
    "Cue",
    "Tokens",
    "GREETINGS",
    "tokens_from_transcript",
    "tokens_from_text",
    "find_name",
    "name_place",
    "find_company",
    "find_reason",
    "find_call_to_action",
    "find_next_step",
    "find_no_firm_needed",
    "find_weak_phrases",
    "WEAK_PHRASES",
]

GREETINGS = frozenset("hi hello hey dear morning afternoon evening".split())
UNSURE_SLOT = 0.4  # Whisper's probability under which a word in a name's place after "it's", "I'm" is misheard
OPENING_TOKENS = 30  # where an introduction is looked for: the first words (a name said late is still found)

# Words that fill a name's or a company's place and are neither ("this is just ...", "from home").
_NOT_NAME = frozenset(
    """
    a an the just calling reaching following sorry so really very glad happy sure not going trying hoping looking
    about regarding your you me my our we us it this that these those here there back again also still only quick
    excited interested wondering checking touching sending leaving getting giving great good fine well okay ok
    hi hello hey ten important urgent time been being done available free open able all both some any no yes
    name what who how when where why because if and or but then than as now today tomorrow new big small thanks
    thank kind sort like someone somebody anybody anyone everyone nobody his her their its he she they them i
    """.split()
) | frozenset(DIGIT_WORDS)
_NOT_COMPANY = _NOT_NAME | frozenset(
    """
    home work office here there town regard regards least last first all around across behind everything anything
    something nothing people companies teams team customers clients folks other others monday tuesday wednesday
    thursday friday saturday sunday morning afternoon evening night noon
    """.split()
)
# Lower-case words that belong to a company's name ("Apex software", "bluepath travel").
_COMPANY_TAIL = frozenset(
    """
    software solutions systems group inc llc ltd co company corp partners insurance roofing solar freight logistics
    labs technologies tech consulting services health financial bank realty homes energy media marketing travel
    """.split()
)
_NAME_FRAMES = (
    "this is",
    "my name is",
    "my name's",
    "the name is",
    "the name's",
    "name's",
    "i'm",
    "i am",
    "it's",
    "it is",
)
_STRONG_FRAMES = ("this is", "my name", "the name", "name's")
_STRONG_NAME_FRAMES = tuple(f for f in _NAME_FRAMES if f.startswith(_STRONG_FRAMES))
_COMPANY_FRAMES = ("from", "with", "at", "over at", "here at", "on behalf of")
# A company said straight after the caller's name: "Steve Weinberg of Acme Chemicals".
_NAMED_FIRM_FRAMES = ("of", "representing")
# Where a caller says they call from that is no company: "calling from my cell".
_MY_PLACES = frozenset("cell mobile phone car desk house kitchen laptop computer own end side".split())
_NAME_POS = ("PROPN", "NOUN", "X", "INTJ", "ADJ")  # what may fill a name's place, to be judged


def _frame_at(tokens: Tokens, frames: Sequence[str], i: int) -> int:
    """The number of words of the first frame that starts at token i, else 0."""
    for frame in frames:
        words = frame.split()
        if tuple(t.low for t in tokens.toks[i : i + len(words)]) == tuple(words):
            return len(words)
    return 0


def _name_like(tokens: Tokens, k: int, parsed: list, loose: bool) -> bool:
    """A word that can be a name: a proper noun or PERSON, or (`loose`, after "this is") any
    uncommon word with no determiner; never a common function word or a digit."""
    tok, w = tokens.toks[k], parsed[k]
    if tok.low in _NOT_NAME or not re.fullmatch(r"[a-z][a-z'-]*", tok.low) or w is None:
        return False
    if w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or w.pos_ == "PROPN" or tok.text[:1].isupper():
        return w.pos_ not in ("VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "NUM", "INTJ")
    return loose and w.pos_ in ("NOUN", "X", "ADJ") and not w.is_stop


def _greeted(tokens: Tokens, k: int) -> bool:
    """The prospect's own name after a greeting ("Hi Tom, ..."), unless it introduces ("Hi, Tom here")."""
    toks = tokens.toks
    if k == 0 or toks[k - 1].low not in GREETINGS or toks[k - 1].mark:
        return False
    if toks[k].mark:
        return True  # "Hi Tom, calling from ...": the comma closes the greeting
    return not (k + 1 < len(toks) and toks[k + 1].low in ("here", "calling", "from", "with"))


def _surname(tokens: Tokens, k: int, parsed: list) -> int:
    """The end of a name that starts at k: its surname too when one follows ("Bob DeGroot")."""
    j = k + 1
    if j < len(tokens.toks) and not tokens.toks[k].mark and tokens.toks[j].text[:1].isupper():
        if _name_like(tokens, j, parsed, loose=False) and tokens.toks[j].low not in _COMPANY_TAIL:
            j += 1
    return j


def _named_by_frame(tokens: Tokens, parsed: list) -> Cue | None:
    """ "this is Kevin", "my name's Dana", "I'm Bob DeGroot with": the place, and who fills it; a
    strong frame in the opening filled by no name is kept as garbled ("this is please")."""
    toks, garbled = tokens.toks, None
    for i in range(len(toks)):
        n = _frame_at(tokens, _NAME_FRAMES, i)
        k = i + n
        if not n or k >= len(toks):
            continue
        frame = " ".join(t.low for t in toks[i:k])
        strong = frame.startswith(_STRONG_FRAMES)
        then = " ".join(t.low for t in toks[k + 1 : k + 3])
        introduces = not toks[k].mark and bool(re.match(r"(?:from|with|at|here|over at|calling|on behalf)\b", then))
        if _name_like(tokens, k, parsed, loose=strong or introduces):
            j = _surname(tokens, k, parsed)
            return cue(tokens, "name", i, j, tokens.said(k, j), (k, j))
        w = parsed[k]
        if garbled is None and k < OPENING_TOKENS and w is not None:
            # "this is please", "it's scary" (Gary, heard unsure), "this is my Kelly": a name's place
            nominal = w.pos_ in _NAME_POS and (strong or toks[k].probability < UNSURE_SLOT)
            owned = strong and w.pos_ in ("PRON", "DET") and k + 1 < len(toks) and toks[k + 1].text[:1].isupper()
            if nominal or owned:
                j = k + 2 if owned else k + 1
                garbled = cue(tokens, "name", i, j, tokens.said(k, j), (k, j), garbled=True)
    return garbled


def _named_here(tokens: Tokens, parsed: list) -> Cue | None:
    """ "Priya here from ...", "Jordan calling from ...", "Hi, Priya here."."""
    toks = tokens.toks
    for k in range(len(toks) - 1):
        nxt = toks[k + 1].low
        after = toks[k + 2].low if k + 2 < len(toks) else ""
        here = nxt == "here" and (
            after in _COMPANY_FRAMES or after in ("at", "calling") or toks[k + 1].mark or k + 2 == len(toks)
        )
        calling = nxt == "calling" and after in ("from", "with", "at")
        if not (here or calling) or _greeted(tokens, k):
            continue
        introduces = calling or after in _COMPANY_FRAMES or after in ("at", "calling")
        if not _name_like(tokens, k, parsed, loose=introduces):  # "Priya here." alone: a proper noun
            w = parsed[k]  # "prior here from", "noticeably calling from": a name's place, misheard
            if introduces and w is not None and w.pos_ in _NAME_POS + ("ADV",) and toks[k].low not in _NOT_NAME:
                return cue(tokens, "name", k, k + 2, toks[k].text, (k, k + 1), garbled=True)
            continue
        i = k - 1 if k > 0 and not toks[k - 1].mark and _name_like(tokens, k - 1, parsed, loose=False) else k
        i = k if i < k and _greeted(tokens, i) else i  # "Marcus Reed calling", not "Hi Tom calling"
        return cue(tokens, "name", i, k + 2, tokens.said(i, k + 1), (i, k + 1))
    return None


def _named_before_company(tokens: Tokens, parsed: list) -> Cue | None:
    """A proper noun that opens a clause in the opening, right before "from"/"with" and a company,
    with no verb: "Hey Priya, Jordan from Frontal." (the parse may call "Jordan" a place)."""
    toks = tokens.toks
    for k in range(min(len(toks), OPENING_TOKENS)):
        opens = k == 0 or bool(toks[k - 1].mark) or toks[k - 1].low in GREETINGS
        if not opens or _greeted(tokens, k) or not _name_like(tokens, k, parsed, loose=False):
            continue
        j = _surname(tokens, k, parsed)
        at = j + 1 if j < len(toks) and toks[j].low == "is" and not toks[j - 1].mark else j  # "MarcoD is from"
        if at < len(toks) and toks[at].low in ("from", "with") and not toks[j - 1].mark:
            if _company_run(tokens, at + 1, parsed, loose=False) > at + 1:
                return cue(tokens, "name", k, j, tokens.said(k, j))
    return None


def _verbless_company(tokens: Tokens, j: int) -> tuple[int, int] | None:
    """Proper nouns from token j to their sentence's end, right after a name, with no verb: the
    company of "Hi Dana, Priya Shah Liberty Bancard." (Whisper ran "from" into the name)."""
    toks, parsed = tokens.toks, tokens.parsed
    if j == 0 or j >= len(toks) or toks[j - 1].mark:
        return None
    k = j
    while k < len(toks) and k < j + 4 and parsed[k] is not None and parsed[k].pos_ == "PROPN":
        k += 1
        if toks[k - 1].mark in (".", "!", "?"):
            return (j, k)
    return None


def _named_in_a_run(tokens: Tokens, parsed: list) -> Cue | None:
    """A sentence of the opening that is only proper nouns, three to six, after the greeting:
    "Hi Dana, Priya Shafran Liberty Bancard." A name and a company with no verb, which the
    entities split anywhere: the first two are taken as the name, the rest as the company."""
    toks = tokens.toks
    for k in range(min(len(toks), OPENING_TOKENS)):
        if not (k == 0 or toks[k - 1].mark) or _greeted(tokens, k) or parsed[k] is None:
            continue
        j = k
        while j < len(toks) and j < k + 6 and parsed[j] is not None and parsed[j].pos_ == "PROPN":
            j += 1
            if toks[j - 1].mark:
                break
        if j - k >= 3 and toks[j - 1].mark in (".", "!", "?") and all(not t.mark for t in toks[k : j - 1]):
            return cue(tokens, "name", k, k + 2, tokens.said(k, k + 2))
    return None


def _named_in_opening(tokens: Tokens, parsed: list) -> Cue | None:
    """A PERSON said in the opening, with no verb, beside a company: "Dana Reyes, Northwind Software"."""
    for ent in tokens.doc.ents:
        k = tokens.at(ent[0])
        if ent.label_ != "PERSON" or k >= OPENING_TOKENS or _greeted(tokens, k):
            continue
        j = tokens.at(ent[-1]) + 1
        near = tokens.toks[j : j + 3] if tokens.toks[j - 1].mark not in (".", "!", "?") else ()  # this sentence
        by_company = (
            any(w.ent_type_ == "ORG" for w in tokens.doc[ent.end : ent.end + 4])
            or any(t.low in ("from", "with", "at") for t in near)
            or _verbless_company(tokens, j) is not None
        )
        if by_company:
            return cue(tokens, "name", k, j, tokens.said(k, j))
    return None


def find_name(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """Who is calling: by an introduction's grammar, or a PERSON beside a company in the opening;
    a name's place filled by no name comes back `garbled`, so a sure name said later wins."""
    if not tokens.toks:
        return find_phrase(tokens, "name", extra)
    parsed = tokens.parsed
    framed = _named_by_frame(tokens, parsed)
    found = [
        c
        for c in (
            framed,
            _named_here(tokens, parsed),
            _named_in_opening(tokens, parsed),
            _named_before_company(tokens, parsed),
            _named_in_a_run(tokens, parsed),
        )
        if c
    ]
    sure = sorted((c for c in found if not c.garbled), key=lambda c: c.first)
    if sure:
        return sure[0]
    garbled = sorted((c for c in found if c.garbled), key=lambda c: c.first)
    return find_phrase(tokens, "name", extra) or (garbled[0] if garbled else None)


def name_place(tokens: Tokens) -> Cue | None:
    """The first strong introduction in the opening ("this is ...", "my name is ...") with the
    words that fill it (up to two, to the clause's end), whatever they are: at phone quality a
    name in it comes out as common words ("this is a lord" for "this is Laura"), `garbled`."""
    toks = tokens.toks
    for i in range(min(len(toks), OPENING_TOKENS)):
        k = i + _frame_at(tokens, _STRONG_NAME_FRAMES, i)
        if k == i or k >= len(toks):
            continue
        j = k + 1 if toks[k].mark or k + 1 >= len(toks) else k + 2
        return cue(tokens, "name", i, j, tokens.said(k, j), (k, j), garbled=True)
    return _place_before_company(tokens)


def _place_before_company(tokens: Tokens) -> Cue | None:
    """The words of the opening's first sentence right before "from <company>" ("Hi Dana, for you
    to shop from Liberty Bancard" for "Priya Shah from"): where a name goes, `garbled`."""
    toks, parsed = tokens.toks, tokens.parsed
    for k in range(1, min(len(toks), OPENING_TOKENS)):
        if (
            toks[k].low not in ("from", "with")
            or toks[k - 1].mark
            or _company_run(tokens, k + 1, parsed, False) <= k + 1
        ):
            continue
        i = k
        while i > 0 and k - i < 4 and not toks[i - 1].mark and toks[i - 1].low not in GREETINGS:
            i -= 1
        slot = toks[i:k]  # "calling from Apex" has no name's place: only words that are never names
        if (
            slot
            and any(t.low not in _NOT_NAME for t in slot)
            and (i == 0 or toks[i - 1].mark or toks[i - 1].low in GREETINGS)
        ):
            return cue(tokens, "name", i, k, tokens.said(i, k), garbled=True)
        return None
    return None


def _company_run(tokens: Tokens, k: int, parsed: list, loose: bool) -> int:
    """The end of a company's name starting at k (k itself when none): proper nouns, an ORG, or
    (`loose`, right after the caller's name) any uncommon word, with its tail ("software")."""
    toks = tokens.toks

    def companyish(i: int, first: bool) -> bool:
        tok, w = toks[i], parsed[i]
        named_my = first and tok.text in ("My", "Our") and i + 1 < len(toks) and toks[i + 1].text[:1].isupper()
        if named_my and not tok.mark:  # "from My Reverse Options": a company named so, written capitalised
            return True
        if w is None or tok.low in _NOT_COMPANY or tok.low.isdigit() or not re.match(r"[a-z0-9]", tok.low):
            return False
        if w.ent_type_ in ("ORG", "PRODUCT", "GPE", "PERSON", "FAC") or w.pos_ == "PROPN" or tok.text[:1].isupper():
            return w.pos_ not in ("VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "INTJ")
        return (first and loose and w.pos_ in ("NOUN", "X", "ADJ") and not w.is_stop) or (
            not first and tok.low in _COMPANY_TAIL
        )

    j = k
    while j < len(toks) and j < k + 4 and companyish(j, j == k) and (j == k or not toks[j - 1].mark):
        j += 1
    return j


def find_company(tokens: Tokens, name: Cue | None = None, extra: Sequence[str] = ()) -> Cue | None:
    """ "from Apex Software", "with Bluepeak", "over at Northwind", "Dana Reyes, Northwind
    Software": a company's place filled by a proper noun or an ORG; right after the caller's name,
    any uncommon word ("this is dana from apex"). A place after the name filled by nothing that
    can be a company comes back `garbled` ("from sale")."""
    found = find_phrase(tokens, "company", extra)
    if found is not None or not tokens.toks:
        return found
    toks, parsed, garbled = tokens.toks, tokens.parsed, None
    for i in range(len(toks)):
        n = _frame_at(tokens, _COMPANY_FRAMES, i)
        if not n and name is not None and i == name.last and not toks[i - 1].mark:
            n = _frame_at(tokens, _NAMED_FIRM_FRAMES, i)  # "Steve Weinberg of Acme Chemicals"
        k = i + n
        after_name = name is not None and not name.garbled and 0 <= i - name.last <= 3
        if not n or k >= len(toks):
            continue
        j = _company_run(tokens, k, parsed, loose=after_name)
        if j > k:
            return cue(tokens, "company", i, j, tokens.said(k, j), (k, j))
        near_name = (
            name is not None
            and 0 <= i - name.last <= 3
            and not any(
                t.mark and t.mark in ".!?" for t in toks[name.last - 1 : i]
            )  # "Priya Shah. We spoke ... at the"
        )
        introduced = i > 0 and toks[i - 1].low in ("calling", "here")  # "calling from the hot rooms"
        my_run = (  # "calling from my reverse options": a company named "My ..." heard in lower case
            toks[k].low in ("my", "our") and k + 1 < len(toks) and toks[k + 1].low not in _NOT_COMPANY | _MY_PLACES
        )
        if (
            (near_name or introduced)
            and garbled is None
            and parsed[k] is not None
            and (parsed[k].pos_ in _NAME_POS + ("DET",) or my_run)
        ):
            end = k + 1
            while my_run and end < min(len(toks), k + 4) and not toks[end - 1].mark:
                end += 1  # quote the whole "my reverse options"
            garbled = cue(tokens, "company", i, end, tokens.said(k, end), (k, end), garbled=True)
    if name is not None and not name.garbled and (run := _verbless_company(tokens, name.last)) is not None:
        return cue(tokens, "company", run[0], run[1], tokens.said(*run))  # "Priya Shah Liberty Bancard."
    if name is not None and not name.garbled:  # "Dana Reyes, Northwind Software": an ORG beside the name
        for ent in tokens.doc.ents:
            k = tokens.at(ent[0])
            if ent.label_ == "ORG" and 0 <= k - name.last <= 2:
                j = tokens.at(ent[-1]) + 1
                return cue(tokens, "company", k, j, tokens.said(k, j))
    return garbled


# An apology, whatever follows it: RUBRIC.md's "no apology" ("Sorry I missed you", "apologies for the delay").
APOLOGY_WORDS = frozenset("sorry apologies apologize apologise apologizing apologising".split())
# Apologies, empty openers and hedged asks: they give the prospect no reason to call back.
WEAK_PHRASES = (
    "sorry to bother",
    "sorry to disturb",
    "just checking in",
    "checking in",
    "just wanted to",
    "just calling to",
    "just reaching out",
    "just following up",
    "touching base",
    "touch base",
    "i know you're busy",
    "hope i'm not",
    "i was just wondering",
    "just wondering",
    "hope this finds you",
)


# Verbs of the rep's own getting in touch that "just" shrinks ("I'm just calling", "just circling
# back", "just following up on the estimate"): LABELS in eval/public lists "just" there as weak.
_JUST_VERBS = frozenset("call ring phone reach touch check follow circle want wonder drop ping connect".split())


def find_weak_phrases(tokens: Tokens, extra: Sequence[str] = ()) -> list[Cue]:
    """Every weak phrase heard, in time order; a phrase inside a longer one found is not listed twice."""
    found: list[Cue] = []
    taken: set[int] = set()
    for phrase in sorted({*WEAK_PHRASES, *(p.lower() for p in extra)}, key=len, reverse=True):
        words = " ".join(clean(w).lower() for w in phrase.split() if clean(w))
        for m in re.finditer(rf"(?<!\S){re.escape(words)}(?!\S)", tokens.text):
            i, j = tokens.span(m.start(), m.end())
            if taken & set(range(i, j)):
                continue
            taken |= set(range(i, j))
            found.append(cue(tokens, "weak_phrase", i, j, words))
    for k, tok in enumerate(tokens.toks):  # an apology in any words: "Sorry I missed you", "apologies for"
        if tok.low in APOLOGY_WORDS and k not in taken:
            j = k + 1
            while j < len(tokens.toks) and j < k + 4 and not tokens.toks[j - 1].mark:
                j += 1
            taken |= set(range(k, j))
            said = " ".join(t.low for t in tokens.toks[k:j])
            found.append(cue(tokens, "weak_phrase", k, j, said))
    for w in tokens.doc:  # "just" shrinking the rep's own call, in any words: "just circling back"
        if w.lower_ != "just" or w.dep_ != "advmod" or w.head.lemma_.lower() not in _JUST_VERBS or w.head.i <= w.i:
            continue
        subject = next((c.lower_ for c in w.head.children if c.dep_ == "nsubj"), "i")  # "Just calling": the rep
        if subject in ("i", "we"):  # not the prospect's call: "can you just call me back?"
            k, j = tokens.at(w), tokens.at(w.head) + 1
            if j - k <= 3 and not taken & set(range(k, j)):
                taken |= set(range(k, j))
                found.append(cue(tokens, "weak_phrase", k, j, " ".join(t.low for t in tokens.toks[k:j])))
    return sorted(found, key=lambda c: c.first)
