"""Why the rep called, read from the parse (the ask and the next step are ask.py's).

A reason follows LABELS' rule (eval/public/__init__.py, from RUBRIC.md's structure row): something
of this listener's the rep knows ("your inquiry", "hail hit your street", "your team is hiring"), a
specific offer or result with a specific thing in it (a figure said with its unit: "by 60 %", "cut
that to 5 minutes"; a dated offer to them), a referral, or a shared history (history.py). It is
measured, not listed: the sentence's content words (nouns, verbs, figures, comparatives) that are
neither the introduction, the number, nor the common words every voicemail has (`GENERIC_NOUNS`,
`GENERIC_VERBS`: "touch base", "see how things are going", "following up on my email" are made of
them), and whose they are. Concrete words about a topic or about the rep alone ("I'm calling about
IT security", "we offer a free AI receptionist") are the rep's self-description or a claim any
seller makes, not a reason.
"""

from __future__ import annotations

from collections.abc import Sequence

from reviewer.measures.ask import _PROSPECT, _SELF, _asks, _my_line, _own_subject, _past, _subject
from reviewer.measures.common_words import _PERCEIVING_VERBS, GENERIC_NOUNS, GENERIC_VERBS
from reviewer.measures.history import _THEIR_RECORDS, _answered, _referred, _seen, _shared_history, _yours
from reviewer.measures.number.digits import DIGIT_WORDS
from reviewer.measures.tokens import UNSURE_WORD, Cue, Tokens, cue, find_phrase

_FIGURE_ENTS = ("PERCENT", "MONEY")
_NOMINAL = ("dobj", "pobj", "nsubj", "nsubjpass", "attr")  # a word in a noun's place, whatever its tag ("reps")
_NOT_CONTENT_ENTS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "FAC")


_CLAUSES = ("advcl", "xcomp", "ccomp", "relcl", "conj", "acl", "csubj", "parataxis", "pcomp")
# Verbs that tell of the rep's own earlier try ("I left you a message about ...", "the samples I
# sent", "as mentioned", "following up from our chat"): what they name is a topic, not a reason.
_EARLIER_CONTACT = frozenset("leave send mention email e-mail call try text write follow reach ring".split())
_DESCRIBED = ("attr", "acomp", "prep")  # what a copula says of its subject: "we are a leading provider"
# Verbs of the rep's trade said of the rep ("we provide managed print services", "I sell
# advertising", "I'm offering hard work"): what the rep sells, not why the prospect should care.
_SELLING_VERBS = frozenset("sell provide offer supply carry distribute specialize represent".split())
# Verbs of serving a kind of customer ("I help roofers ...", "we work with SaaS teams"): said in the
# present of the rep, a general self-description (`_general`).
_SERVING_VERBS = frozenset("help work serve assist partner specialize enable support".split())


def _phrase(w) -> list:
    """A word and what hangs on it short of another clause: "call me at 555 ... at your earliest
    convenience" is all the ask; "call me to hear how we cut costs" keeps the purpose apart."""
    out = [w]
    for c in w.children:
        if c.dep_ not in _CLAUSES:
            out += _phrase(c)
    return out


def _earlier_contact(w) -> bool:
    """The rep telling of an earlier try: "I left you a message", "samples I sent", "as
    mentioned", "I'm just following up"."""
    if w.lemma_.lower() not in _EARLIER_CONTACT or w.pos_ != "VERB" or w.dep_ == "amod":
        return False
    subject = _subject(w)
    return _past(w) and (subject in _SELF or (subject is None and w.tag_ == "VBN"))


_ABOUT = frozenset("about regarding concerning re".split())


def _excluded(tokens: Tokens, parts: Sequence[Cue | None]) -> set[int]:
    """Tokens that are the introduction, a digit, a greeting or the greeted prospect, the ask
    itself with what hangs on it ("give me a bell", "at your earliest convenience"; not what the
    call back is about: "call us regarding your test results"), or the telling of an earlier try ("I
    left you a message about AI training": the topic is no reason)."""
    out = {k for c in parts if c is not None for k in range(c.first, c.last)}
    for w in tokens.doc:
        asked = _asks(w)
        if asked or _my_line(w) or _earlier_contact(w):
            about = [c for c in w.children if asked and c.dep_ == "prep" and c.lower_ in _ABOUT]
            out |= {tokens.at(c) for c in _phrase(w)} - {tokens.at(g) for c in about for g in c.subtree}
            for c in w.children if asked else ():  # "contact me anytime if I can help you with ...": its condition
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children):
                    out |= {tokens.at(g) for g in c.subtree}
            if w.dep_ == "relcl":  # "the samples I sent": the thing sent, too
                out |= {tokens.at(c) for c in _phrase(w.head) if c.i <= w.i}
    for k, tok in enumerate(tokens.toks):
        if tok.low.isdigit() or tok.low in DIGIT_WORDS or tok.low in ("hi", "hello", "hey"):
            out.add(k)
            if tok.low in ("hi", "hello", "hey") and k + 1 < len(tokens.toks):
                out.add(k + 1)  # the greeted name
    return out


def _kind(w, tokens: Tokens, excluded: set[int], own: frozenset[str]) -> str | None:
    """What a word adds to a reason: "noun" (a concrete thing), "verb" (a concrete verb or a
    comparative: "faster"), "figure" ("20 percent"), or None. Proper nouns never count: Whisper
    makes names of what it mishears ("At Son Goh"); nor do the words of the rep's own company
    (`own`: "your insurance needs" from an insurer says only what it sells)."""
    low, lemma = w.text.lower(), w.lemma_.lower()
    if not w.is_punct and _result_figure(w):
        return "figure"  # a digit, but not the phone number's: "by 60 %", "to 5 minutes"
    if w.is_punct or tokens.at(w) in excluded or lemma in own or low in own:
        return None
    if (
        w.ent_type_ in _FIGURE_ENTS
        or low in ("percent", "%")
        or (low[:1].isdigit() and low.endswith("%"))
        or (low[:1] in "$£€" and low[1:2].isdigit())  # "$200", "$10 ,000": the parse may miss the MONEY
    ):
        return "figure"
    if w.ent_type_ in _NOT_CONTENT_ENTS:
        return None  # who, where and when are not why: "Friday", "Phoenix", "Steve Clark"
    if _offered(w) or _self_described(w) or _sold(w) or _general(w):
        return None  # what the rep sells, named: "our publication", "our new IT software", "we provide ..."
    if (w.pos_ == "NOUN" or w.dep_ in _NOMINAL) and lemma not in GENERIC_NOUNS and not w.is_stop and len(low) > 2:
        return "noun"
    if lemma == "save" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("money", "time") for c in w.children):
        return None  # "I can save you money": the claim every seller makes, no figure in it
    if w.pos_ == "VERB" and lemma not in GENERIC_VERBS and not w.is_stop:
        return "past" if w.tag_ == "VBD" and w.dep_ != "amod" else "verb"
    if w.tag_ in ("JJR", "RBR") and lemma not in ("more", "less", "better"):
        return "verb"
    return None


# Verbs of a result that a figure measures ("cut that to 5 minutes", "reduce costs by 60 %"), and
# the units a figure of time or amount is said in.
_CHANGE_VERBS = frozenset(
    "cut reduce save increase lower grow double triple halve boost shave drop raise improve shorten speed".split()
)
_MONEY_WORDS = frozenset("% percent per cent dollar dollars buck bucks cents pounds euros k grand".split())
_UNITS = frozenset("minute hour day week month year percent % dollar buck point".split())


def _result_figure(w) -> bool:
    """A figure said with its unit, of money or a share ("$600", "60 %"), or of a result ("cut that
    to 5 minutes", "in half"): a specific thing in an offer (LABELS' reason rule, clause 2). A digit
    is otherwise taken for the phone number's, and a time alone ("15 minutes of your time") is none."""
    if w.ent_type_ in _FIGURE_ENTS and (w.like_num or w.text[:1] in "$£€"):
        ent = next(e for e in w.doc.ents if e.start <= w.i < e.end)
        near = w.doc[max(0, ent.start - 1) : ent.end + 1]  # "$ 600", "60 %": the sign may stand outside it
        if any(t.text[:1] in "$£€" or t.lower_ in _MONEY_WORDS for t in near):
            return True  # not a phone number's digits, which the parse may take for MONEY
    fraction = w.lower_ in ("half", "third", "quarter")
    if not (w.like_num or fraction) or w.lower_ in ("one", "a"):
        return False
    unit = w.head if w.dep_ in ("nummod", "quantmod") else w
    if (
        not fraction
        and unit.lemma_.lower() not in _UNITS
        and not any(t.lower_ in ("%", "percent") for t in w.doc[w.i + 1 : w.i + 3])
    ):
        return False
    verb = next((a for a in (unit, *unit.ancestors)[:4] if a.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in _CHANGE_VERBS


def _ours(w) -> bool:
    return w.text.lower() in _SELF or any(c.dep_ == "poss" and c.text.lower() in ("our", "my") for c in w.children)


def _offered(w) -> bool:
    """What the rep talks about of their own ("about our publication", "in our new IT software", a
    word of one): what the rep sells says nothing of why the prospect should care. The rep's
    clients helped ("we helped our clients cut taxes") are not what is offered."""
    noun = w.head if w.dep_ in ("compound", "amod") else w
    if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") and _ours(noun):
        return True
    described = next((a for a in w.ancestors if a.dep_ in ("relcl", "acl")), None)  # "our software that is
    return described is not None and _offered(described.head)  # used for creating your own campaigns"


def _self_described(w) -> bool:
    """A word of what a copula says of the rep ("we are a national provider of internet
    services", "our primary differentiator is ..."): a description of the rep, not a reason."""
    while w.dep_ not in _CLAUSES and w.head.i != w.i:
        if w.dep_ in _DESCRIBED and w.head.lemma_.lower() == "be":
            return any(c.dep_ in ("nsubj", "nsubjpass") and _ours(c) for c in w.head.children)
        w = w.head
    return False


def _sold(w) -> bool:
    """A word of what the rep says they sell or offer ("we provide managed print services", "I
    sell advertising", "I'm offering hard work"), the verb included: a description of the rep."""
    while True:
        if w.pos_ == "VERB" and w.lemma_.lower() in _SELLING_VERBS:
            subject = _own_subject(w) or (_own_subject(w.head) if w.dep_ == "conj" else None)
            return subject in _SELF
        listed = w.dep_ == "conj" and w.pos_ in ("NOUN", "PROPN", "ADJ")  # "hard work, determination, ..."
        if (w.dep_ in _CLAUSES and not listed) or w.head.i == w.i:
            return False
        w = w.head


def _general(w) -> bool:
    """A word of what the rep does for anyone of a kind, said in the present ("I help HVAC
    businesses get more customers", "we work with a lot of businesses in your space", "we can help
    companies like yours ..."), or of what most of a kind do ("most businesses don't realize
    they're at risk"): a general self-description, nothing of this listener (LABELS in
    eval/public). What the rep has done ("we helped three clinics like yours cut no-shows in half")
    is a result, not a description. The clause with the word's nearest subject decides."""
    for v in (w, *w.ancestors):
        subject = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if v.pos_ not in ("VERB", "AUX") or subject is None:
            continue
        if v.dep_ in ("ccomp", "xcomp") and _serves(v.head) and _a_kind(subject):
            continue  # "... businesses get more customers": what the kind gets, under "I help"
        return _serves(v) or (
            _present(v) and _a_kind(subject) and any(c.lower_ in ("most", "many") for c in subject.children)
        )
    return False


def _present(v) -> bool:
    """Said of now: "we help", "we can help", "they don't realize"; not "we helped", "we have helped"."""
    return v.tag_ in ("VBP", "VBZ") or (
        v.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ in ("MD", "VBP", "VBZ") for c in v.children)
    )


def _serves(v) -> bool:
    """The rep serving a kind, in the present: "I help roofers ...", "we work with SaaS teams"."""
    if v.lemma_.lower() not in _SERVING_VERBS or _own_subject(v) not in _SELF or not _present(v):
        return False
    for t in v.doc[v.i + 1 : v.i + 7]:  # the kind served, before any "you": "roofers", "a lot of businesses"
        if t.lower_ in _PROSPECT or t.is_punct:
            return False
        if _a_kind(t):
            return True
    return False


def _a_kind(w) -> bool:
    """A plural of a kind, not this listener's: "businesses", "HVAC businesses in Tampa",
    "companies like yours", "a lot of businesses"; not "your agents", not "you"."""
    if w.lower_ in ("lot", "number", "bunch") and w.pos_ == "NOUN":
        w = next((g for c in w.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), w)
    return w.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "poss" for c in w.children)


def _particular(w) -> bool:
    """A thing pinned to a particular place or number by a preposition: "the property at 418
    Palmetto Drive", "the covenants for the Maple Street neighborhood". Not a name run into it
    ("Keystone trade"): that is how Whisper hears a company, often the rep's own; not a kind ("HR
    leaders in Ohio") nor what the rep could do for them ("a way to add value to your benefits
    package at zero cost")."""
    if _a_kind(w) or _promised(w):
        return False
    holders = [w]
    if w.dep_ == "pobj" and w.head.dep_ == "prep":  # "calling about the house | at 27 Birch Lane": the
        holders.append(w.head.head)  # parse may hang the place on the verb
    return any(
        c.dep_ == "prep"
        and c.i != w.head.i
        and any(g.ent_type_ in ("FAC", "GPE", "LOC") or g.like_num for g in c.subtree if g.i != c.i)
        for h in holders
        for c in h.children
    )


def _theirs(w) -> bool:
    """Something of the prospect's in particular: "your annual service", "your company website",
    "your supply contract", or their thing doing something ("your roof gets full", "your renewal is
    due"), or what the rep would change of theirs ("cut your shipping cost"); not a bare field of
    theirs the rep offers to help with ("the cost of your print", "a part of your philanthropy"),
    nor "your company", "your earliest convenience". What they did or hold ("your inquiry", "your
    posting", `_THEIR_RECORDS`) is theirs wherever it stands in the sentence (`_content`)."""
    if not _yours(w):
        return False
    if w.dep_ == "dobj" and w.head.lemma_.lower() in _CHANGE_VERBS:
        return True  # a result for them: "I can cut your shipping cost"
    if _promised(w):
        return False
    if w.dep_ == "compound" or any(
        m.dep_ in ("compound", "nummod") or (m.dep_ == "amod" and m.tag_ != "JJS") for m in w.children
    ):
        return True
    return w.lemma_.lower() not in GENERIC_NOUNS and w.dep_ in ("nsubj", "nsubjpass")


_MODALS = frozenset("can could will would might may 'll 'd".split())


def _promised(w) -> bool:
    """A thing of theirs inside what the rep says they could do for them ("how we can help you
    reduce ... your manufacturing operations", "a way to add value to your benefits package", "about
    helping you convert more of your leads"): a claim any seller makes, which LABELS' rule asks to
    carry a specific thing (a figure, a date) before it is a reason; not something the rep knows of
    them ("your renewal is due", "I saw your posting")."""
    for v in w.ancestors:
        if v.pos_ == "NOUN" and v.lemma_.lower() == "way" and any(c.dep_ in ("acl", "relcl") for c in v.children):
            return True
        if v.pos_ not in ("VERB", "AUX"):
            continue
        subject = _own_subject(v)
        if subject is None:
            if v.tag_ == "VBG" and v.lemma_.lower() in _SERVING_VERBS:
                return True  # "calling about helping you ..."
            continue
        if subject == "you" and v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in _SERVING_VERBS:
            continue  # "we can help you reduce ...": the clause of "help" decides
        modal = any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children)
        serving = v.lemma_.lower() in _SERVING_VERBS and _present(v)  # "we help ...", not "we helped ..."
        return subject in _SELF and (modal or serving) and not _specific(v)
    return False


def _promise_of_theirs(sentence) -> bool:
    """What the rep could do with a thing of theirs ("we can have your delivery times to Glasgow",
    Whisper's "have" for "halve"): concrete, so a topic to sharpen, not nothing said."""
    return any(_yours(w) and w.lemma_.lower() not in GENERIC_NOUNS and _promised(w) for w in sentence)


def _specific(v) -> bool:
    """A promise with a specific thing in it: a date ("cut by Friday") or a figure ("by a third");
    "today", "tonight" are said of any offer."""
    return any(
        (g.ent_type_ in ("DATE", "TIME") and not g.like_num and g.lower_ not in ("today", "tonight"))
        or _result_figure(g)
        for g in v.subtree
    )


def _about_them(sentence) -> bool:
    """The prospect does or undergoes something said in the sentence ("you're hiring", "you may have
    been hit"), not only hears from the rep ("tell you about", "speak with you")."""
    for w in sentence:
        if w.dep_ == "dobj" and _yours(w) and w.head.pos_ == "VERB" and w.head.lemma_.lower() in _PERCEIVING_VERBS:
            return True  # "we noticed your property listing", "I saw your ad": what the rep saw of theirs
        if w.dep_ == "dative" and w.head.lemma_.lower() == "offer" and any(t.ent_type_ == "DATE" for t in sentence):
            return True  # a dated offer to them: "I'd like to offer you a free roof inspection this month"
        theirs_acting = w.dep_ in ("nsubj", "nsubjpass") and _yours(w)  # "your team is hiring"
        if (w.text.lower() != "you" and not theirs_acting) or w.dep_ == "dative":  # "buy you coffee": the rep does it
            continue
        verb = w.head
        while verb.pos_ == "ADP" and verb.head.i != verb.i:
            verb = verb.head
        if _promised(w) or _supposed(verb):  # "we can help you reduce ...", "if you ever need help with ..."
            continue
        if (
            verb.lemma_.lower() not in GENERIC_VERBS
            or w.dep_ in ("nsubj", "nsubjpass")
            and verb.pos_ == "VERB"
            and (verb.lemma_.lower() not in ("be", "have", "do", "get"))
        ):
            return True
        if w.dep_ == "nsubj" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _PERCEIVING_VERBS:
            return True  # "I noticed you had some things in your cart": what the rep saw of them
    return False


# The rep's wish, suggestion or question over what the prospect might do: "I'd like to suggest that
# you consider a new vendor", "I wanted to see whether you need ...", "I wonder if you're ...".
_SUPPOSING_VERBS = frozenset("suggest recommend wonder ask like love want hope think".split())


def _supposed(verb) -> bool:
    """What they might do, not what the rep knows of them: a condition ("if you ever need help
    with a kitchen remodel"), a question ("a quick question about how you're handling the
    cleaning"), or the rep's suggestion ("I'd like to suggest that you consider a new vendor").
    `verb` is the prospect's verb, past any preposition the parse hung them on."""
    for v in (verb, *verb.ancestors):
        if v.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "whether", "unless", "how") for c in v.children):
            return True
        if v is verb and v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in _SUPPOSING_VERBS:
            wisher = v.head if v.head.dep_ != "xcomp" else v.head.head  # "I'd like to suggest that you ..."
            return _subject(wisher) in _SELF  # not "I wanted to let you know the incentives expire ..."
        if _own_subject(v) is not None and v is not verb:
            return False
    return False


def _about_us(sentence) -> bool:
    """The rep speaks of themselves: "I" or "we" doing something concrete ("I just accepted a
    job"), or something of theirs ("our clients"); not "I'm calling about ...", "I want to speak
    with you about ...", where the rep only carries the message."""
    for w in sentence:
        if w.text.lower() not in _SELF:
            continue
        head = w.head
        if w.dep_ == "poss" or head.lemma_.lower() not in GENERIC_VERBS or head.pos_ != "VERB":
            return True
    return False


def _content(sentence, tokens: Tokens, excluded: set[int], own: frozenset[str]) -> tuple[int, int, int, str]:
    """(concrete nouns, concrete verbs and comparatives, figures, whose) of a sentence: whose is
    "theirs" where it names something of the prospect's in particular ("your renewal", "your annual
    service", not "your company"), "about them" where the sentence names them, "ours" where it
    speaks only of the rep ("I sell advertising")."""
    kept = [w for w in sentence if tokens.at(w) not in excluded or _result_figure(w)]
    kinds = [_kind(w, tokens, excluded, own) for w in kept]
    records = any(_yours(w) and w.lemma_.lower() in _THEIR_RECORDS for w in sentence)  # also in an earlier try's
    theirs = (
        records or any(_theirs(w) for w in kept) or any(k == "noun" and _particular(w) for w, k in zip(kept, kinds))
    )
    whose = "theirs" if theirs else "about them" if _about_them(kept) else "ours" if _about_us(kept) else ""
    if whose != "ours":  # what happened to the rep ("I just accepted a job") is no reason; to them it is
        kinds = ["verb" if k == "past" else k for k in kinds]
    return kinds.count("noun"), kinds.count("verb"), kinds.count("figure"), whose


def _is_reason(nouns: int, verbs: int, figures: int, whose: str) -> bool:
    """A reason by LABELS' rule (eval/public): a figure ("by 60 %"); a concrete thing of theirs
    ("your renewal", "your inquiry"); something they do or undergo, said with a concrete thing ("hail
    hit your street", "you're hiring new sales reps"). Concrete words about a topic or about the rep
    alone ("I'm calling about IT security", "we offer a free AI receptionist") are the rep's
    self-description or a claim any seller makes, not something of this listener."""
    if figures > 0 or (nouns >= 1 and whose == "theirs"):
        return True
    if verbs >= 2 and whose in ("theirs", "about them"):
        return True  # what they do: "you're hiring new sales reps" (however "reps" is tagged)
    return whose == "about them" and nouns >= 1 and nouns + verbs >= 2


def _is_topic(nouns: int, verbs: int, figures: int, whose: str) -> bool:
    """Concrete words that are not yet a reason: a concrete thing and something said of it, three
    such words where the rep speaks only of themselves ("we help dentists fill cancelled
    appointments", not "I sell advertising")."""
    return nouns >= 1 and nouns + verbs >= (3 if whose == "ours" else 2)


def _quote(tokens: Tokens, sentence, excluded: set[int], own: frozenset[str], start=None) -> tuple[int, int]:
    """Token span quoted as the reason: from the clause of its first concrete word (back past at
    most four words, never into the introduction or a number), ten words at most, so Whisper's
    run-on sentences quote the reason and not the greeting before it."""
    ks = sorted({tokens.at(w) for w in sentence if not w.is_punct})
    first = (
        tokens.at(start)
        if start is not None
        else next((tokens.at(w) for w in sentence if _kind(w, tokens, excluded, own)), None)
    )
    if first is None:
        kept = [k for k in ks if k not in excluded] or ks
        return kept[0], min(max(ks) + 1, kept[0] + 10)
    i = first
    while i - 1 >= ks[0] and first - i < 4 and i - 1 not in excluded and not tokens.toks[i - 1].mark:
        i -= 1
    return i, min(max(ks) + 1, i + 10)


def find_reason(
    tokens: Tokens, intro: Sequence[Cue | None] = (), extra: Sequence[str] = (), unsure_content: float = 0.0
) -> Cue | None:
    """The first sentence that gives a reason (the introduction's words `intro` left out). Where
    none is sure but a sentence of content words was mostly unsure (its words under UNSURE_WORD, or
    most of its concrete words under `unsure_content`), it comes back `garbled`; where none gives a
    reason but one has concrete words about a topic or the rep's offer ("I'm calling about IT
    security for medical offices"), that one comes back as a "topic": something to sharpen, not
    nothing said."""
    if not tokens.toks:
        return find_phrase(tokens, "reason", extra)
    excluded = _excluded(tokens, intro)
    own = frozenset(
        t.low for c in intro if c is not None and c.part == "company" for t in tokens.toks[c.first : c.last]
    )
    garbled = topic = None
    for sentence in tokens.doc.sents:
        counts = _content(sentence, tokens, excluded, own)
        i, j = _quote(tokens, sentence, excluded, own)
        words = [
            tokens.toks[k] for k in sorted({tokens.at(w) for w in sentence if not w.is_punct}) if k not in excluded
        ]
        content = [tokens.toks[tokens.at(w)] for w in sentence if _kind(w, tokens, excluded, own)]
        mostly_unsure = (len(words) >= 3 and 2 * sum(t.probability < UNSURE_WORD for t in words) >= len(words)) or (
            2 * sum(t.probability < unsure_content for t in content) > len(content) > 0
        )  # the words that would make it a reason ("a coffee grinder", "a national project") were unsure
        concrete, because = _is_reason(*counts), None
        if not concrete:  # no concrete words, but a shared history or someone who sent the rep
            because = next(
                (
                    w
                    for w in (read(sentence) for read in (_shared_history, _referred, _answered, _seen))
                    if w is not None
                ),
                None,
            )
            if because is not None:
                i, j = _quote(tokens, sentence, excluded, own, because)
        if (concrete or because is not None) and not mostly_unsure:
            return cue(tokens, "reason", i, j, tokens.said(i, j))
        if garbled is None and mostly_unsure:  # a reason, maybe, but not what Whisper heard for sure
            garbled = cue(tokens, "reason", i, j, tokens.said(i, j), garbled=True)
        elif topic is None and not mostly_unsure and (_is_topic(*counts) or _promise_of_theirs(sentence)):
            topic = cue(tokens, "topic", i, j, tokens.said(i, j))
    return find_phrase(tokens, "reason", extra) or garbled or topic
