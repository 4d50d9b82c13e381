"""Part i of the public set (#24), continued: messages pub_i_19 to pub_i_36 of the fifth held-out half
("held5"), taken from files of public GitHub repositories that no earlier part used (CRM and dialer
code, voice-agent prompts and configs, sales SOPs and cadence sheets, outreach dossiers), each file
cited at a fixed commit as its own page, at most two messages a file. Labels were written from the
scripts alone, by the set's rules (LABELS in public/__init__.py, the reason rule included), before
anything was spoken or reviewed; every message here is in the half "held5" (Public.half), scored only
at the end.

Conventions kept from parts a-h: a first name alone is a name; "My number is" alone is no ask
(pub_a_15), "you can reach me at" / "I can be reached at" with the number is one (pub_a_03); a bare
number with no request is no ask (pub_d_05); a message with no number and no request that only says
what happens next (an email, a text, a later call) is an educate message (pub_f_03, pub_f_21), with
call_to_action and phone_number skipped. Placeholders (${firstName}, {{name}}, [Your Name]) are filled
with invented names and details; every number is written "{number}" and replaced by an invented valid
US number, also where the source gives a real or 555 one; a dash between clauses is written as a comma.
Each change is said in `adapted`. Words are counted outside the number (estimates: "about").
"""

from public import Public

F = frozenset

_GH = "https://github.com/"
_QUOTESYNC = (
    _GH + "plugforsuccess/quotesync/blob/4e4b760063dac14abbd2a83f3bcca67d6d347fb8/src/components/RetentionScripts.jsx"
)
_CADENCE = _GH + "tisa-pixel/attempting-contact/blob/c3babc6e01684d27e187d231533b97c0876907b0/cadence-data.csv"
_HRS = _GH + "jpdehyl/HRS-Demo/blob/6463ee37e64ce47956514f11df2f01cf6c939bf9/scripts/seedDemoData.ts"
_CAPRAE = (
    _GH + "Gouravbirwaz/Ai_powered_soft_phone/blob/797906564657ecda9a3b2a17c61bae4111b8897b/"
    "src/components/voicemail-dialog.tsx"
)
_CALLIE = (
    _GH + "david-cui-bruno/founding-sales/blob/00e42c8c1631b76e4c44589b5e382a80348b54cb/"
    "packages/contracts/src/callSessions.ts"
)
_CMM = _GH + "AppToptoptop/cmm-branding-kit/blob/8313ffde61984468688b2751c73817deef967459/voice-prompts-guide.md"
_ROOF = (
    _GH + "darfaz/roofing-books-cfo/blob/b6962462b1a5be1a94ae6afca757d3d4db7e0a62/.claude/skills/operations-sops/sales/"
)
_AUTOLYNX = _GH + "paresh795/autolynx-mastercaller-v9.5/blob/e811009eb7496b87b6eb8f1005c2cec5cfa3bbee/"
_FSBO = _GH + "azmrconsulting/lead-velocity/blob/811eee4a577e1969ae161ede1b5eba2262f23153/vapi/conversation-script.md"
_NIRVANA = (
    _GH + "Novenworks/nirvana-skin-co-demo/blob/e8b6ab329e41b6ca1d01131680bb9780b38ba366/src/app/outreach/page.tsx"
)
_ORTAVOX = _GH + "OrtavoxAI/docs/blob/2cf428ac95afd16b2238626089b271e2823fd4f8/fern/docs/outbound-calls.md"
_DAZZLE = _GH + "queenofsidehustles-ai/dazzle-shine-crm/blob/cf79c7d7916731b6bc6a383ee303f1508e7b52ef/app.py"
_MAPLE = (
    _GH + "annasconnects/voice-patient-registration/blob/708bdf76cd95ed4f3509dc565c8a1052de5c89d7/scripts/setup_vapi.py"
)

MESSAGES: list[Public] = [
    Public(
        name="pub_i_19_policy_review",
        source=_QUOTESYNC,
        source_title="QuoteSync retention scripts, RetentionScripts.jsx: voicemailText (Allstate agency)",
        text=(
            "Hi Linda, this is Marcus with your Allstate agency. I was reviewing your auto policy and wanted to "
            "connect with you personally. When you get a moment, give our office a quick call back, we want to make "
            "sure you're getting everything you should be. Thanks, talk soon!"
        ),
        band="poor",
        flags=F({"phone_number"}),
        skip=F({"company", "weak_phrases"}),
        number=None,
        adapted="${firstName} -> Linda, ${agentName} -> Marcus, ${policy} -> 'your auto policy'; the dash as a comma.",
        notes=(
            "An insurance agency's retention voicemail to its own client: the client's policy under review is "
            "something of theirs (reason ok, clause 1); 'give our office a quick call back' asks, but no number is "
            "said: poor (eval/judged.py p02). A client of the agency: company not judged; 'wanted to connect' is the "
            "only weak candidate and none of the listed kinds: not judged. About 48 words."
        ),
    ),
    Public(
        name="pub_i_20_bombarded",
        source=_CADENCE,
        source_title="Attempting Contact cadence (REI lead follow-up), cadence-data.csv: Day 0 'Second Call + Leave VM'",
        text=(
            "Hi Gloria, Derek with REI Team. Look, I know you're probably getting bombarded with calls about 418 Elm "
            "Street. I get it, that must be overwhelming. Here's what I'm not going to do: I'm not going to bug you "
            "every day or pressure you into something that doesn't make sense for you. What I can do: give you a "
            "straight answer on what we can offer and let you decide if it makes sense. If now's not the right time, "
            "no problem. My number is {number}. Talk soon."
        ),
        band="poor",
        flags=F({"call_to_action"}),
        number="3478615386",
        adapted=(
            "[Name] -> Gloria, [Lead Manager First Name] -> Derek, [Address] -> '418 Elm Street', [Lead Manager Phone] "
            "-> {number}; the capitals of NOT and CAN as plain words, the dash as a comma."
        ),
        notes=(
            "A home buyer's first voicemail to a seller who filled in a form about the property: the listener's own "
            "property and inquiry are the reason (clause 1). 'My number is' alone is no ask (pub_a_15): "
            "call_to_action flagged. About 88 words, over 60 (one more thing; about 40 s, not rambling). Poor."
        ),
    ),
    Public(
        name="pub_i_21_last_call",
        source=_CADENCE,
        source_title="Attempting Contact cadence (REI lead follow-up), cadence-data.csv: Day 11 'Sixth Call + Leave VM'",
        text=(
            "Hey Gloria, Derek here. This is my last call. I don't want to be a pest. I just closed on a house on "
            "Maple Avenue last week. The homeowner was in a similar spot, inherited property, needed repairs, didn't "
            "want to deal with it. We closed in 8 days. No inspections, no appraisals, no drama. They told me "
            "afterward: I should've called you two months ago. I wasted so much time stressing about this. I don't "
            "know if that's you. Maybe 418 Elm Street is different. But if you're avoiding this because it feels "
            "overwhelming, I get it. What if it could be easier than you think? Text me if you want to talk. If not, "
            "I won't bug you again. {number}."
        ),
        band="poor",
        flags=F({"company"}),
        number="2128813277",
        adapted=(
            "[Name] -> Gloria, [Lead Manager First Name] -> Derek, [Nearby Street] -> 'Maple Avenue', [Address] -> "
            "'418 Elm Street', [Lead Manager Phone] -> {number}; the quoted homeowner's words without quote marks."
        ),
        notes=(
            "The same cadence's last voicemail: a nearby sale closed in 8 days is a result with a figure (reason ok, "
            "clause 2); 'Text me if you want to talk' with the number after it is an ask. No firm is named to a "
            "seller who has never spoken with him: company flagged. About 122 words, about 54 s: rambling, poor on "
            "its own. 'I just closed' is a time word, not the filler 'just'."
        ),
    ),
    Public(
        name="pub_i_22_solidworks",
        source=_HRS,
        source_title="Lead Intel demo (Hawk Ridge Systems), scripts/seedDemoData.ts: generateTranscript voicemail",
        text=(
            "Hi David, this is calling from Hawk Ridge Systems. I work with engineering teams at companies like Trane "
            "Technologies on SOLIDWORKS solutions. I'd love to discuss how we're helping companies address chiller "
            "design. Please give me a call back at your convenience, or I'll try you again later this week."
        ),
        band="poor",
        flags=F({"name", "reason", "phone_number"}),
        number=None,
        adapted=(
            "${contactName} -> David, ${companyName} -> 'Trane Technologies' and ${painPoint} -> 'chiller design' "
            "(both from the file's own seed list, the pain point in lower case); the 'SDR:' speaker label left out."
        ),
        notes=(
            "A seeded SDR voicemail whose template drops the rep's name ('this is calling from'): name flagged. The "
            "reason is the rep's general description ('I work with engineering teams at companies like') with the "
            "prospect's firm slotted in and no result, figure or trigger: flagged. A call-back ask with no number: "
            "phone_number flagged. About 50 words. Poor."
        ),
    ),
    Public(
        name="pub_i_23_strategic_funding",
        source=_CAPRAE,
        source_title="AI-powered soft phone, src/components/voicemail-dialog.tsx: DEFAULT_VOICEMAIL_SCRIPT (Caprae Capital)",
        text=(
            "Hello, this is Zackary Beckham from Caprae Capital Partners. I'm reaching out because we've identified "
            "opportunities that may help your business grow through strategic funding and advisory support. I'd be "
            "happy to share more details at your convenience. You can reach me directly at {number}, or reply to "
            "this message, and we'll schedule a quick call. Once again, this is Zackary Beckham with Caprae Capital "
            "Partners. Thank you, and I look forward to connecting."
        ),
        band="poor",
        flags=F({"reason"}),
        number="6156462066",
        adapted="The script's number -> {number} (an invented one); line breaks as spaces.",
        notes=(
            "A capital firm's default dialer voicemail: full name, company, 'You can reach me directly at' with the "
            "number (pub_a_03). 'opportunities that may help your business grow' names nothing of this listener: "
            "a claim every seller makes, reason flagged. About 74 words, over 60: a second thing. Poor."
        ),
    ),
    Public(
        name="pub_i_24_after_hours",
        source=_CALLIE,
        source_title="Callie (founding-sales), packages/contracts/src/callSessions.ts: DEFAULT_VOICEMAIL_SCRIPT",
        text=(
            "Hi Dana, this is Sam Ortiz from Callie. I'm calling about how Northwind Property Management handles "
            "maintenance requests after hours. I'll try you again, or you can reach me at {number}. Thanks."
        ),
        band="fix",
        flags=F({"reason"}),
        number="8646994349",
        adapted=(
            "{contactFirstName} -> Dana, {callerName} -> 'Sam Ortiz', {firmName} -> 'Northwind Property Management' "
            "(the file's test fills 'Northwind Test Holdings'), {callbackNumber} -> {number}."
        ),
        notes=(
            "A sales CRM's default voicemail: name, company, 'you can reach me at' with the number. The reason is a "
            "subject at the listener's firm, not something the rep knows of it, nor an offer or result: a teaser "
            "like pub_h_22, reason flagged (borderline; the firm is named, nothing about it is). About 32 words. Fix."
        ),
    ),
    Public(
        name="pub_i_25_coach_checkin",
        source=_CMM,
        source_title="Call Me Maybe branding kit, voice-prompts-guide.md: VAPI fallback 'If voicemail'",
        text=(
            "Hey Chloe, it's Maya from Call Me Maybe. Just checking in! I'll try again tomorrow at the same time. "
            "Keep up the great work!"
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason"}),
        skip=F({"company", "call_to_action", "phone_number"}),
        goal="educate",
        adapted="[NAME] -> Chloe.",
        notes=(
            "An AI weight-loss coach's voicemail to its own subscriber: no number and no request, only the next call: "
            "educate (pub_f_03). 'Just checking in' at word 9 trips opening and weak_phrases (one thing); it is the "
            "only reason, a vague check-in: reason flagged, a second thing. A subscriber: company not judged. "
            "About 24 words, about 10 s. Poor."
        ),
    ),
    Public(
        name="pub_i_26_returning_call",
        source=_ROOF + "SALES-001-lead-response.md",
        source_title="Roofing SOP SALES-001, Lead Response Protocol: 2.4 Voicemail Script (missed call)",
        text=(
            "Hi Greg, this is Tony from Summit Roofing returning your call. I'd love to help you with your roofing "
            "needs. You can reach me directly at {number}. I'll also send you a quick text. Looking forward to "
            "speaking with you!"
        ),
        band="good",
        number="9198818167",
        adapted="[Name] -> Greg, [Your Name] -> Tony, [Company] -> 'Summit Roofing', [Phone] -> {number}.",
        notes=(
            "A roofer returning a homeowner's missed call: the listener's own call is the reason (clause 1, their "
            "inquiry), name, company, 'You can reach me directly at' with the number. About 40 words, within about "
            "35. Nothing to fix: good."
        ),
    ),
    Public(
        name="pub_i_27_estimate_sent",
        source=_ROOF + "SALES-004-followup-cadence.md",
        source_title="Roofing SOP SALES-004, Follow-Up Cadence: Day 2 voicemail after the estimate",
        text=(
            "Hi Greg, Tony from Summit Roofing. Just following up on the estimate I sent. Give me a call when you "
            "have a chance, {number}. Looking forward to hearing from you!"
        ),
        band="fix",
        flags=F({"opening", "weak_phrases"}),
        skip=F({"company"}),
        number="2035288055",
        adapted="[Name] -> Greg, [Your Name] -> Tony, [Company] -> 'Summit Roofing', [phone] -> {number}; the dash as a comma.",
        notes=(
            "Day-2 follow-up after an in-home estimate: the estimate sent is something already shared, with its "
            "subject (clause 4). 'Just following up' at word 7 is one thing (opening and weak_phrases). They have "
            "met: company not judged. About 30 words. Fix."
        ),
    ),
    Public(
        name="pub_i_28_no_show",
        source=_ROOF + "SALES-002-appointment-confirmation.md",
        source_title="Roofing SOP SALES-002, Appointment Confirmation: 4.3 no-show Voicemail Script",
        text=(
            "Hi Greg, this is Tony from Summit Roofing. I'm at your property for our scheduled appointment but wasn't "
            "able to connect with you. I'll wait a few more minutes, but please call me at {number} if you're running "
            "late. Otherwise, I'd be happy to reschedule."
        ),
        band="fix",
        number="5315912445",
        adapted="[Name] -> Greg, [Rep Name] -> Tony, [Company] -> 'Summit Roofing', [Phone] -> {number}.",
        notes=(
            "A rep at the door of a missed inspection: the booked appointment is the reason (clause 4), name, company, "
            "'please call me at' with the number. No HAND flag; about 44 words is long (43-60), which keeps it from "
            "good. Fix."
        ),
    ),
    Public(
        name="pub_i_29_customer_outreach",
        source=_AUTOLYNX + "docs/architecture/reference-materials.md",
        source_title="AutoLynx cold-call system, docs/architecture/reference-materials.md: assistant voicemailMessage",
        text=(
            "Hi! This is Sarah from AutoLynx. I was calling to share some information about how we help businesses "
            "improve their customer outreach. Please give us a call back at your convenience at {number}. Thanks!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="4637989077",
        adapted="555-0123 -> {number}.",
        notes=(
            "An AI cold-calling firm's sample voicemail: name, company, a clear ask with the number. 'how we help "
            "businesses improve their customer outreach' is the rep's general self-description with nothing of this "
            "listener: reason flagged. About 34 words. Fix."
        ),
    ),
    Public(
        name="pub_i_30_ai_voicemail",
        source=_AUTOLYNX + "lib/vapi-client.ts",
        source_title="AutoLynx cold-call system, lib/vapi-client.ts: default voicemailMessage (Morgan Freebot)",
        text=(
            "Hi, this is Morgan Freebot from AutoLynx AI. I know, I know, you probably weren't expecting an AI to "
            "leave you a voicemail, but here we are! I was calling to show you how AI can revolutionize your business "
            "communications, and well, I guess I just did. Give me a call back when you're ready to see what else I "
            "can do, I promise the conversation will be worth your time. Reach me at {number}, I repeat {number}. "
            "Talk soon!"
        ),
        band="poor",
        flags=F({"reason"}),
        number="8325881993",
        adapted="The script's number (said twice) -> {number} twice; dashes and '...' as commas.",
        notes=(
            "The same system's default voicemail: name, company, an ask and the number twice. 'how AI can "
            "revolutionize your business communications' says nothing of this listener: reason flagged. About 80 "
            "words, over 60 (about 42 s, not quite rambling): a second thing. 'I just did' is a time word. Poor."
        ),
    ),
    Public(
        name="pub_i_31_fsbo_listing",
        source=_FSBO,
        source_title="Lead Velocity FSBO caller, vapi/conversation-script.md: Edge Cases, Voicemail Reached",
        text=(
            "Hi, this is a message on behalf of Rosalyn Mero with X Realty Corp. We noticed your property listing on "
            "Cedar Lane and Rosalyn would love to connect with you about it. You can reach her directly at {number}. "
            "Thanks, and have a great day."
        ),
        band="fix",
        number="5347739085",
        adapted="{address} -> 'Cedar Lane', {AGENT_PHONE} -> {number}.",
        notes=(
            "An AI assistant's voicemail for a listing agent to a for-sale-by-owner seller: the agent to call is "
            "named (name ok: the listener knows whom to ask for), company, their own listing as the reason (clause 1, "
            "their posting), 'You can reach her directly at' with the number. About 45 words: long, the one thing. Fix."
        ),
    ),
    Public(
        name="pub_i_32_faq_placeholder",
        source=_NIRVANA,
        source_title="Novenworks outreach dossier for Nirvana Skin Co., src/app/outreach/page.tsx: VOICEMAIL",
        text=(
            "Hi Stephanie, this is Vince with Novenworks. I noticed the FAQ on your site still has some template "
            "placeholder text in it, worth a quick look. I also put together a website concept for Nirvana Skin Co. "
            "and emailed you the link. No need to call me back. Thanks."
        ),
        band="good",
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted="The dash as a comma.",
        notes=(
            "A web studio's voicemail that asks for no call and leaves no number, pointing to the email just sent: "
            "educate (pub_f_21). Name, company; the placeholder text on the listener's own site is something of "
            "theirs, and the concept emailed is something shared (reason ok). About 49 words, within the educate "
            "margin of about 70. Good."
        ),
    ),
    Public(
        name="pub_i_33_dental_reminder",
        source=_ORTAVOX,
        source_title="OrtaVox docs, Outbound Calls: answering-machine detection voicemailMessage",
        text=(
            "Hi, this is a reminder from Riverside Dental that your appointment is scheduled for tomorrow at 2 PM. "
            "Please call us back at {number} to confirm or reschedule. Have a great day!"
        ),
        band="fix",
        flags=F({"name"}),
        skip=F({"company"}),
        number="8578642908",
        adapted="555-9999 -> {number}.",
        notes=(
            "A voice platform's example reminder voicemail: the booked appointment is the reason (clause 4), 'Please "
            "call us back at' with the number. No person's name is said: name flagged, the one thing. A patient of "
            "the practice: company not judged. About 31 words. Fix."
        ),
    ),
    Public(
        name="pub_i_34_cleaning_quote",
        source=_DAZZLE,
        source_title="Dazzle & Shine Maids CRM, app.py: Lead Phone Call SOP, STEP 3 voicemail",
        text=(
            "Hi, this message is for Karen. This is Brittany calling from Dazzle & Shine Maids. You recently requested "
            "a cleaning quote and I'd love to help! I'll try you again shortly, or feel free to call us back at "
            "{number}. We look forward to hearing from you!"
        ),
        band="fix",
        number="3529178773",
        adapted=(
            "[Name] -> Karen, [Your Name] -> Brittany, [Business Name] -> 'Dazzle & Shine Maids' (the CRM's own "
            "business), [Phone] -> {number}."
        ),
        notes=(
            "A maid service's SOP voicemail to a web lead: name, company, the listener's own quote request as the "
            "reason (clause 1), 'feel free to call us back at' with the number. No HAND flag; about 47 words is long "
            "(43-60). Fix."
        ),
    ),
    Public(
        name="pub_i_35_quick_question",
        source=_DAZZLE,
        source_title="Dazzle & Shine Maids CRM, app.py: sales script 'Voicemail Scripts That Actually Get Callbacks'",
        text=(
            "Hi Mark, it's Monica with Dazzle & Shine Maids here in Charlotte. I had a quick question about how you're "
            "handling the cleaning at Lakeside Dental, I think we might save you a headache. Call me back at {number}, "
            "again that's {number}. Thanks!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="8353109403",
        adapted=(
            "[Name] -> Mark, {owner} -> Monica (the CRM's seeded owner name), {biz} -> 'Dazzle & Shine Maids', {city} "
            "-> Charlotte, [Business/Property] -> 'Lakeside Dental', [number] -> {number} twice; the dash and the "
            "semicolon as commas."
        ),
        notes=(
            "The same CRM's cold voicemail to a commercial prospect: name, company, a clear ask and the number "
            "twice. 'a quick question about how you're handling the cleaning' is a teaser and 'save you a headache' "
            "a claim every seller makes: reason flagged (the script's own note calls it a curiosity loop). About 43 "
            "words, long but not a second thing. Fix."
        ),
    ),
    Public(
        name="pub_i_36_intake_callback",
        source=_MAPLE,
        source_title="Voice patient registration (Maple Grove Family Medicine), scripts/setup_vapi.py: voicemailMessage",
        text="Hi, this is Ava from Maple Grove Family Medicine. Please call us back when you have a moment.",
        band="poor",
        flags=F({"reason", "phone_number"}),
        number=None,
        adapted="",
        notes=(
            "A clinic intake assistant's voicemail: name and practice, an ask, but no reason at all and no number on "
            "a call-back message: poor (eval/judged.py p02). About 18 words, about 7 s, under the ~8 s hang-up floor "
            "as well."
        ),
    ),
]
