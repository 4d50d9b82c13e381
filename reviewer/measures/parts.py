"""The message's parts: who is calling, from where, why, and what to do next.

One module for every reader of a message's wording: the structure checks (rubric/parts.py) and
the script comparison (script.py). Patterns are matched on the spoken words with fillers and
punctuation removed and in lower case ("This is, uh, Kevin" and "...so this is kevin" read
alike), so Whisper's casing and commas do not decide a verdict. Capital letters are used only
as extra evidence that a word is a name, never as the cue itself.

Teams add their own phrases in the `--config` TOML (Thresholds fields `extra_*_cues`,
`extra_weak_phrases`): a literal phrase, any case, that counts when it is heard.

Each match keeps the words heard, so a passing check can quote its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.measures.fillers.transcript import is_filler_word
from reviewer.measures.number.digits import DIGIT_WORDS
from reviewer.recognition.words import Transcript

__all__ = [
    "Cue",
    "Tokens",
    "tokens_from_transcript",
    "tokens_from_text",
    "find_name",
    "find_company",
    "find_reason",
    "find_call_to_action",
    "find_next_step",
    "find_weak_phrases",
    "WEAK_PHRASES",
]

_PUNCT = "\"'“”‘’«».,!?;:()[]…—–-"


@dataclass(frozen=True)
class Tok:
    text: str  # as written, punctuation stripped ("DeGroot")
    low: str  # lower case, curly apostrophes straightened ("degroot", "i'm")
    start: float | None  # s, None for a script's text
    end: float | None  # s
    probability: float = 1.0  # Whisper's word probability (1 for a script's text)


@dataclass(frozen=True)
class Tokens:
    toks: tuple[Tok, ...]
    text: str  # " ".join(t.low): what the patterns search
    offsets: tuple[int, ...]  # character offset of each token in `text`

    def index_at(self, pos: int) -> int:
        """The token that holds character `pos` of `text`."""
        k = 0
        for i, off in enumerate(self.offsets):
            if off <= pos:
                k = i
            else:
                break
        return k

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Token indices [i, j) covering characters [a, b) of `text`."""
        i = self.index_at(a)
        j = self.index_at(max(a, b - 1)) + 1
        return i, j

    def said(self, i: int, j: int) -> str:
        return " ".join(t.text for t in self.toks[i:j])


@dataclass(frozen=True)
class Cue:
    """A part of the message found in the words: what was heard, and when."""

    part: str  # name | company | reason | call_to_action | next_step | weak_phrase
    evidence: str  # the words heard, as written ("this is Kevin")
    value: str  # the part itself where there is one ("Kevin", "Apex Software"), else the evidence
    start: float | None  # s
    first: int  # token index
    last: int  # token index, exclusive
    unsure: bool = False  # Whisper was unsure of the words that make the part


def _clean(word: str) -> str:
    return word.replace("’", "'").replace("‘", "'").strip(_PUNCT)


def _build(rows: Iterable[tuple[str, float | None, float | None, float]]) -> Tokens:
    toks, offsets, parts, pos = [], [], [], 0
    for text, start, end, prob in rows:
        for piece in text.split():
            clean = _clean(piece)
            if not clean or is_filler_word(clean):
                continue
            low = clean.lower()
            toks.append(Tok(clean, low, start, end, prob))
            offsets.append(pos)
            parts.append(low)
            pos += len(low) + 1
    return Tokens(tuple(toks), " ".join(parts), tuple(offsets))


def tokens_from_transcript(transcript: Transcript) -> Tokens:
    """The spoken words, fillers and punctuation removed, each with its time."""
    return _build((w.text, w.start, w.end, w.probability) for w in transcript.words if not is_filler_word(w))


def tokens_from_text(text: str) -> Tokens:
    """A script's words, for the same patterns."""
    return _build((w, None, None, 1.0) for w in text.split())


# ---------------------------------------------------------------- word lists

# Words that follow "this is" / "I'm" / "it's" and are not a name.
_NOT_NAME = frozenset(
    """
    a an the just calling reaching following sorry so really very glad happy sure not going trying hoping looking
    writing about regarding on in at with from for to of your you me my our we us it this that these those here
    there back again also still only quick quickly excited interested wondering checking touching sending leaving
    getting giving following-up finally actually basically great good fine well okay ok calling, call hi hello hey
    ten important urgent time been being done available free
    open able all both some any no yes name what who how when where why because if and or but then than as
    reaching-out following-up over under into onto up down out off by now today tomorrow new big small thanks thank
    kind sort like someone somebody anybody anyone everyone nobody his her their its he she they them i i'm
    """.split()
) | frozenset(DIGIT_WORDS)  # the spelled digits ("this is one ...", "I'm oh ..."), as number/digits.py defines them
# Words after "from", "with", "at" that are not a company.
_NOT_COMPANY = _NOT_NAME | frozenset(
    """
    home work office here there town regard regards least last first all around across behind everything
    anything something nothing people companies teams team customers clients folks other others
    monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night noon
    """.split()
)
# Lower-case words that still belong to a company's name ("Apex software").
_COMPANY_TAIL = frozenset(
    """
    software solutions systems group inc llc ltd co company corp partners insurance roofing solar freight logistics
    labs technologies tech consulting services health financial bank realty homes energy media marketing
    """.split()
)
_NAME_LEADS = r"(?:this is|my name is|my name's|the name is|the name's|i'm|i am|it's|it is)"
_NAME_LEAD = re.compile(rf"\b{_NAME_LEADS} (\S+)(?: (\S+))?")
_NAME_HERE = re.compile(r"\b(\S+) (?:here|calling) (?:from|with|at|over at|on behalf of)\b")
_NAME_HERE_START = re.compile(r"^(?:(?:hi|hello|hey|good morning|good afternoon)(?: \S+)? )?(\S+) here\b")
_COMPANY_LEAD = re.compile(r"\b(?:from|with|at|here at|over at|on behalf of|of) (\S+)(?: (\S+))?(?: (\S+))?")
_STRONG_LEAD = ("this is", "my name", "the name")


def _namey(tok: Tok, capital_required: bool) -> bool:
    """A word that can be a name: letters, not a common word; capitalised where that is required."""
    if tok.low in _NOT_NAME or not re.fullmatch(r"[a-z][a-z'-]*", tok.low):
        return False
    return tok.text[:1].isupper() or not capital_required


def _companyish(tok: Tok, capital_required: bool) -> bool:
    if tok.low in _NOT_COMPANY or not re.match(r"[a-z0-9]", tok.low) or tok.low.isdigit():
        return False
    return tok.text[:1].isupper() or not capital_required


def _extra(tokens: Tokens, part: str, phrases: Sequence[str]) -> Cue | None:
    for phrase in phrases:
        words = " ".join(_clean(w).lower() for w in phrase.split() if _clean(w))
        if not words:
            continue
        m = re.search(rf"(?<!\S){re.escape(words)}(?!\S)", tokens.text)
        if m:
            i, j = tokens.span(m.start(), m.end())
            return _cue(tokens, part, i, j, tokens.said(i, j))
    return None


def _cue(tokens: Tokens, part: str, i: int, j: int, value: str, core: tuple[int, int] | None = None) -> Cue:
    a, b = core or (i, j)
    unsure = any(t.probability < 0.3 for t in tokens.toks[a:b])
    return Cue(part, tokens.said(i, j), value, tokens.toks[i].start if tokens.toks else None, i, j, unsure)


def find_name(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """ "This is Kevin", "I'm Bob DeGroot with", "Priya here from", "my name's Dana", "it's Sam with"."""
    toks = tokens.toks
    for m in _NAME_LEAD.finditer(tokens.text):
        i = tokens.index_at(m.start())
        k = tokens.index_at(m.start(1))
        if k >= len(toks):
            continue
        strong = any(m.group(0).startswith(s) for s in _STRONG_LEAD)
        # after "I'm" / "it's" a word is a name only when written as one or followed by a company cue
        nxt = " ".join(t.low for t in toks[k + 1 : k + 3])
        company_next = bool(re.match(r"(?:from|with|at|here|over at|calling|on behalf)\b", nxt))
        if not _namey(toks[k], capital_required=not (strong or company_next)):
            continue
        j = k + 1
        if j < len(toks) and _namey(toks[j], capital_required=True) and toks[j].text[:1].isupper():
            j += 1  # a surname: "Bob DeGroot"
        return _cue(tokens, "name", i, j, tokens.said(k, j), (k, j))
    for pattern in (_NAME_HERE, _NAME_HERE_START):
        m = pattern.search(tokens.text)
        if m:
            k = tokens.index_at(m.start(1))
            greeted = k > 0 and toks[k - 1].low in ("hi", "hello", "hey", "morning", "afternoon")
            if greeted and pattern is _NAME_HERE and " calling " in m.group(0):
                continue  # "Hi Tom, calling from ...": Tom is the one called
            if k < len(toks) and _namey(toks[k], capital_required=False):
                i, j = tokens.span(m.start(), m.end())
                return _cue(tokens, "name", i, j, toks[k].text, (k, k + 1))
    return _extra(tokens, "name", extra)


def find_company(tokens: Tokens, name: Cue | None = None, extra: Sequence[str] = ()) -> Cue | None:
    """ "from Apex Software", "with Bluepeak", "over at Northwind": a company word after the cue, capitalised
    as a name is, or any uncommon word right after the caller's name ("this is dana from apex")."""
    found = _extra(tokens, "company", extra)
    if found is not None:
        return found
    toks = tokens.toks
    for m in _COMPANY_LEAD.finditer(tokens.text):
        lead = m.group(0).split()[0]
        k = tokens.index_at(m.start(1))
        if k >= len(toks):
            continue
        after_name = name is not None and 0 <= k - name.last <= 3
        if lead == "of" and not after_name:
            continue
        if not _companyish(toks[k], capital_required=not after_name):
            continue
        j = k + 1
        while j < len(toks) and j < k + 3 and (_companyish(toks[j], True) or toks[j].low in _COMPANY_TAIL):
            j += 1
        i = tokens.index_at(m.start())
        return _cue(tokens, "company", i, j, tokens.said(k, j), (k, j))
    return None


# A reason is a benefit for them or a specific trigger about them, not one verb ("I can", "cut").
_REASON = tuple(
    re.compile(p)
    for p in (
        # said as a reason, with something after it
        r"\b(?:i'm calling|i am calling|calling|reaching out|getting in touch|ringing|the reason i'm calling is|the reason for my call is)"
        r" (?:about|because|regarding|since|after|as|to (?:share|show|tell|offer|ask|see if|help|invite))(?: \S+){2,}",
        r"\bfollowing up (?:on|about) (?:your|the|our|my|a)(?: \S+){1,}",
        r"\b(?:wanted|want|would like|i'd like) to (?:share|show you|tell you about|offer|invite|talk (?:to you )?about|see if)(?: \S+){2,}",
        # a benefit: a verb of gain with what it changes for them
        r"\b(?:save|saves|saved|saving|cut|cuts|cutting|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|"
        r"increase|increases|increased|improve|improves|improved|boost|boosts|boosted|grow|grows|grew|halve|halves|"
        r"halved|double|doubles|doubled|triple|speed up|speeds up|sped up|free up|protect|protects|avoid|eliminate|"
        r"shorten|shortens|fix|fixes|streamline|recover|raise)"
        r"(?: \S+){0,3}? (?:your|you|yours|their|costs?|time|bills?|spend|fees?|rates?|revenue|sales|hours|days|"
        r"downtime|turnover|churn|risk|premiums?|payroll|energy|power|fuel|waste|losses|delays|errors)\b",
        # something specific about them
        r"\b(?:noticed|saw|see|heard|read|learned|understand)(?: that)? (?:your|you|you're|you've|you'll|the|a|an|"
        r"on|in|how|our|we)(?: \S+){2,}",
        r"\bcongratulations on(?: \S+){1,}",
        r"\b(?:you|yours|your \S+(?: \S+)?) (?:qualify|qualifies|qualified|are eligible|is eligible|may be eligible|could save|"
        r"could get|could qualify|could cut|could be saving|are paying|are overpaying|might be overpaying)\b",
        r"\b(?:neighbou?rs?|competitors?|companies like yours|teams like yours|businesses like yours|others in your)\b",
        # what we do for people like them
        r"\b(?:we|i) (?:help|helped|have helped|work with|worked with|just helped)(?: \S+){1,5}? "
        r"(?:to|cut|save|reduce|increase|grow|get|like yours|in your|near you|lower|avoid|improve)\b",
        # a figure
        r"\b\d+ ?(?:%|percent)|\bby (?:a third|a quarter|half|\d+)|\bin half\b|\b(?:thousands|hundreds) of dollars\b",
        r"\b(?:free|no-cost|no cost|complimentary) (?:quote|assessment|audit|inspection|estimate|trial|consultation|"
        r"review|demo|analysis)\b|\b(?:for free|at no cost)\b",
        # a date that concerns them: a renewal, an expiry, something overdue
        r"\byour(?: \S+){1,3} (?:ends|expires|renews|is due|is overdue|are due|are overdue|runs out|is expiring)\b",
        # an offer aimed at what is theirs: "we can <do something to> your <thing> ...", not a
        # meeting ("we can talk about your ...") and not a bare "I can"
        r"\b(?:we|i) can (?!talk|discuss|chat|go over|meet|connect|catch up|touch base|set up|schedule|book|review"
        r"|look at|look into|hop on|jump on|get on)(?:\S+ ){1,2}(?:your|yours)(?: \S+){2,}?",
        # a timely opening: something free for them soon
        r"\b(?:openings?|availability|an? (?:slot|spot|opening)|slots|spots) (?:this|next) (?:week|month)\b",
    )
)


def find_reason(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """The first benefit or specific trigger, quoted with the words around it."""
    best = None
    for p in _REASON:
        m = p.search(tokens.text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return _extra(tokens, "reason", extra)
    i, j = tokens.span(best.start(), best.end())
    j = min(max(j, i + 6), len(tokens.toks), i + 10)  # quote a few words of it
    said = tokens.said(i, j)
    return _cue(tokens, "reason", i, j, said)


_CTA = re.compile(
    r"\b(?:call (?:me )?back|(?:call|ring|phone|text|email|e-mail|message|buzz) me|"
    r"give me a (?:call|ring|buzz|shout|text)|(?:reach|contact) me|get back to me|get in touch|return my call|"
    r"shoot me|drop me (?:a|an) (?:line|note|email|text)|"
    r"my (?:direct |cell |mobile |office )?(?:number|line|cell|mobile|phone)(?: number)? is|my direct line|"
    r"you can (?:reach|call|text|get|ring) (?:me|us|hold of me)|(?:call|text|ring) (?:us |me )?(?:at|on)|"
    r"\bdial\b|let me know|the best (?:number|way to reach me)|(?:book|grab|pick) a time|call us|"
    # "call 1 800 642 ...": the ask is the verb before the number itself
    r"(?:call|ring|text) (?=(?:\d ?){7}))"
)
_NEXT_STEP = re.compile(
    r"\b(?:i'll|i will|i'm going to|i am going to) (?:try|call|follow|reach|be in touch|send|give you|ring|circle back|"
    r"check back|be calling|email|drop)|\b(?:talk|speak) (?:soon|then|next|on)|\bnext week|\btomorrow|"
    r"\bthis afternoon|\blater this week|\bexpect (?:a|my) call|\bon (?:monday|tuesday|wednesday|thursday|friday)"
)


def find_call_to_action(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """ "call me back", "reach me at", "ring me on", "my direct line is", "shoot me a text"."""
    m = _CTA.search(tokens.text)
    if m is None:
        return _extra(tokens, "call_to_action", extra)
    i, j = tokens.span(m.start(), m.end())
    return _cue(tokens, "call_to_action", i, j, tokens.said(i, j))


def find_next_step(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """When the rep will try again: "I'll call you Tuesday", "talk soon"."""
    m = _NEXT_STEP.search(tokens.text)
    if m is None:
        return _extra(tokens, "next_step", extra)
    i, j = tokens.span(m.start(), m.end())
    j = min(max(j, i + 5), len(tokens.toks))
    return _cue(tokens, "next_step", i, j, tokens.said(i, j))


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


def find_weak_phrases(tokens: Tokens, extra: Sequence[str] = ()) -> list[Cue]:
    """Every weak phrase heard, in time order; a phrase inside a longer one found is not listed twice."""
    found: list[Cue] = []
    taken: set[int] = set()
    for phrase in sorted({*WEAK_PHRASES, *(p.lower() for p in extra)}, key=len, reverse=True):
        words = " ".join(_clean(w).lower() for w in phrase.split() if _clean(w))
        for m in re.finditer(rf"(?<!\S){re.escape(words)}(?!\S)", tokens.text):
            i, j = tokens.span(m.start(), m.end())
            if taken & set(range(i, j)):
                continue
            taken |= set(range(i, j))
            found.append(_cue(tokens, "weak_phrase", i, j, words))
    return sorted(found, key=lambda c: c.first)
