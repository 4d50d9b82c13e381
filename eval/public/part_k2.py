"""Part k of the public set (#24), continued: messages pub_k_21 onward of the seventh held-out half
("held7"), taken from files of public GitHub repositories that no earlier part used (domain-sales and
outreach tools, an insurance agency's voice-clone and AI-caller code, a real estate investors' voicemail-drop
service, sales playbooks and templates of small AI-receptionist agencies, a B2B outbound brief, a travel
membership's AI benefits guide), each file cited at a fixed commit as its own page, at most two messages a
file and no repository of /work/exp/used_sources_k.txt. Labels were written from the scripts alone, by the
set's rules (LABELS in public/__init__.py, the band rule and the reason rule of 2026-12-07 included), before
anything was spoken or reviewed; every message here is in the seventh held-out half "held7" (Public.half),
scored only at the end. Part k (part_k.py, pub_k_01 to pub_k_20) holds the messages of this half taken from
web pages; the numbering here starts at 21.

Conventions kept from parts a-j: a first name alone is a name (an AI agent's own name counts); a caller with
no firm (a person selling a domain of their own) has no company to insist on (company not judged); "My
number is" alone is no ask (pub_a_15, pub_j_22), "call me back at" / "give me a call at" / "you can reach me
at" / "please call Jake back at" with the number is one (pub_a_03); a call-back message that asks for a
call and leaves no number has phone_number flagged (pub_f_02, pub_j_28); a message with no number and no
request that only says what happens next (an email, a text) is an educate message (pub_f_03, pub_f_21,
pub_j_24), with call_to_action and phone_number skipped; a number said once is the measured repeat check,
not a hand flag (pub_a_04, pub_e_01); "just" in "just want to" is a listed weak phrase, "just" meaning
"only" or "simply" ("just give us a call back") is not (pub_h2); weak_phrases is not judged where the only
candidate is a hedge of none of the listed kinds ("I'll assume the timing isn't right", pub_j_22). The
reason rule is applied as in part j2: a named product for the listener's situation with a figure is clause
2 (pub_j_25), the firm's general self-description or a loss statistic of the whole trade is not (pub_j_23,
pub_j_24, pub_j_26); the listener's own inquiry, account or property named is clause 1 (pub_d_13,
pub_i_20). Placeholders (${first}, {{lead.first_name}}, [Name], [Phone]) are filled with invented names and
details; every number is written "{number}" and replaced by an invented valid US number; figures and web
addresses are written as spoken ("80 percent", "dot com"); SSML tags are dropped; a dash between clauses is
written as a comma. Each change is said in `adapted`. Words are counted outside the number (estimates:
"about"); time is estimated at 150 words a minute plus about 5 s per saying of the number.
"""

from public import Public

F = frozenset

_GH = "https://github.com/"
_DS1 = _GH + "ds1/outbound-workflow/blob/"
_STREETSMART = (
    _GH + "streetsmart-insurance/robie-hermes/blob/9fc781f73425acb7b586e9e0d5280dc127674371/"
    "services/zapier-bland-webhook/prompts.py"
)

MESSAGES: list[Public] = [
    Public(
        name="pub_k_21_premium_domain",
        source=_DS1 + "2ea3643c6a985b97174812d18ecb03dd00e74e91/docs/docs/tutorials/voicemail-drops.md",
        source_title="Outbound Workflow (domain sales), docs/tutorials/voicemail-drops.md: Script Templates, Initial Voicemail",
        text=(
            "Hey Dana, this is Greg. I sent you an email about a domain I have, harbor bakery dot com. I think it "
            "could be a great fit for Harbor Bakery. Give me a call at {number} if you want to chat. Again, "
            "{number}. Thanks!"
        ),
        band="good",
        skip=F({"company"}),
        number="6152847391",
        adapted=(
            "{{lead.first_name}} -> Dana, {{sender.name}} -> Greg, {{domain.full}} -> 'harbor bakery dot com' (a web "
            "address written as spoken), {{lead.company}} -> Harbor Bakery, {{sender.phone}} -> {number} (twice); "
            "the dashes around the domain as commas; line breaks as spaces."
        ),
        notes=(
            "A domain seller's voicemail drop after an email: the domain named for the listener's own business "
            "(a named product for their situation, clause 2) and the email already sent, with its subject "
            "(clause 4), are the reason; first name; 'Give me a call at' with the number is the ask, the number "
            "said twice. The seller names no firm (a person selling a domain of his own): company not judged. "
            "'I think it could be a great fit' rides on the named domain, not a bare claim. About 39 words (the "
            "web address as one; 42 counting its four spoken words), about 26 s. Nothing to fix: good."
        ),
    ),
    Public(
        name="pub_k_22_domain_last_time",
        source=_DS1 + "b200b67721519af750279fc828eb96036939b522/src/lib/default-templates.ts",
        source_title="Outbound Workflow (domain sales), src/lib/default-templates.ts: DEFAULT_VOICEMAIL_TEMPLATES 'Final Voicemail'",
        text=(
            "Hi Dana, Greg here one last time. I've been trying to reach you about harbor bakery dot com. I'll "
            "assume the timing isn't right, but if anything changes, my number is {number}. Best of luck with "
            "Harbor Bakery. Take care!"
        ),
        band="fix",
        flags=F({"call_to_action"}),
        skip=F({"company", "weak_phrases"}),
        number="7192638450",
        adapted=(
            "{{lead.first_name}} -> Dana, {{sender.name}} -> Greg, {{domain.full}} -> 'harbor bakery dot com', "
            "{{lead.company}} -> Harbor Bakery (as pub_k_21), {{sender.phone}} -> {number}; line breaks as spaces."
        ),
        notes=(
            "The same tool's last-attempt voicemail ('before closing loop'), read on its own: the domain named "
            "for the listener's business is still the reason (clause 2, as pub_k_21); first name, no firm "
            "(company not judged). 'if anything changes, my number is' is no ask (pub_a_15, pub_j_22): "
            "call_to_action flagged. 'I'll assume the timing isn't right' is a hedge of none of the listed kinds: "
            "weak_phrases not judged. About 36 words (the web address as one). One thing: fix."
        ),
    ),
    Public(
        name="pub_k_23_coverage_options",
        source=(
            _GH + "nneessen/commissionTracker/blob/2337e9c09794d3b493c32d6fb3b1a01e827271c2/"
            "docs/handoff-standard-chat-bot-voice-clone-scripts.md"
        ),
        source_title="CommissionTracker, docs/handoff-standard-chat-bot-voice-clone-scripts.md: Example Rewrites, Voicemail Example",
        text=(
            "Hey Ellen, it's Rachel from Summit Life Insurance Group. I was giving you a call because I had a "
            "chance to look into some coverage options for you and I found a few things I think you're really "
            "going to like. Give me a call back when you get a chance, my number is {number}. I'm available most "
            "of the day, so whenever works for you. Looking forward to connecting. Take care."
        ),
        band="poor",
        flags=F({"reason"}),
        number="4804716239",
        adapted=(
            "[Name] -> Ellen, [AgentName] -> Rachel, [Agency] -> 'Summit Life Insurance Group', [PhoneNumber] -> "
            "{number}; the dash as a comma; line breaks as spaces."
        ),
        notes=(
            "An insurance agent's model voicemail for an AI voice clone: first name, agency, 'Give me a call back "
            "when you get a chance, my number is' with the number is an ask. The reason, 'some coverage options "
            "for you ... a few things I think you're really going to like', names no policy, inquiry, product or "
            "figure of this listener: a claim every seller makes ('I think you'd be interested'), reason flagged. "
            "No listed weak phrase. About 71 words, over 60 (about 34 s): a second thing. Poor."
        ),
    ),
    Public(
        name="pub_k_24_never_miss",
        source=(
            _GH + "ModernMustardSeed/modern-mustard-seed/blob/2f86fd1d7403fa65b4dbe4c51caa78d09e0bc91c/"
            "lib/lead-script.ts"
        ),
        source_title="Modern Mustard Seed, lib/lead-script.ts: buildLeadScript voicemail ('If you get voicemail')",
        text=(
            "Hi, this is Tara with Modern Mustard Seed, calling for Lakeside Auto Repair. I help Tulsa businesses "
            "make sure they never miss a call or a booking, even after hours. I'd love to show you a quick demo, "
            "it's pretty cool. Call or text me back, or I'll try you again. Thanks!"
        ),
        band="poor",
        flags=F({"reason", "phone_number"}),
        number=None,
        adapted="${first} (the rep's first name) -> Tara, ${biz} -> 'Lakeside Auto Repair', ${city} -> Tulsa.",
        notes=(
            "An AI-receptionist agency's cold-call voicemail, built for each lead: first name and firm. 'I help "
            "Tulsa businesses make sure they never miss a call' is the rep's general self-description with "
            "nothing of this listener (the business is only named as the one called): reason flagged. 'Call or "
            "text me back' asks for a call and no number is said: phone_number flagged, poor on its own "
            "(eval/judged.py p02). 'it's pretty cool' is none of the listed weak kinds. About 52 words (long, "
            "not a further thing)."
        ),
    ),
    Public(
        name="pub_k_25_dental_revenue",
        source=(
            _GH + "colin330smith/500k-mrr/blob/940a37ea0eb8b7a1190ecf30a467b007722e14bf/marketing/cold-call-script.md"
        ),
        source_title="500k-mrr (DentalCall AI), marketing/cold-call-script.md: Voicemail Script",
        text=(
            "Hi Dr. Patel, this is Ben with DentalCall AI. I help dental practices recover revenue from missed "
            "patient calls, the average practice loses over one hundred thousand dollars per year to voicemail. "
            "I'd love to show you how we've helped practices like yours. My number is {number} or you can check "
            "us out at DentalCall AI dot com. I'll try you again later this week. Thanks!"
        ),
        band="poor",
        flags=F({"reason", "call_to_action"}),
        number="6144392817",
        adapted=(
            "Dr. [Name] -> Dr. Patel, [Your Name] -> Ben, [XXX-XXX-XXXX] -> {number}; '$100K+' as words ('over one "
            "hundred thousand dollars'); the dash as a comma; line breaks as spaces."
        ),
        notes=(
            "An AI-answering startup's voicemail to a dentist: first name and firm. 'I help dental practices "
            "recover revenue' is the firm's self-description, and the figure is the whole trade's average loss, "
            "not an offer or result for this practice (compare pub_k_26, whose figure is the product's result): "
            "reason flagged. 'My number is ... or you can check us out at' a web address asks for no call back: "
            "call_to_action flagged (pub_a_15). About 65 words, over 60 (about 31 s): a third thing. Poor."
        ),
    ),
    Public(
        name="pub_k_26_no_shows",
        source=(
            _GH + "miltosgm/clawd-docs/blob/85dc9aa8f7185f3d8b104a0edb8bc0c14de2b620/"
            "project-tasks/voice-ai/dental-outreach-templates.md"
        ),
        source_title="clawd-docs (VoiceDesk), project-tasks/voice-ai/dental-outreach-templates.md: Voicemail Script",
        text=(
            "Hi Dr. Osei, this is Laura from VoiceDesk. I'm reaching out to a few dental practices in Columbus "
            "about a tool we built that automates appointment reminder calls using AI, most practices cut no-shows "
            "by 30 to 50 percent in the first month. I'd love to show you a quick 10-minute demo if you're open to "
            "it. My number is {number}, give me a call back, or visit VoiceDesk dot io to book a time that works "
            "for you. Thanks, Dr. Osei, talk soon."
        ),
        band="fix",
        number="6143785102",
        adapted=(
            "[Name] -> Dr. Osei (twice), [Your Name] -> Laura, [City] -> Columbus, [Phone] -> {number}; '30-50%' as "
            "'30 to 50 percent', 'VoiceDesk.io' as 'VoiceDesk dot io', the dashes as commas; line breaks as spaces."
        ),
        notes=(
            "An AI-reminder startup's voicemail to a dental practice: first name and firm; 'My number is ..., give "
            "me a call back' with the number is an ask. The reason names a product for the listener's situation "
            "(automated appointment reminder calls for a dental practice) with a figure (no-shows cut by 30 to 50 "
            "percent in the first month): clause 2, ok (borderline, as pub_j_25: the same words go to every "
            "practice in the city). No listed weak phrase. About 83 words, over 60 (about 38 s, not rambling): "
            "the one thing. Fix."
        ),
    ),
    Public(
        name="pub_k_27_target_launch",
        source=(
            _GH + "jwcollins6/gtm-bd-operator-orderful/blob/6c7c827fb265ea3c42cace11ae8fbefad16145e9/"
            "output/example-brief-true-classic.md"
        ),
        source_title="GTM BD operator (Orderful), output/example-brief-true-classic.md: Step 4, Voicemail (if no answer)",
        text=(
            "Hi Dana, this is Marcus from Orderful, following up on a couple notes about your Target launch. Brands "
            "like Liquid Death have used us to cut the time it takes to stand up a new trading partner by 80 "
            "percent. I'll send a quick email right after this with their case study, would love 15 minutes if the "
            "timing's right."
        ),
        band="good",
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted=(
            "[Name] -> Dana, [Sender name] -> Marcus; '80%' as '80 percent'; the dash as a comma; line breaks as "
            "spaces. Orderful, Target and Liquid Death are the file's own names."
        ),
        notes=(
            "An EDI vendor's day-10 voicemail in an outbound sequence to a brand that has just launched in Target "
            "stores: no number and no call-back request, only what comes next (an email with the case study), "
            "'would love 15 minutes' being a wish, not an ask: educate (pub_f_03). The listener's own Target "
            "launch (an event at their firm, clause 1) and the notes already sent, with their subject (clause 4), "
            "are the reason, with a named customer's figure besides; first name and firm. 'following up' without "
            "'just' is none of the listed kinds. About 60 words, under the educate limit of about 70. Good."
        ),
    ),
    Public(
        name="pub_k_28_lead_loss",
        source=_GH + "LixenAI/prorpecting-agent/blob/57caddeea07868303de233d90cf9cbbf29386baf/src/lib/callScript.ts",
        source_title="Lixen AI prospecting agent, src/lib/callScript.ts: defaultCallScript.voicemail",
        text=(
            "Hi, this is Ava from Lixen AI. We help med spas recover missed consultation leads with AI follow-up "
            "and booking automation. I'll send a quick text with details about a free lead-loss audit. Thanks."
        ),
        band="fix",
        flags=F({"reason"}),
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted="",
        notes=(
            "An AI prospecting agent's voicemail to med spas: no number and no request, only the text that "
            "follows: educate (pub_f_03, pub_j_24). The agent's name and firm. 'We help med spas recover missed "
            "consultation leads' is the firm's general self-description, said to every spa; the free audit is "
            "only named as what the text will hold, with nothing of this spa and no figure or date: reason "
            "flagged. About 34 words, about 14 s. Fix."
        ),
    ),
    Public(
        name="pub_k_29_cash_buyer",
        source=(
            _GH + "divinebfavor-ai/VEORI-AI-MAIN/blob/a7daa94e67f0afd816aef90c297ec1a42bf5d6a7/"
            "backend/src/services/voicemailService.js"
        ),
        source_title="VEORI AI (real estate investors), backend/src/services/voicemailService.js: VOICEMAIL_TEMPLATES.first_contact",
        text=(
            "Hi Robert, this is Alex calling from Ridgeline Home Buyers. I'm a local real estate investor and I was "
            "reaching out about your property. I'd love to make you a fair all-cash offer, no repairs needed, no "
            "agent fees. Give me a call back at your convenience. Looking forward to speaking with you. Have a "
            "great day."
        ),
        band="poor",
        flags=F({"reason", "phone_number"}),
        number=None,
        adapted=(
            "${firstName} -> Robert, ${aiName} -> Alex (the file's default), ${companyName} -> 'Ridgeline Home "
            "Buyers' (invented; the file's fallback is 'our real estate investment group'); the dash as a comma."
        ),
        notes=(
            "A ringless voicemail drop of a home-buying investor's AI caller: first name and firm. 'about your "
            "property' names no address (compare pub_d_13, whose address made the reason), and 'a fair all-cash "
            "offer, no repairs needed, no agent fees' is the claim every cash buyer makes, with no figure or date: "
            "reason flagged. 'Give me a call back at your convenience' asks for a call and no number is said: "
            "phone_number flagged, poor on its own (eval/judged.py p02). About 57 words (long, not a further "
            "thing)."
        ),
    ),
    Public(
        name="pub_k_30_travel_credits",
        source=(
            _GH + "ethanstopperich1-rgb/voxaris-arrivia-agents/blob/4ef327493a7b8ea1db4ad9a92ac16cf4073859c0/"
            "apps/andie/voxaris_andie/worker.py"
        ),
        source_title="Voxaris Arrivia agents, apps/andie/voxaris_andie/worker.py: VOICEMAIL_VERBATIM_TEMPLATE (Government Vacation Rewards)",
        text=(
            "Hi Maria, this is Andee calling on behalf of Government Vacation Rewards. I'm reaching out because you "
            "have two hundred fifty dollars in travel credits in your account that are ready to use, and I just "
            "want to make sure you know how to access them. We'd love to walk you through your benefits and help "
            "you put them to work on your next trip. Just give us a call back at {number}. Again, that's {number}. "
            "If you'd prefer not to hear from us, call that same number and we'll get you removed right away. Talk "
            "soon, Maria."
        ),
        band="poor",
        flags=F({"weak_phrases"}),
        number="8503962714",
        adapted=(
            "{member_name} -> Maria (twice); {incentive_amount} -> 'two hundred fifty dollars in travel credits' "
            "(the file's default amount is $250; its outbound opener calls them 'unused travel credits'); "
            "{callback_number_spoken} -> {number} (twice); the SSML <break/> tags dropped."
        ),
        notes=(
            "A travel-membership program's AI benefits guide leaving a voicemail for a member: the credits in the "
            "listener's own account are the reason (clause 1), the agent's name and the program, 'Just give us a "
            "call back at' with the number said twice ('just' as 'simply', not weak). 'I just want to make sure' "
            "is the listed weak 'just want to' (around word 36, after the first ten: opening ok): weak_phrases "
            "flagged. About 96 words, with the opt-out sentence: about 48 s with the number twice, rambling, poor "
            "on its own."
        ),
    ),
    Public(
        name="pub_k_31_quote_request",
        source=_STREETSMART,
        source_title="Robie Hermes (StreetSmart Insurance), services/zapier-bland-webhook/prompts.py: voicemail_message, robie-lead-followup",
        text=(
            "Hi, this is Eva, an A.I. assistant calling on behalf of Jake from StreetSmart Insurance. I'm following "
            "up on your recent quote request with StreetSmart Insurance. Please call Jake back at {number}. Again, "
            "that number is {number}. Thank you, and have a great day."
        ),
        band="good",
        number="7136084925",
        adapted=(
            "{digits} (the callback number, said digit by digit) -> {number} (twice); {reason_sentence} -> the "
            "'robie-lead-followup' reason sentence of services/zapier-bland-webhook/scripts_config.json at the "
            "same commit."
        ),
        notes=(
            "An insurance agency's AI caller leaving its second-attempt voicemail for a web lead: the listener's "
            "own quote request is the reason (clause 1); the agent's name, the producer and the agency; 'Please "
            "call Jake back at' with the number said twice. 'I'm following up on' without 'just' is none of the "
            "listed kinds. About 42 words, about 27 s. Nothing to fix: good."
        ),
    ),
    Public(
        name="pub_k_32_check_in",
        source=_STREETSMART,
        source_title="Robie Hermes (StreetSmart Insurance), services/zapier-bland-webhook/prompts.py: voicemail_message, robie-client-outreach",
        text=(
            "Hi, this is Eva, an A.I. assistant calling on behalf of Jake from StreetSmart Insurance. I'm reaching "
            "out with a quick check-in on your account. Please call Jake back at {number}. Again, that number is "
            "{number}. Thank you, and have a great day."
        ),
        band="fix",
        flags=F({"reason"}),
        number="7136084925",
        adapted=(
            "{digits} -> {number} (twice); {reason_sentence} -> the 'robie-client-outreach' reason sentence of "
            "services/zapier-bland-webhook/scripts_config.json at the same commit."
        ),
        notes=(
            "The same voicemail with the client-outreach campaign's reason: name, agency, 'Please call Jake back "
            "at' with the number said twice, but the only reason is 'a quick check-in on your account', a vague "
            "check-in with nothing of the account named: reason flagged (compare pub_k_31). About 41 words. One "
            "thing: fix."
        ),
    ),
]
