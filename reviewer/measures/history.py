"""What the rep and the prospect already share, read from the parse: a meeting or a talk at a said
time or place or with its subject, a work the rep sent them, the prospect's own contact answered,
someone who sent the rep, what of theirs the rep knows of ("your inquiry") and what the rep saw
them do at a said time. Each is a reason of its own (LABELS' reason rule in eval/public,
clauses 1, 3 and 4), and a caller who has one, or who seeks a job, needs no company named
(`find_no_firm_needed`). The reason itself is reason.py's.
"""

from __future__ import annotations

from reviewer.measures.ask import _ASK_VERBS, _MEETING_VERBS, _PROSPECT, _SELF, _own_subject, _past, _subject
from reviewer.measures.common_words import _PERCEIVING_VERBS, GENERIC_NOUNS
from reviewer.measures.tokens import Cue, Tokens, cue

# Meeting the prospect ("we met last week", "our interview that we had", "the job we discussed",
# "who talked to you yesterday"): a shared history, when it is anchored in a time or a place.
_MEETING_NOUNS = frozenset("interview conversation meeting chat discussion call talk appointment consultation".split())
# Words that anchor a meeting as a said time does: "two weeks ago", "yesterday", and what a booking
# makes of it ("our scheduled appointment").
_ANCHOR_WORDS = frozenset("ago yesterday scheduled booked planned arranged".split())
_ANCHOR_ENTS = ("DATE", "TIME", "EVENT", "FAC")
_REFERRAL_VERBS = frozenset("ask suggest recommend refer tell mention".split())  # someone else sent the rep


def _yours(w) -> bool:
    """The prospect's, by a possessive: "your inquiry", "your property listing"."""
    return any(c.dep_ == "poss" and c.lower_ in ("your", "yours") for c in w.children)


def _met(w) -> bool:
    """The rep and the prospect met or spoke, in the past: "we met", "we were supposed to chat",
    "the job we discussed", "who talked to you", "our interview that we had"."""
    lemma = w.lemma_.lower()
    if lemma in _MEETING_NOUNS and w.pos_ == "NOUN":
        ours = any(c.dep_ == "poss" and c.text.lower() == "our" for c in w.children)
        had = any(c.dep_ == "relcl" and _subject(c) == "we" and c.tag_ in ("VBD", "VBN") for c in w.children)
        return ours or had
    if lemma not in _MEETING_VERBS or w.pos_ != "VERB":
        return False
    if any(c.dep_ == "neg" for c in w.children):
        return False  # "we haven't talked in a while": no history
    chain = [w, *(a for a in w.ancestors if a.pos_ in ("VERB", "AUX"))]  # "we were supposed to chat"
    if not any(v.tag_ in ("VBD", "VBN") for v in chain[:2]):
        return False
    subject = next((s for v in chain[:2] if (s := _subject(v)) is not None), None)
    with_you = any(
        c.dep_ == "prep" and c.text.lower() in ("with", "to") and any(g.text.lower() == "you" for g in c.children)
        for c in w.children
    )
    return subject == "we" or (subject in ("i", "who") and with_you)


# The prospect's own contact, answered: "returning your call", "I got your email", "in reply to your
# inquiry" (RUBRIC.md's trigger about the prospect: they reached out first).
_THEIR_CONTACT = frozenset("call message email e-mail voicemail inquiry enquiry request note text".split())
# What the prospect did or holds that the rep knows of (LABELS' reason rule, clause 1): "your
# inquiry", "your posting", "your claim".
_THEIR_RECORDS = frozenset(
    "inquiry enquiry application posting listing order claim review ad advert post request".split()
)
_ANSWERING_VERBS = frozenset("return answer respond reply get receive".split())


def _answered(sentence):
    """The word where the rep answers the prospect's own contact ("returning your call", "I got
    your email", "responding to your request"), or None."""
    for w in sentence:
        if w.lemma_.lower() not in _THEIR_CONTACT or not _yours(w):
            continue
        verb = w.head.head if w.dep_ == "pobj" else w.head
        if verb.lemma_.lower() in _ANSWERING_VERBS and verb.pos_ == "VERB":
            return verb
    return None


def _referred(sentence):
    """Someone else sent the rep: "Dan Whitman asked me to call you", "your friend Sarah suggested
    that I give you a call", "Acme's CFO recommended I reach out". The one who referred, or None."""
    for w in sentence:
        if w.lemma_.lower() not in _REFERRAL_VERBS or w.pos_ != "VERB":
            continue
        subject = next((c for c in w.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _SELF | _PROSPECT | {"it", "this", "that", "they"}:
            continue
        named = subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG") or _yours(subject)
        if subject.lower_ in ("he", "she"):  # "I spoke with Mike Talon and he suggested I call": the one named
            named = any(t.ent_type_ == "PERSON" for t in sentence if t.i < subject.i)
        below = {g.lemma_.lower() for g in w.subtree}
        if (
            named
            and below & (_ASK_VERBS | _MEETING_VERBS | {"give", "touch"})
            and {"me", "i", "us", "we"} & {g.lower_ for g in w.subtree}
        ):
            return subject
    return None


def _shared_history(sentence):
    """The word where the rep met or spoke with the prospect at a said time or place ("we met last
    week at the networking group", "the director job we discussed four weeks ago", "we were
    supposed to chat today at 4"), or shared something with its subject (`_shared_subject`), or
    None: a reason of its own, however common its words; the rep's own earlier tries ("I left you a
    message last week") are no shared history."""
    anchored = any(  # a number's digits are no date ("... 206-583-1947" comes out a DATE)
        (w.ent_type_ in _ANCHOR_ENTS and not w.like_num) or w.lower_ in _ANCHOR_WORDS for w in sentence
    )
    met = next((w for w in sentence if _met(w)), None) if anchored else None
    return met if met is not None else next((w for w in sentence if _shared_subject(w)), None)


# What the rep made, sent or talked over with this prospect ("the estimate I sent", "I put together a
# proposal", "the project we discussed").
_SHARING_VERBS = frozenset("send email mail drop prepare put write draft".split()) | _MEETING_VERBS
_NOT_A_SUBJECT = GENERIC_NOUNS | _THEIR_CONTACT  # "an email", "some information": no subject said


def _concrete(w) -> bool:
    return w.pos_ in ("NOUN", "PROPN") and w.lemma_.lower() not in _NOT_A_SUBJECT


def _shared_by_us(v) -> bool:
    """The rep sent or talked it over, in the past: "I sent", "we discussed", "I've put together"."""
    return v.pos_ == "VERB" and v.lemma_.lower() in _SHARING_VERBS and _past(v) and _subject(v) in ("i", "we")


def _shared_subject(w) -> bool:
    """Something already shared with them, with its subject (LABELS' reason rule, clause 4): a work
    of the rep's sent to them ("the estimate I sent", "I put together a website concept"), a
    subject talked over ("the project we discussed", "our conversation about the Defend patch").
    A message, an email or "some information" alone is the rep's earlier try, not its subject."""
    if _concrete(w):
        if any(c.dep_ == "relcl" and _shared_by_us(c) for c in w.children):
            return True  # "the estimate I sent", "the project we discussed"
        if w.dep_ == "dobj" and _shared_by_us(w.head):
            return True  # "I sent over the proposal", "we discussed your expansion"
    if w.lemma_.lower() in _MEETING_NOUNS and w.pos_ == "NOUN" and _met(w):
        return any(  # "our conversation about the Defend patch"
            c.dep_ == "prep" and c.lower_ in ("about", "on", "regarding") and any(_concrete(g) for g in c.children)
            for c in w.children
        )
    return False


def _seen(sentence):
    """The word where the rep saw something they did, at a said time ("I saw you connected with
    our concierge Sarah today", "I noticed you downloaded our guide on Tuesday": LABELS' clause 1,
    an event on their side the rep knows, however common its words), or None; not "I see you're
    busy"."""
    for w in sentence:
        verb = w.head
        if w.dep_ != "nsubj" or w.lower_ != "you" or verb.dep_ != "ccomp" or verb.pos_ != "VERB":
            continue
        if verb.head.lemma_.lower() in _PERCEIVING_VERBS and _own_subject(verb.head) in _SELF:
            if any(g.ent_type_ in ("DATE", "TIME") and not g.like_num for g in verb.subtree):
                return verb
    return None


# What a caller seeking a job speaks of ("the resume you should have received", "our interview",
# "the director job", "your posting"): such a caller has no firm to name.
_JOB_NOUNS = frozenset(
    "resume résumé cv interview position job role opening vacancy posting assignment internship application".split()
)


def find_no_firm_needed(tokens: Tokens) -> Cue | None:
    """Where the message shows the caller needs no company to be placed: they met or spoke with
    the prospect before (a shared history, `_shared_history`), or they speak of their own job
    search (a job, an interview, a resume, the rep being the one who applies). LABELS in
    eval/public: a coach does not ask such a caller for a company."""
    for sentence in tokens.doc.sents:
        job = next(
            (
                w
                for w in sentence
                if w.lemma_.lower() in _JOB_NOUNS and w.pos_ in ("NOUN", "PROPN") and w.dep_ != "nsubj"
            ),
            None,
        )  # not "my job is to inform you": that is the rep's work, not a job sought
        met = _shared_history(sentence)
        if met is not None or (job is not None and any(w.lower_ in ("i", "my", "me") for w in sentence)):
            part = "acquainted" if met is not None else "candidate"
            k = tokens.at(met if met is not None else job)
            i = max(min(tokens.at(w) for w in sentence), k - 4)
            j = min(max(tokens.at(w) for w in sentence) + 1, i + 10)
            return cue(tokens, part, i, j, tokens.said(i, j))
    return None
