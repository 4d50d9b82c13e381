"""The ask and the next step, read from the parse: a verb of contact addressed to the prospect
("call me back", "you can reach me at", "my direct line is", "I can be reached at", "When would be
a good time to chat?"); the next step, one the rep will take ("I'll call you Tuesday", "talk
soon"). The grammar of who does what (`_subject`) is here too, for the reason reader (reason.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.measures.number.digits import DIGIT_WORDS
from reviewer.measures.tokens import Cue, Tokens, cue, find_phrase

_SELF = frozenset("i me my we us our".split())
_PROSPECT = frozenset("you your yours".split())
_ASK_VERBS = frozenset(
    "call ring phone text email e-mail reach contact dial reply return message buzz shoot drop".split()
)
_LINE_NOUNS = frozenset("number line cell mobile phone extension".split())
_STEP_VERBS = frozenset("call try reach follow send email ring check circle stop drop give text touch be swing".split())
# Meeting or talking with the prospect: the ask's "a good time to chat", the reason's shared history.
_MEETING_VERBS = frozenset("meet talk speak chat discuss interview".split())


def _own_subject(w) -> str | None:
    """The subject the verb itself has, in lower case, not one it shares with a verb before it."""
    return next((c.text.lower() for c in w.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _past(v) -> bool:
    """Said as done: "I sent", "samples I sent", "I've put together"."""
    return v.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in v.children)


def _subject(w) -> str | None:
    """The subject of a verb, in lower case ("you", "i"), or None for an imperative."""
    if (own := _own_subject(w)) is not None:
        return own
    if w.dep_ == "conj" and w.head is not w:
        bare = w.tag_ == "VB" and not any(c.dep_ == "aux" for c in w.children)
        spliced = w.i > 0 and w.doc[w.i - 1].text == "," and not any(c.dep_ == "cc" for c in w.head.children)
        if bare and (w.head.tag_ in ("VBD", "VBZ", "VBP", "VBN") or spliced):
            return None  # "we helped clinics ..., ring me on ...", "we can cut your costs, call me back": an ask
        return _subject(w.head)
    return None


def _asks(w) -> bool:
    """A verb of contact that asks the prospect to reach the rep ("call me back", "you can reach me",
    "give me a call", "let me know", "my direct line is ...")."""
    lemma = w.lemma_.lower()
    children = list(w.children)
    lows = {c.text.lower() for c in children}
    subject = _subject(w)
    objects = lows | {g.text.lower() for c in children if c.dep_ in ("ccomp", "xcomp") for g in c.children}
    if lemma == "reach" and subject in _SELF and any(c.dep_ == "auxpass" for c in children):
        return True  # "I can be reached at 412 ...": the rep's line, offered
    if subject in _SELF and _own_subject(w) is None and objects & {"me", "us"}:
        subject = None  # "I'll try you next week, or give me a call": no one gives "me" a call but the prospect
    if subject in _SELF or subject in ("they", "he", "she", "it"):
        return False
    to_me = bool(lows & {"me", "us", "back"}) or any(
        c.dep_ == "prep" and c.text.lower() in ("at", "on") for c in children
    )
    inviter = w.head.head if w.head.lemma_.lower() == "free" else w.head  # "feel free to", "don't hesitate to"
    invited = (
        w.dep_ == "xcomp"
        and inviter.lemma_.lower() in ("feel", "hesitate")
        and _own_subject(inviter) in (None, "you")  # not "I feel free to call my mom"
    )
    if lemma in _ASK_VERBS and w.pos_ == "VERB" and invited:
        return True
    if lemma in _ASK_VERBS and (w.pos_ == "VERB" or w.dep_ == "ROOT"):  # "Just text 415...": tagged a noun
        return to_me or any(c.like_num for c in w.subtree)
    if lemma == "give" and lows & {"me", "us"}:  # "give me a call / a bell / a ring"
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in children)
    if lemma in _MEETING_VERBS | {"connect"} and w.i >= 2 and w.doc[w.i - 2].lower_ == "let":
        return w.doc[w.i - 1].lower_ in ("'s", "us")  # "let's talk", "let's meet", however parsed (pub_f_16)
    if lemma == "let":  # "let me know", however "me" is attached
        below = {c.text.lower() for c in w.subtree}
        return bool(below & {"me", "us"}) and any(c.lemma_.lower() == "know" for c in w.subtree)
    if lemma == "get" and ("back" in lows or any(c.text.lower() == "touch" for c in w.subtree)):
        return True
    return lemma in ("book", "grab", "pick") and any(c.lemma_.lower() == "time" for c in w.subtree)


def _my_line(w) -> bool:
    """ "my number is", "my direct line is", "the best number to reach me is"."""
    if w.lemma_.lower() not in _LINE_NOUNS or w.pos_ not in ("NOUN", "PROPN"):
        return False
    mine = any(c.text.lower() in ("my", "our") for c in w.children)
    best = any(c.text.lower() == "best" for c in w.children)
    return (mine or best) and w.dep_ in ("nsubj", "attr", "dobj", "ROOT", "appos")


def _before_number(w, tokens: Tokens) -> bool:
    """A call, a ring or a text said right before the number: "Worth a quick call? 770 ..."."""
    if w.lemma_.lower() not in ("call", "ring", "text", "chat") or w.pos_ not in ("NOUN", "VERB"):
        return False
    if w.pos_ == "VERB" and _subject(w) in _SELF:
        return False  # "I'll call 3 of your stores"
    return _digits_from(tokens, tokens.at(w) + 1) >= 7  # a phone number follows, not a count


def _digits_from(tokens: Tokens, k: int) -> int:
    """How many digits are said from token k on, before any other word."""
    digits = 0
    for tok in tokens.toks[k : k + 12]:
        if tok.low in DIGIT_WORDS:
            digits += 1
        elif tok.low.replace("-", "").isdigit():
            digits += len(tok.low.replace("-", ""))
        else:
            break
    return digits


def _misheard_ask(tokens: Tokens) -> Cue | None:
    """An ask's shape with no ask's verb: "please tell me at 014 ...", "tell me that. 8, 5, 9 ..."
    (Whisper's "call me at" at phone quality): the number given one word after "me", so an ask most
    likely, misheard; quoted, `garbled`."""
    toks = tokens.toks
    for k in range(1, len(toks) - 2):
        if toks[k].low in ("me", "us") and not toks[k].mark and _digits_from(tokens, k + 2) >= 7:
            i = max(0, k - 2)
            return cue(tokens, "call_to_action", i, k + 3, tokens.said(i, k + 3), garbled=True)
    return None


def _pleads_before_number(w, tokens: Tokens) -> bool:
    """ "Please call ..." with the number soon after, past whatever Whisper made of the words
    between ("please call with his soft channel, breakaway growth strategies. 4, 1, 2, ...")."""
    if w.lemma_.lower() not in _ASK_VERBS or w.pos_ != "VERB" or _subject(w) is not None:
        return False
    if not any(c.lower_ == "please" for c in w.children) and not (w.i > 0 and w.doc[w.i - 1].lower_ == "please"):
        return False
    k = tokens.at(w) + 1
    return any(_digits_from(tokens, i) >= 7 for i in range(k, min(k + 14, len(tokens.toks))))


def _asks_for_a_time(w) -> bool:
    """A question for a time to talk: "When would be a good time to chat?", "What's the best time
    to reach you?"."""
    if w.lemma_.lower() != "time" or w.pos_ != "NOUN" or not w.sent.text.rstrip().endswith("?"):
        return False
    return any(c.pos_ == "VERB" and c.lemma_.lower() in _MEETING_VERBS | _ASK_VERBS | {"connect"} for c in w.children)


def find_call_to_action(tokens: Tokens, extra: Sequence[str] = (), number_said_twice: bool = True) -> Cue | None:
    """The first ask addressed to the prospect, with or without a number. "My number is ..." said
    once and nothing else is a number left, not an ask (LABELS in eval/public: pub_a_15, pub_j_09);
    given twice ("My direct line is ..., again, ..."), it invites the call."""
    for w in tokens.doc:
        if (
            _asks(w)
            or (number_said_twice and _my_line(w))
            or _before_number(w, tokens)
            or _asks_for_a_time(w)
            or _pleads_before_number(w, tokens)
        ):
            i = tokens.at(w)
            if i > 0 and tokens.toks[i - 1].low in ("my", "our", "the", "please", "you"):
                i -= 1
            j = min(i + 5, len(tokens.toks))
            return cue(tokens, "call_to_action", i, j, tokens.said(i, j))
    return find_phrase(tokens, "call_to_action", extra) or _misheard_ask(tokens)


def _step(w) -> bool:
    """A step the rep will take: "I'll call you Tuesday", "I'll try you again", "talk soon"."""
    lemma = w.lemma_.lower()
    lows = {c.text.lower() for c in w.children}
    if lemma in ("talk", "speak") and lows & {"soon", "then", "later", "next", "tomorrow"}:
        return True
    if lemma not in _STEP_VERBS or _subject(w) not in ("i", "we"):
        return False
    future = bool(lows & {"'ll", "will", "shall"}) or any(c.lemma_.lower() == "go" for c in w.ancestors)
    dated = any(c.ent_type_ in ("DATE", "TIME") for c in w.subtree)
    return future or dated


def find_next_step(tokens: Tokens, extra: Sequence[str] = ()) -> Cue | None:
    """When the rep will try again, so the next call is expected."""
    for w in tokens.doc:
        if _step(w):
            verb = tokens.at(w)
            i = next((tokens.at(c) for c in w.children if c.dep_ == "nsubj"), verb)
            i = min(i, verb)
            j = min(max(verb + 1, i + 5), len(tokens.toks))
            return cue(tokens, "next_step", i, j, tokens.said(i, j))
    return find_phrase(tokens, "next_step", extra)
