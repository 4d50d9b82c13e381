"""The common words every voicemail has, about anyone: what a check-in is made of ("touch base",
"see how things are going", "following up on my email"), so no reason on their own. The reason
(reason.py) and what the rep and prospect share (history.py) both read them, and the verbs of the
rep noticing something of the prospect's."""

# Nouns every voicemail says, about anyone: they make no reason on their own ("money", "deal":
# the claim every seller makes, "I can save you money", is none; a figure still is).
GENERIC_NOUNS = frozenset(
    """
    time day week month year minute moment second thing stuff idea question chat call conversation email e-mail
    message note voicemail base touch way bit business company team organization organisation goal need plan
    priority opportunity solution service product platform offering tool value help info information chance
    number phone line name today tomorrow morning afternoon evening night weekend lot couple everything something
    anything nothing people person folk guy end point part kind sort type case matter reason fact account meeting
    demo check hello hi thanks thank goodbye bye office desk cell mobile telephone text ring buzz shout extension
    contact detail list purpose convenience care meantime
    approach experience sale sales process strategy challenge area life world work job role side update news
    option choice question concern whenever sometime
    money saving deal
    """.split()
)
# Verbs of getting in touch, wanting and being: a check-in is made of them.
GENERIC_VERBS = frozenset(
    """
    be have do go get make say tell talk speak chat call ring phone reach contact touch check follow connect see
    hear know let want like love hope think wonder try look give leave send share discuss meet schedule set book
    catch return reply come take put keep stop help learn introduce mention find feel thank sound work need use
    happen bother disturb write mean grab pick drop shoot text email message visit update show explore appreciate
    understand believe guess reach_out circle hop jump talk sit mind miss stay
    """.split()
)
# What the rep noticed of the prospect ("I noticed you had ...", "I saw you're hiring"): about them.
_PERCEIVING_VERBS = frozenset("notice see hear read learn understand spot".split())
