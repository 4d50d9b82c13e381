"""Part j of the public set (#24), continued: messages pub_j_21 onward of the sixth held-out half
("held6"), taken from files of public GitHub repositories that no earlier part used (sales playbooks and
bonus guides, dialer and CRM code, voice-agent configs, outreach kits), each file cited at a fixed commit
as its own page, at most two messages a file. Labels were written from the scripts alone, by the set's
rules (LABELS in public/__init__.py, the reason rule included), before anything was spoken or reviewed;
every message here is in the half "held6" (Public.half), scored only at the end. Part j (part_j.py,
pub_j_01 to pub_j_20) holds the messages of this half taken from web pages.

Conventions kept from parts a-i: a first name alone is a name; "My number is" alone is no ask
(pub_a_15), "you can reach me at" / "call us at" with the number is one (pub_a_03); a message with no
number and no request that only says what happens next (a later call, an email, a text) is an educate
message (pub_f_03, pub_f_21), with call_to_action and phone_number skipped; "just" meaning "only" or
"simply" is not the weak "just" (pub_h2). Placeholders ([Name], {{first_name}}, $, [YOUR PHONE]) are
filled with invented names and details; every number is written "{number}" and replaced by an invented
valid US number, also where the source gives a real one; a dash between clauses is written as a comma.
Each change is said in `adapted`. Words are counted outside the number (estimates: "about").
"""

from public import Public

F = frozenset

_GH = "https://github.com/"
_BONUS = (
    _GH + "mehdibadaoui/aifastscale-lp/blob/80833b090b261233b87451340b4c3336d2147bd0/"
    "public/bonuses/phone-scripts-that-book.html"
)
_DEPOT = (
    _GH + "hcindus/AOS-Brain/blob/352b376c6bab4e012fc7eac131b26cb055676c99/"
    "AGI_COMPANY/agents/sales/depot_sales_system.py"
)
_JTLH = _GH + "jtlhltd/ai-booking-mvp/blob/357736e726e81647b5ba6ef27fdcd25a81d4c284/schedule-prospect-calls.js"
_VOICEIQ = _GH + "jdgafx/voiceiq-coldcaller/blob/d5e997f63e70fc2ca6b3c18f88ce8c1af1a59ab9/app/src/pages/"
_IHL = _GH + "javiercifuentesm/infinite-home-lending/blob/e9e2c4d8feadcba599613d935e8342c368db7eaa/src/"
_HERITAGE = (
    _GH + "guy4carbs/goldcoastfinancial/blob/324a8ebd35f738d7b3f3635e98500fe2728dc9ca/"
    "client/src/components/agent/VoicemailRecorder.tsx"
)
_TIPSY = (
    _GH + "AlonzoSmileyIV/Tipsyverse/blob/2180e4e42dd4833ec20cc9f44d593179c8884b85/"
    "client/src/components/DetailedEventForm/DetailedEventForm.js"
)
_YCM = (
    _GH + "williamruiz1/YourCondoManager/blob/02da4fe8a4b393093ba4536f56349249738c73a5/"
    "docs/strategy/email-templates/pm-outreach.md"
)
_STAHLA = _GH + "fescii/Stahla/blob/ceee8cd27b5f26bb5ad51c6666a09cf04b42c644/app/assets/script.md"

MESSAGES: list[Public] = [
    Public(
        name="pub_j_21_reached_out",
        source=_BONUS,
        source_title="AI FastScale bonus 'Phone Scripts That Book', Script 5 Voicemails: First Voicemail",
        text=(
            "Hi Denise, this is Marco with Coastal Home Renovations. You reached out about a kitchen remodel. I have "
            "some information that might help. Call me back at {number}. Again, {number}. Talk soon."
        ),
        band="good",
        number="9527433476",
        adapted=(
            "[Name] -> Denise, [Your Name] -> Marco, [Business] -> 'Coastal Home Renovations', [topic] -> 'a kitchen "
            "remodel', [number] -> {number} (twice)."
        ),
        notes=(
            "A bonus guide's first voicemail to a lead who reached out: the listener's own inquiry is the reason "
            "(clause 1, their inquiry), name, company, 'Call me back at' with the number said twice. 'I have some "
            "information that might help' is vague but not the reason and none of the listed weak kinds. About 30 "
            "words. Nothing to fix: good."
        ),
    ),
    Public(
        name="pub_j_22_letting_go",
        source=_BONUS,
        source_title="AI FastScale bonus 'Phone Scripts That Book', Script 5 Voicemails: Final Voicemail",
        text=(
            "Hey Denise, Marco here. I've tried a couple times. I'll assume you're busy or this isn't a priority, "
            "totally understand. If you ever need help with a kitchen remodel, my number is {number}. Best of luck."
        ),
        band="poor",
        flags=F({"company", "reason", "call_to_action"}),
        skip=F({"weak_phrases"}),
        number="5059549939",
        adapted=(
            "[Name] -> Denise, [Your Name] -> Marco, [topic] -> 'a kitchen remodel' (as pub_j_21), [number] -> "
            "{number}; the dash as a comma."
        ),
        notes=(
            "The same guide's 'letting go' last voicemail, read on its own: no firm is named to a lead he has never "
            "spoken with (company flagged); the only reason is his own earlier attempts and a general topic, nothing "
            "of this listener (reason flagged); 'If you ever need help ..., my number is' is no ask (pub_a_15, "
            "call_to_action flagged). 'I'll assume you're busy ... totally understand' is a hedge of none of the "
            "listed kinds: weak_phrases not judged. About 35 words. Poor."
        ),
    ),
    Public(
        name="pub_j_23_pos_supplies",
        source=_DEPOT,
        source_title="Performance Supply Depot AI sales agents, depot_sales_system.py: Miles 'voicemail' script",
        text=(
            "Hi, this is Miles from Performance Supply Depot. I'm calling about your POS supplies. We're a local "
            "Vegas company specializing in same-day delivery and on-site printer repair. Give me a call back at "
            "{number}. Thanks!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="7022488766",
        adapted="The file's real number (888-...) -> {number}, an invented one.",
        notes=(
            "A POS-supply dealer's cold voicemail: name, company, 'Give me a call back at' with the number. 'I'm "
            "calling about your POS supplies' names a subject, not anything the rep knows of this listener, and the "
            "rest is the firm's general self-description (same-day delivery, on-site repair): reason flagged, as "
            "pub_i_24. About 34 words. Fix."
        ),
    ),
    Public(
        name="pub_j_24_convert_leads",
        source=_JTLH,
        source_title="AI Booking MVP (JTLH Media), schedule-prospect-calls.js: assistant voicemailMessage",
        text=(
            "Hi, this is Sarah from JTLH Media calling about helping you convert more of your leads into "
            "appointments. I'll try you again later. Have a great day!"
        ),
        band="fix",
        flags=F({"reason"}),
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted="",
        notes=(
            "A lead-follow-up agency's AI voicemail to business owners: no number and no request, only the next "
            "call ('I'll try you again later'): educate (pub_f_03). Name and company; 'helping you convert more of "
            "your leads into appointments' is the firm's general self-description with nothing of this listener: "
            "reason flagged. About 27 words, about 11 s. Fix."
        ),
    ),
    Public(
        name="pub_j_25_supplemental",
        source=_VOICEIQ + "AgentSetup.tsx",
        source_title="VoiceIQ cold caller (Combined Insurance), AgentSetup.tsx: Section 4 Voicemail Script",
        text=(
            "Hi Karen, this is Alex from Combined Insurance, a Chubb company. I'm reaching out to HR and benefits "
            "leaders about a supplemental benefits program that costs employers nothing and helps retain quality "
            "employees. 83% of employees say they'd stay longer with an employer offering this kind of protection. "
            "If you'd like to learn more, call us at {number} or I'll try you again soon. Have a great day."
        ),
        band="fix",
        number="4702879139",
        adapted="{name} -> Karen; the script's real number -> {number}, an invented one.",
        notes=(
            "A supplemental-insurance caller's voicemail to an HR leader: name, company, 'call us at' with the "
            "number. The reason names a product for an employer with specific things in it (costs employers "
            "nothing, the 83% retention figure): clause 2, ok (borderline: it is sent to every HR leader alike; "
            "compare pub_j_26, which names no product and no figure). About 67 words, over 60: the one thing "
            "(about 32 s). Fix."
        ),
    ),
    Public(
        name="pub_j_26_benefits_value",
        source=_VOICEIQ + "B2BScript.tsx",
        source_title="VoiceIQ cold caller (Combined Insurance), B2BScript.tsx: B2B voicemail",
        text=(
            "Hi Karen, this is Alex calling from Combined Insurance, a Chubb company. I'm reaching out to HR leaders "
            "in Ohio about a way to add significant value to your benefits package, at zero cost to your company. "
            "I'll send you a quick overview to your email. If you'd like to connect, you can reach us at {number}. "
            "Have a great Tuesday."
        ),
        band="fix",
        flags=F({"reason"}),
        number="7042097151",
        adapted=(
            "{{first_name}} -> Karen, {{state}} -> Ohio, {{callback_number}} -> {number}, {{day_of_week}} -> "
            "Tuesday; the dash as a comma."
        ),
        notes=(
            "The same repository's B2B script voicemail: name, company, 'you can reach us at' with the number. 'A "
            "way to add significant value to your benefits package' names no product, result or figure, a claim "
            "every seller makes ('at zero cost' does not make it concrete): reason flagged. About 60 words, at the "
            "top of 'long' (43-60), not a second thing. Fix."
        ),
    ),
    Public(
        name="pub_j_27_ai_concierge",
        source=_IHL + "server/mortgageConciergeSendLeadRoute.ts",
        source_title="Infinite Home Lending, mortgageConciergeSendLeadRoute.ts: lead email, 'leave a warm, brief voicemail'",
        text=(
            "Hi Renee, this is Carla from Infinite Home Lending. I saw you connected with our AI concierge Sarah "
            "today and I wanted to personally reach out. Give me a call back at {number}, no pressure, just here to "
            "help!"
        ),
        band="good",
        number="6514613570",
        adapted="[Name] -> Renee, [your name] -> Carla, [number] -> {number}; the dash as a comma.",
        notes=(
            "A mortgage lender's suggested voicemail to a lead who chatted with its web concierge that day: the "
            "listener's own inquiry is the reason (clause 1), name, company, 'Give me a call back at' with the "
            "number. 'just here to help' uses 'just' as 'only', not the weak 'just' (pub_h2), and 'I wanted to "
            "personally reach out' is none of the listed kinds: weak_phrases ok. About 38 words. Good."
        ),
    ),
    Public(
        name="pub_j_28_no_number",
        source=_IHL + "pages/AnalyticsDashboard.tsx",
        source_title="Infinite Home Lending, AnalyticsDashboard.tsx: Follow-Up Sequence step 1 'warm voicemail'",
        text=(
            "Hi Renee, this is Carla from Infinite Home Lending. I saw you connected with our AI concierge Sarah "
            "today and wanted to personally reach out. Give me a call back, no pressure, just here to help!"
        ),
        band="poor",
        flags=F({"phone_number"}),
        number=None,
        adapted="${firstName} -> Renee, [your name] -> Carla (as pub_j_27); the dash as a comma.",
        notes=(
            "The same firm's dashboard version of pub_j_27, without the number: the reason (their chat today) and "
            "the ask ('Give me a call back') are there, but a call-back message with no number is poor "
            "(eval/judged.py p02). weak_phrases as pub_j_27. About 36 words."
        ),
    ),
    Public(
        name="pub_j_29_hold_rates",
        source=_HERITAGE,
        source_title="Gold Coast Financial agent portal, VoicemailRecorder.tsx: VOICEMAIL_SCRIPT (Heritage Life Solutions)",
        text=(
            "Hey, this is Jordan Reyes with Heritage Life Solutions, I'm reaching out because you recently inquired "
            "about coverage, and I have some really great options I think you'd want to see before they change. I "
            "can only hold these rates for a short time so give me a call back at {number} when you get this. "
            "Again, that's Jordan Reyes at {number}. Talk soon!"
        ),
        band="fix",
        number="2142158382",
        adapted="[YOUR NAME] -> 'Jordan Reyes' (twice), [YOUR PHONE] -> {number} (twice); the dash as a comma.",
        notes=(
            "A life-insurance agency's suggested recorded voicemail: the listener's recent coverage inquiry is the "
            "reason (clause 1), name, company, 'give me a call back at' with the number said twice. The rate "
            "urgency is pressure, not a listed weak phrase. About 62 words with the full name said twice, over 60 "
            "(about 30 s): the one thing. Fix."
        ),
    ),
    Public(
        name="pub_j_30_event_request",
        source=_TIPSY,
        source_title="Tipsyverse (event bartending), DetailedEventForm.js: DefaultScripts.voicemail",
        text=(
            "Hi, this is Jasmine with Tipsyverse. Sorry we missed you! We're following up about your event request. "
            "Call us back at {number} or reply to the email so we can confirm a few details and finalize pricing. "
            "Thanks!"
        ),
        band="fix",
        flags=F({"opening", "weak_phrases"}),
        number="4707924624",
        adapted="$ (the rep's name) -> Jasmine, <YOUR NUMBER> -> {number}; line breaks as spaces.",
        notes=(
            "An event-bartending firm's follow-up voicemail to a customer who booked online: the listener's own "
            "event request is the reason (clause 1), name, company, 'Call us back at' with the number. 'Sorry we "
            "missed you' at words 6-9 is an apology in the first ten words: opening and weak_phrases, one thing. "
            "'following up' without 'just' is none of the listed kinds. About 37 words. Fix."
        ),
    ),
    Public(
        name="pub_j_31_voice_to_name",
        source=_YCM,
        source_title="YourCondoManager PM outreach sequence, pm-outreach.md: Day 8 phone attempt, voicemail script",
        text=(
            "Hi Renata, this is William Ruiz from YourCondoManager. I sent over a couple of notes about a platform "
            "built for condo PMs in Florida, wanted to put a voice to the name. I'll send one more email this week "
            "with a clear opt-out, but if you'd rather skip the email and grab 15 minutes on a call, I'm at "
            "{number} or yourcondomanager.org. Either way, no pressure. Thanks."
        ),
        band="fix",
        skip=F({"weak_phrases"}),
        number="3032266894",
        adapted="[Name] -> Renata, [State] -> Florida, [phone number] -> {number}; the dash as a comma.",
        notes=(
            "A condo-software founder's day-8 voicemail after two emails: the notes he sent, with their subject (a "
            "platform for condo managers in her state), are the reason (clause 4); full name and company; 'if "
            "you'd rather ... grab 15 minutes on a call, I'm at' with the number is an ask. 'wanted to put a voice "
            "to the name' is the only weak candidate and none of the listed kinds: weak_phrases not judged. About "
            "67 words (the web address as one), over 60: the one thing. Fix."
        ),
    ),
    Public(
        name="pub_j_32_restroom_rentals",
        source=_STAHLA,
        source_title="Stahla Services AI call script, app/assets/script.md: V.A Voicemail Script (outbound)",
        text=(
            "Hello, this is Dana calling from Stahla Services regarding your inquiry about restroom or shower "
            "rentals. Sorry I missed you! I'd be happy to help get you a quote. You can reach us back at {number}. I "
            "may also try calling again later, or follow up via email if we have that on file for you. Thank you and "
            "have a great day!"
        ),
        band="poor",
        flags=F({"weak_phrases"}),
        number="7027634838",
        adapted="[Agent Name] -> Dana; the script's real number (844-...) -> {number}, an invented one.",
        notes=(
            "A portable-restroom firm's AI voicemail to a web lead: the listener's own rental inquiry is the reason "
            "(clause 1), name, company, 'You can reach us back at' with the number. 'Sorry I missed you' is an "
            "apology (weak_phrases) at words 17-20, after the first ten words: opening ok. About 62 words, over 60 "
            "(about 30 s): a second thing. Poor."
        ),
    ),
]
