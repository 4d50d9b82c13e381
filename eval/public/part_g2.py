"""Part g of the public set (#24), continued: messages pub_g_17 to pub_g_31 of the third held-out half
("held3"), split from part_g.py only to keep modules short; its docstring's conventions and labelling
rules apply here unchanged.
"""

from public import Public

F = frozenset

_LIBERTY = (
    "https://github.com/scottpstevenson/Liberty-Bancard-Website-and-CRM/blob/"
    "2fba4914a3f9e2f20911402bcbcf2a33974fdaf1/client/src/lib/ghl-workflow-prompts.ts"
)
_DEI = "https://github.com/Julianb233/daily-event-insurance/blob/67aa27a8fe5422db526e95be9f33742454ca8848/"
_DESK = (
    "https://github.com/Tariqlearnstocode/Claude-Cowork-Course/blob/82a68274fcfc8116b704095ffd79c2560398f6e6/"
    "scenarios/real-estate/inherited-chaos/voicemails-transcribed.md"
)
_DEALER = (
    "https://github.com/TechSavvyJoe/voicemail-drop/blob/874a3e3f853ef8b037b505f2644894c862bdbb26/"
    "src/app/api/campaigns/route.ts"
)
_PATCH = (
    "https://github.com/SuperPatchAi/SalesEnablement/blob/15e1b57538f31f98e4e1ef612f2c7a80095419e8/"
    "superpatch-frontend/src/data/wordtracks/"
)

MESSAGES: list[Public] = [
    Public(
        name="pub_g_17_surprise_numbers",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: Inbound Confirmation (second voicemail drop)",
        text=(
            "Hi Joel, Scott again from Liberty Bancard. Tried you one more time, we work with a lot of businesses in "
            "your space and the numbers usually surprise people in a good way. Book a 15-minute slot at "
            "libertybancard.com or call me back at {number}. Hope to connect soon."
        ),
        band="fix",
        flags=F({"reason"}),
        number="7576012948",
        adapted=(
            "{{contact.firstName}} -> Joel, [Calendar Link] -> 'libertybancard.com', [Phone] -> {number}; the dash "
            "after 'one more time' written as a comma."
        ),
        notes=(
            "The second voicemail of the same workflow (the listener had submitted a request, but this message never "
            "says so): 'we work with a lot of businesses in your space and the numbers usually surprise people' is a "
            "generic claim, no specific reason: reason flagged. Name, company, a clear ask with the number. About "
            "47 words: long, not a second thing beside a HAND flag (LABELS). Fix."
        ),
    ),
    Public(
        name="pub_g_18_reviews",
        source=(
            "https://github.com/marukaneko1/nwsmedia_engine/blob/b7e11a1c2cf7e4704ceecf55d4697c77948fb92b/"
            "COLD_CALL_SCRIPT.md"
        ),
        source_title="NWS Media cold call script: Voicemail Script",
        text=(
            "Hey Tony, this is Carla Reyes with NWS Media. I was looking at local landscaping businesses in Tampa and "
            "came across Greenline Landscaping, your reviews are great. I had a couple ideas on how to get your "
            "online presence matching the quality of your work. Give me a call back when you get a chance, {number}. "
            "Again, that's Carla Reyes, NWS Media, {number}. Talk soon."
        ),
        band="fix",
        number="8132947065",
        adapted=(
            "[Name] -> Tony, [Your Name] -> Carla Reyes, [category] -> landscaping, [city] -> Tampa, [Business Name] "
            "-> Greenline Landscaping, [phone number] (twice) -> {number}; the dashes written as commas."
        ),
        notes=(
            "A web agency's cold voicemail to a local business: name and company (twice), a reason about this "
            "prospect (found their business, their reviews, ideas for their online presence), a clear ask, the "
            "number twice. About 63 words outside the number: over 60, the word-count fail, one thing; about 35 s "
            "with the two numbers, not rambling: fix."
        ),
    ),
    Public(
        name="pub_g_19_inquiry_climbing",
        source=_DEI + "docs/va-implementation/VA-CALL-PLAYBOOK.md",
        source_title="VA Call Playbook, Daily Event Insurance: Inbound New Inquiry Call (if voicemail)",
        text=(
            "Hi Rachel, this is Devon Price from Daily Event Insurance. I'm following up on your recent inquiry. We "
            "help climbing facilities offer same-day insurance coverage to their members. I'd love to chat briefly "
            "about your needs. You can reach me at {number} or reply to our email. Thanks, and have a great day!"
        ),
        band="fix",
        number="8882749310",
        adapted=(
            "[NAME] -> Rachel, [YOUR NAME] -> Devon Price, '[gyms/climbing facilities/rental businesses]' -> "
            "'climbing facilities', [NUMBER] -> {number} (a toll-free line)."
        ),
        notes=(
            "A call-center script's voicemail for a web inquiry: name, company, the listener's own recent inquiry is "
            "the reason, 'You can reach me at' with the number is the ask. About 52 words: long (43-60), fix on "
            "length alone."
        ),
    ),
    Public(
        name="pub_g_20_partner_revenue",
        source=_DEI + "lib/services/vector-search-data.ts",
        source_title="Daily Event Insurance knowledge base: Voicemail Script (standard voicemail)",
        text=(
            "Hi Owen, this is Sarah from Daily Event Insurance. I'm following up on your recent inquiry about "
            "offering insurance coverage to your members. We help businesses like yours earn extra revenue by "
            "offering same-day coverage, with zero cost to you. Please give me a call back at {number} or reply to "
            "our email. I'd love to share how other climbing gyms are earning $500 to $2,000 monthly with our "
            "partnership. Thanks, and have a great day!"
        ),
        band="fix",
        number="8007316294",
        adapted=(
            "[NAME] -> Owen, [NUMBER] -> {number} (toll-free), [BUSINESS TYPE] -> 'climbing gyms', '$500-2,000' -> "
            "'$500 to $2,000'; the dash before 'with zero cost' written as a comma."
        ),
        notes=(
            "The knowledge base's standard voicemail: a first name and the company, the listener's inquiry about "
            "offering coverage is the reason (with a concrete partner result), a clear ask and the number. About 75 "
            "words outside the number: over 60, the word-count fail, one thing; about 34 s, not rambling: fix."
        ),
    ),
    Public(
        name="pub_g_21_got_our_information",
        source=_DEI + "lib/services/vector-search-data.ts",
        source_title="Daily Event Insurance knowledge base: Voicemail Script (short voicemail, follow-up)",
        text=(
            "Hi Owen, Sarah from Daily Event Insurance again. Just wanted to make sure you got our information. Give "
            "me a call when you have a moment, {number}. Thanks!"
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason"}),
        number="5403869127",
        adapted="[NAME] -> Owen, [NUMBER] -> {number}; the dash before the number written as a comma.",
        notes=(
            "The same page's short follow-up: 'Just wanted to' starts at word 9, in the opening's first ten words, "
            "one thing for opening and weak_phrases (LABELS); 'make sure you got our information' is a check-in, no "
            "specific reason: two things, poor. Name with no verb ('Sarah from ...'), company, ask and number are "
            "there; about 27 words."
        ),
    ),
    Public(
        name="pub_g_22_title_closing",
        source=_DESK,
        source_title="Voicemail Transcriptions (Voicemail 1, the title company)",
        text=(
            "Hi Dave, this is Brian at Title One. Just wanted to confirm we're all set for the Fitzgerald closing on "
            "the 15th. I've got everything I need from the lender, just waiting on the final figures. Give me a call "
            "when you get a chance. Thanks."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "phone_number"}),
        skip=F({"company"}),
        notes=(
            "A course scenario's transcribed desk voicemail from a title officer to a real-estate agent he works "
            "with: a concrete reason (the Fitzgerald closing on the 15th) and an ask, but no number on a call-back "
            "message (phone_number flagged, poor) and 'Just wanted to' at word 9 (opening and weak_phrases, one "
            "thing). They work together: company not judged. About 46 words. Not a sales pitch, a business "
            "call-back request."
        ),
    ),
    Public(
        name="pub_g_23_appraisal_deadline",
        source=_DESK,
        source_title="Voicemail Transcriptions (Voicemail 7, the loan officer)",
        text=(
            "Dave, Tom Wilson at Flagstar. Calling about the Rodriguez loan. We need to get the appraisal ordered "
            "ASAP, I'm showing it hasn't been done yet and we've got the appraisal contingency deadline on the 20th. "
            "Also need to schedule the inspection before the 28th. I know you're probably swamped after the holidays "
            "but this file is going to get tight if we don't move on it. The rate lock expires February 1st and I "
            "don't want to have that conversation with your clients. Call me back today please. Thanks."
        ),
        band="poor",
        flags=F({"phone_number"}),
        skip=F({"company"}),
        adapted="The dash after 'ASAP' written as a comma; the transcript's paragraph break dropped.",
        notes=(
            "A loan officer's message to the buyer's agent: name with no verb ('Tom Wilson at Flagstar'), a concrete "
            "reason (appraisal and inspection deadlines, the rate lock), a clear ask, but no number: phone_number "
            "flagged, poor on its own. About 89 words: over 60 too (about 36 s, not rambling). 'I know you're "
            "probably swamped' is none of the listed weak phrases. They work together: company not judged."
        ),
    ),
    Public(
        name="pub_g_24_sdr_openings",
        source=(
            "https://github.com/swan-gtm/gtm-skills/blob/cccd18ae704681fdbbaa9dcdf89f8c31185e7e83/"
            "skills/alex-vacca/cold-call-scripts/SKILL.md"
        ),
        source_title="Cold Call Scripts: Voicemail Script (Under 20 seconds)",
        text=(
            "Hey Priya, Jordan from Frontal. Quick message, I work with B2B SaaS companies on inconsistent pipeline. "
            "Thought it might be relevant given your three new SDR openings. I'll shoot you an email with some times. "
            "Talk soon."
        ),
        band="good",
        goal="educate",
        skip=F({"call_to_action", "phone_number"}),
        adapted=(
            "{{firstName}} -> Priya, [Name] -> Jordan, [ICP] -> 'B2B SaaS companies' and [problem] -> 'inconsistent "
            "pipeline' (both from the same page's full cold-call example), [trigger/observation] -> 'your three new "
            "SDR openings'; the dash after 'Quick message' written as a comma."
        ),
        notes=(
            "A 20-second cold voicemail that asks for nothing and leaves no number: it names the next touch (an email "
            "with times), so educate (pub_f_03). First name with no verb, the company, a reason tied to this "
            "prospect (their new SDR openings and the pipeline problem that goes with them). About 37 words. Good."
        ),
    ),
    Public(
        name="pub_g_25_service_reminder",
        source=_DEALER,
        source_title="Voicemail Drop demo campaigns: Service Reminder Campaign",
        text=(
            "Hello Mr. Alvarez, this is a friendly reminder from Lakeside Ford that your 2021 Explorer is due for its "
            "scheduled maintenance. Our certified technicians are ready to keep your vehicle running smoothly. "
            "Please call us to schedule your appointment. Thank you for choosing Lakeside Ford!"
        ),
        band="poor",
        flags=F({"name", "phone_number"}),
        adapted="[Customer Name] -> Mr. Alvarez, [Dealership] (twice) -> Lakeside Ford, [Vehicle] -> 'your 2021 Explorer'.",
        notes=(
            "A dealership's voicemail-drop campaign: the company and a concrete reason (this car's scheduled "
            "maintenance), 'Please call us' is the ask, but nobody is named and no number is left. Two things: "
            "poor. About 45 words."
        ),
    ),
    Public(
        name="pub_g_26_holiday_sale",
        source=_DEALER,
        source_title="Voicemail Drop demo campaigns: Holiday Sale Follow-up",
        text=(
            "Hi Denise, this is Kevin Brandt from Lakeside Ford. I wanted to personally reach out about our amazing "
            "holiday sale on SUVs. We have some incredible deals that I think you'll love. Please give me a call back "
            "at your convenience so we can discuss how we can get you behind the wheel of your dream car today. "
            "Thanks and have a great day!"
        ),
        band="poor",
        flags=F({"reason", "phone_number"}),
        adapted="[Customer Name] -> Denise, [Sales Rep] -> Kevin Brandt, [Dealership] -> Lakeside Ford, [Vehicle Type] -> SUVs.",
        notes=(
            "The same demo's sales campaign: name and company, but 'our amazing holiday sale' with 'incredible deals "
            "that I think you'll love' is a generic promotion with nothing about this listener: reason flagged. The "
            "ask has no number ('call back at your convenience'): phone_number flagged, poor. About 64 words, over 60 "
            "as well. 'I wanted to personally reach out' is none of the listed weak phrases."
        ),
    ),
    Public(
        name="pub_g_27_circling_back",
        source=_PATCH + "d2c/focus.ts",
        source_title="Super Patch word tracks: Focus, follow-up day 3 'No Response' (voicemail)",
        text=(
            "Hi Jenna, just circling back on our conversation about the Super Patch Focus. I know how busy life can "
            "get, so no worries if you haven't had a chance to look yet. Just wanted to offer myself as a resource if "
            "anything comes to mind."
        ),
        band="poor",
        flags=F({"name", "opening", "weak_phrases"}),
        skip=F({"company", "call_to_action", "phone_number"}),
        goal="educate",
        adapted="[Name] -> Jenna.",
        notes=(
            "A direct seller's day-3 follow-up: no caller name at all, no request and no number, only an offer to be "
            "a resource: educate (as pub_f_21). 'just circling back' at word 3 is a listed weak phrase in the "
            "opening, one thing (opening and weak_phrases); the missing name is a second: poor. The earlier "
            "conversation about the Focus patch is the reason. A direct seller: company not judged. About 45 words."
        ),
    ),
    Public(
        name="pub_g_28_radiant_skin",
        source=_PATCH + "d2c/lumi.ts",
        source_title="Super Patch word tracks: Lumi, follow-up day 1 'Initial Follow-Up' (voicemail)",
        text=(
            "Hi Carmen, this is Alyssa Moore from Super Patch. I really enjoyed our conversation today about Lumi and "
            "how it can help you achieve that radiant skin you're looking for. I wanted to follow up and see if any "
            "new questions have come up for you. My number is {number}. Looking forward to connecting again soon!"
        ),
        band="fix",
        flags=F({"call_to_action"}),
        skip=F({"company"}),
        number="6083415792",
        adapted="[Name] -> Carmen, [Your Name] -> Alyssa Moore, [Your Number] -> {number}.",
        notes=(
            "A direct seller's same-day follow-up: full name, a concrete reason (today's conversation about the Lumi "
            "patch and her skin goal) and the number, but 'My number is' alone is no ask (pub_a_15) and 'see if any "
            "new questions have come up' asks nothing: call_to_action flagged. About 55 words: long, not a second "
            "thing beside a HAND flag. They have spoken: company not judged. Fix."
        ),
    ),
    Public(
        name="pub_g_29_immune_recap",
        source=_PATCH + "d2c/defend.ts",
        source_title="Super Patch word tracks: Defend, follow-up day 1 'Immediate Follow-Up' (voicemail)",
        text=(
            "Hi Jenna, it's Brooke Chen from Super Patch. I really enjoyed our conversation today about Defend and how "
            "it can help you with consistent immune support. I've sent over an email with a quick recap and the "
            "details we discussed. Please let me know if you have any questions. I'm here to help! Looking forward to "
            "connecting soon."
        ),
        band="good",
        goal="educate",
        skip=F({"company", "call_to_action", "phone_number"}),
        adapted="[Name] -> Jenna, [Your Name] -> Brooke Chen.",
        notes=(
            "A same-day recap voicemail that points to the email just sent and leaves no number: educate (it "
            "prepares the next contact; 'let me know if you have any questions' asks for nothing to dial). Full name "
            "and the brand, a concrete reason (today's conversation about Defend, the recap sent). About 58 words, "
            "within the educate margin of about 70. 'I'm here to help' is no listed weak phrase. Good."
        ),
    ),
    Public(
        name="pub_g_30_willpower",
        source=_PATCH + "d2c/kick-it.ts",
        source_title="Super Patch word tracks: Kick It, follow-up day 1 'Post-Meeting Follow-Up' (voicemail)",
        text=(
            "Hi Dylan, this is Nate Ruiz from Super Patch. I'm calling because I truly believe the Kick It patch could "
            "be a game-changer for you in quitting smoking. I know you're busy, so I'll keep this brief, but I wanted "
            "to follow up on our conversation about how it naturally supports willpower. Please give me a call back "
            "at {number} when you have a moment."
        ),
        band="fix",
        skip=F({"company", "weak_phrases"}),
        number="2707591346",
        adapted=(
            "[Prospect's Name] -> Dylan, [Your Name] -> Nate Ruiz, [mention specific habit] -> 'quitting smoking', "
            "[Your Phone Number] -> {number}."
        ),
        notes=(
            "A follow-up after a meeting: full name, the brand, a concrete reason (their conversation about quitting "
            "smoking and willpower), a clear ask with the number. 'I know you're busy, so I'll keep this brief' is an "
            "empty hedge but none of the listed kinds: weak_phrases not judged. About 64 words: over 60, the "
            "word-count fail, one thing (about 31 s): fix. They have met: company not judged."
        ),
    ),
    Public(
        name="pub_g_31_between_sessions",
        source=_PATCH + "b2b/acupuncturists.ts",
        source_title="Super Patch word tracks for acupuncturists: day 7 'Check-In Call' (voicemail)",
        text=(
            "Hi Lauren, this is Hannah Cole from SuperPatch. I wanted to follow up on our conversation about "
            "supporting your patients between sessions. I know you want to make sure anything you recommend aligns "
            "with your practice philosophy, so I'd love to answer any questions. When would be a good time to chat?"
        ),
        band="poor",
        flags=F({"phone_number"}),
        skip=F({"company"}),
        adapted="[Name] -> Lauren, [Your Name] -> Hannah Cole.",
        notes=(
            "A B2B check-in with a practitioner: full name, the company, a concrete reason (their conversation about "
            "supporting patients between sessions) and an ask ('When would be a good time to chat?'), but no number "
            "on a message that asks for a reply: phone_number flagged, poor (as pub_f_02). About 52 words. They have "
            "spoken: company not judged."
        ),
    ),
]
