"""Part h of the public set (#24): a fourth held-out half ("held4"), scripts from public pages and
files the set did not use before (no page or file of parts a-g again): web pages found through the
"pages" search corpus (job seekers', direct sellers' and etiquette pages), and files of public GitHub
repositories (voice-agent prompts and configs, CRM call scripts, sales playbooks), each file cited at a
fixed commit as its own page. Labels were written from the scripts alone, by the set's rules (LABELS in
public/__init__.py), before anything was spoken or reviewed; every message here is in the half
"held4" (Public.half), scored only at the end. Messages pub_h_19 to pub_h_35 are in part_h2.py (split
only for module length).

Conventions kept from parts a-g: a first name alone is a name (not flagged); a job seeker, a
freelancer, a direct seller or a caller who has already met, spoken or worked with the listener has
no company to insist on (company not judged); "My number is" alone is no ask (pub_a_15), "you can
reach me at" / "I can be reached at" / "you can reach us back at" with the number is one (pub_a_03),
and "I'd love to <meet>. My number is ..." counts as an ask (pub_d_06); a bare number with no request
is no ask (pub_d_05). A message with no number and no request that only says what happens next (an
email, a text, a later call) is an educate message (pub_f_03, pub_f_21). Placeholders ([Name],
{{contact.first_name}}, ${patientName}, blanks) are filled with invented names and details, the number
written as "{number}" with an invented valid US number unless the source gives a valid one; a dash
between clauses is written as a comma, fillers written in a page's text (stammers, "uh") are left out;
where a page breaks off, the smallest plausible completion. Each such change is said in `adapted`.
Words are counted outside the number, as LABELS does (estimates: "about").
"""

from public import Public

F = frozenset

_GH = "https://github.com/"
_ONCO = _GH + "metamonk/oncobot-funnels/blob/c230d457ce74427d837e67139670315f7a3de525/docs/workflows/"
_RPI = (
    _GH + "retirementprotectors/RPI-Standards/blob/458b33550f2806e6e3df105432b4f907d43caa99/"
    "reference/campaigns/_COV_CONTENT_STAGING.md"
)
_AGENCY = _GH + "jordangagliardo6/Claude-Code/blob/a6b04393810132f3721abf65e986252d6128a185/voicemail-scripts.md"
_FRIDAY = (
    _GH + "Tariqlearnstocode/Claude-Cowork-Course/blob/82a68274fcfc8116b704095ffd79c2560398f6e6/"
    "scenarios/freelancer-consultant/inherited-chaos/desktop-chaos/voicemails-friday.md"
)
_CALL_LOGGER = (
    _GH + "dev-abcdevelopers/Call-Logger/blob/1456953aef7339754be307bcbbe4fee526c89716/src/data/voicemail-data.ts"
)

MESSAGES: list[Public] = [
    Public(
        name="pub_h_01_trial_inquiry",
        source=_ONCO + "action-01-call-now-task.md",
        source_title="Onco.bot GoHighLevel workflow, Action 1: CALL NOW task (If No Answer: leave voicemail)",
        text=(
            "Hi Denise, this is Matthew from Onco.bot regarding your clinical trial inquiry. I'll try again "
            "shortly, or you can call me back at {number}."
        ),
        band="good",
        number="3126813977",
        adapted=(
            "{{contact.first_name}} -> Denise, [NAME] -> Matthew (the coordinator who signs the funnel's emails), "
            "[PHONE] -> {number}."
        ),
        notes=(
            "A clinical-trial coordinator's first voicemail to a patient who has just filled in the eligibility "
            "quiz: first name and company, the reason is the listener's own inquiry (shared history), 'you can "
            "call me back at' with the number is the ask (pub_a_03). About 23 words, about 14 s. Nothing to fix."
        ),
    ),
    Public(
        name="pub_h_02_several_times",
        source=_ONCO + "action-04-06-day0-remaining.md",
        source_title="Onco.bot GoHighLevel workflow, Actions 4-6: Final Voicemail Script (end of day 0)",
        text=(
            "Hi Denise, this is Matthew from Onco.bot. I tried reaching you several times today about your lung "
            "cancer clinical trial inquiry. I'll try again tomorrow, but if you'd like to connect sooner, feel free "
            "to call me back at {number} or reply to any of my text messages. Thanks, and talk soon!"
        ),
        band="fix",
        number="4159455976",
        adapted=(
            "{{contact.first_name}} -> Denise, [YOUR NAME] -> Matthew, {{contact.custom_field.cancer_type}} -> "
            "'lung cancer', {{business.phone}} -> {number}."
        ),
        notes=(
            "The same funnel's end-of-day voicemail: name, company, the listener's inquiry as the reason, an ask "
            "with the number. 'I tried reaching you several times today' sits beside the real reason (the "
            "inquiry), so reason passes. About 51 words: long (43-60), the one thing that keeps it from good. Fix."
        ),
    ),
    Public(
        name="pub_h_03_new_patient",
        source=(
            _GH + "andreablule/kincare360/blob/00d749c40a419c1bf187cbbd04cccbfb72e50420/"
            "src/app/api/schedule-appointment/route.ts"
        ),
        source_title="KinCare360 schedule-appointment route: Lily's outbound prompt (IF NO ONE ANSWERS: voicemail)",
        text=(
            "Hi, this is Lily from KinCare360. I'm calling to schedule a new patient appointment for Dorothy Wells. "
            "Please call us back at {number}. Thank you!"
        ),
        band="good",
        number="8125155252",
        adapted="${patientName} -> 'Dorothy Wells'; the file's 812-515-5252 -> {number} (the same digits).",
        notes=(
            "A care-coordination service's assistant calling a doctor's office for a client: first name, company, "
            "a concrete reason (a new-patient appointment for a named person), 'Please call us back at' with the "
            "number. About 24 words, about 15 s. Nothing to fix."
        ),
    ),
    Public(
        name="pub_h_04_reverse_inquiry",
        source=(
            _GH + "alexmorris0n/equity-connect/blob/02224f15b05b19a19105359125d7e35c986a6f1d/"
            "prompts/Archived/BarbaraOutboundPrompt.md"
        ),
        source_title="Equity Connect, Barbara outbound call additions: Voicemail Detected (Outbound Only)",
        text=(
            "Hi Harold, this is Barbara calling from My Reverse Options. I was following up on your inquiry about "
            "reverse mortgage options. I'll try you again, or you can reach us back at {number}. Thanks!"
        ),
        band="good",
        number="6024057718",
        adapted=(
            "[name] -> Harold, [broker company] -> 'My Reverse Options' (the broker name in the same repository's "
            "outbound addendum example), [broker phone] -> {number}."
        ),
        notes=(
            "A reverse-mortgage scheduling assistant returning a homeowner's inquiry: first name, company, the "
            "listener's own inquiry as the reason, 'you can reach us back at' with the number is the ask "
            "(pub_a_03). 'following up' without 'just' is none of the listed weak phrases (pub_f_05). About 33 "
            "words, about 18 s. Nothing to fix."
        ),
    ),
    Public(
        name="pub_h_05_sent_information",
        source=(
            _GH + "alexmorris0n/equity-connect/blob/9ce3540f0939d00c1240a74f1c93662b687106c4/"
            "prompts/Archived/Barbara%20Claude/2nd%20Run/barbara-outbound-addendum-CONCISE.md"
        ),
        source_title="Equity Connect, Barbara outbound addendum (concise): Voicemail, no persona/campaign data",
        text=(
            "Hi Mary, this is Barbara from My Reverse Options. We sent you information about reverse mortgage "
            "options. Call back at {number} when convenient. Thanks!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="7049755345",
        adapted="[name] -> Mary, [broker company] -> 'My Reverse Options' (the file's own example), [broker phone] -> {number}.",
        notes=(
            "The fallback voicemail to a cold lead from an email campaign: the only reason is the caller's own "
            "mailing and a topic ('we sent you information about reverse mortgage options'), no inquiry of theirs "
            "and nothing about this homeowner, as pub_d_02's 'I left you a message last week about AI training': "
            "reason flagged. Name, company, 'Call back at' with the number. About 23 words. One thing: fix."
        ),
    ),
    Public(
        name="pub_h_06_immigration_text",
        source=(
            _GH + "neuronx-git/neuronx/blob/4be2a4786014dbc447ac83a6d7d82529e36ac2c7/"
            "tools/ghl-lab/src/api/setupVapiAssistant.ts"
        ),
        source_title="NeuronX GHL lab, setupVapiAssistant.ts: the assistant's voicemailMessage",
        text=(
            "Hi Priya, this is Alex from NeuronX Immigration. We're calling about your immigration inquiry. We want "
            "to make sure you get the help you need. I'll send you a quick text message with a link to schedule a "
            "time to speak with our consultants. Talk to you soon!"
        ),
        band="good",
        goal="educate",
        skip=F({"call_to_action", "phone_number"}),
        adapted="{{first_name}} -> Priya.",
        notes=(
            "An immigration advisory's voicemail that leaves no number and asks for no call: it says what happens "
            "next (a text with a booking link), so educate (pub_f_03, pub_f_21). First name and company, the "
            "listener's own inquiry as the reason. About 48 words, within the educate margin of about 70. Good."
        ),
    ),
    Public(
        name="pub_h_07_device_activation",
        source=(
            _GH + "Medical-Guardian/IOE-SERVICES-DEV/blob/3006c1ee95a4c883be0efba26896e593ddbd8e45/"
            "database/create_operations_device_activation_bland_configs.sql"
        ),
        source_title="Medical Guardian IOE services: Device Activation Bland AI config (voicemail_message)",
        text=(
            "Hi there, this is Grace calling from Medical Guardian. I'm trying to reach Ruth Alvarez to assist with "
            "device activation. I'll try calling back later, goodbye!"
        ),
        band="good",
        goal="educate",
        skip=F({"call_to_action", "phone_number"}),
        adapted="{{first_name}} {{last_name}} -> 'Ruth Alvarez'; the SQL string's doubled quote (I''m) as one.",
        notes=(
            "A medical-alert company's voicemail to a new member: no number and no request, only the next step "
            "(another call later): educate (pub_f_03). First name and company, a concrete reason (activating the "
            "device they have). About 26 words, about 10 s, above the hang-up floor. Good."
        ),
    ),
    Public(
        name="pub_h_08_informational",
        source=(
            _GH + "digit2ai/RinglyPro-CRM/blob/afff5c43da91e068417bc1b50d4c188f5088da71/"
            "scripts/generate-elevenlabs-voicemail.js"
        ),
        source_title="RinglyPro CRM, scripts/generate-elevenlabs-voicemail.js: VOICEMAIL_MESSAGE",
        text=(
            "Hi, this is Lina from RinglyPro.com, calling with a quick business update. RinglyPro offers a free AI "
            "receptionist that helps small businesses answer calls, book appointments, and send automatic "
            "follow-ups, so you never miss a lead, even after hours. This message is for informational purposes "
            "only, and there's no obligation or payment required. If you'd like to learn more, you can visit "
            "RinglyPro.com or call us back at {number}. If you'd prefer not to receive future informational "
            "updates, you can reply stop or call the same number and we'll remove you. Thanks for your time, and "
            "have a great day."
        ),
        band="poor",
        flags=F({"reason"}),
        number="8132124888",
        adapted="The file's 813-212-4888 -> {number} (the same digits); the dash before 'so you never miss' as a comma.",
        notes=(
            "A pre-recorded cold drop: a product description that fits any small business ('a free AI receptionist "
            "that helps small businesses ...'), nothing about this listener: reason flagged. Name, company, 'call "
            "us back at' with the number is the ask. About 99 words with a compliance paragraph, about 45 s: over "
            "60 words, a second thing (at the edge of rambling). Poor."
        ),
    ),
    Public(
        name="pub_h_09_aep",
        source=_RPI,
        source_title="RPI COV engine content: COV-PREAEP (Medicare Pre-AEP), VM Script",
        text=(
            "Hey Janet, this is Mark Ellison with Retirement Protectors. AEP is right around the corner and I "
            "wanted to reach out because Medicare is a huge part of what we do. You've got your North American "
            "Versachoice 10 with us but we're not handling your Medicare coverage, and with enrollment opening in "
            "October, this is a great time to take a look. Give me a call at {number} and we'll see if we can add "
            "some value there."
        ),
        band="fix",
        skip=F({"company"}),
        number="9197455016",
        adapted=(
            "{FirstName} -> Janet, {AgentName} -> Mark Ellison, {BOBName} -> 'Retirement Protectors', {Carrier} "
            "{ProductName} -> 'North American Versachoice 10' (the file's own examples), {Phone} -> {number}."
        ),
        notes=(
            "An agency's cross-sell voicemail to an existing client: a concrete reason about this client (their "
            "annuity is with the agency, their Medicare is not, and enrollment opens in October). Name, a clear "
            "ask with the number. They already work together: company not judged. About 77 words: over 60, the "
            "one thing to fix."
        ),
    ),
    Public(
        name="pub_h_10_insure_your_love",
        source=_RPI,
        source_title="RPI COV engine content: COV-LOVE (Insure Your Love), VM Script",
        text=(
            "Hey Dolores, this is Mark Ellison with Retirement Protectors. February is Insure Your Love month, and I "
            "just wanted to check in. Part of being your people is making sure your family is protected if "
            "something unexpected happens. Life insurance, legacy planning, it's worth a quick conversation to "
            "make sure there aren't any gaps. Give me a call at {number}."
        ),
        band="poor",
        flags=F({"reason", "weak_phrases"}),
        skip=F({"company"}),
        number="5038519164",
        adapted=(
            "{FirstName} -> Dolores, {AgentName} -> Mark Ellison, {BOBName} -> 'Retirement Protectors', {Phone} -> "
            "{number}; the dash after 'legacy planning' as a comma."
        ),
        notes=(
            "The same agency's February voicemail: an awareness month and a general claim ('making sure your family "
            "is protected'), no gap named for this client: reason flagged. 'I just wanted to check in' (word 17, "
            "past the opening) is a listed weak phrase: a second thing. Poor. Existing client: company not judged. "
            "About 59 words."
        ),
    ),
    Public(
        name="pub_h_11_autopilot",
        source=_AGENCY,
        source_title="Ringless Voicemail Scripts (AI automation agency), Script 5: Short & Punchy",
        text=(
            "Hey, this is Derek Lang. I help HVAC businesses in Tampa get more customers on autopilot using AI. If "
            "that's interesting, give me a call back at {number}. That's {number}. Thanks."
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="6145627813",
        adapted="[Your Name] -> Derek Lang, [niche] -> HVAC, [city] -> Tampa, [your number] (twice) -> {number}.",
        notes=(
            "An AI automation agency's high-volume cold drop (the file is written for an agency, whose name the "
            "script never says): company flagged. 'I help HVAC businesses get more customers on autopilot' is a "
            "generic self-description, nothing about this business: reason flagged. Name, ask, number twice. About "
            "29 words. Two things: poor."
        ),
    ),
    Public(
        name="pub_h_12_med_spas",
        source=_AGENCY,
        source_title="Ringless Voicemail Scripts (AI automation agency), niche variation: Dentists / Med Spas",
        text=(
            "Hey, this is Derek Lang. I help dental practices and med spas in Tampa automatically send appointment "
            "reminders, reactivate patients who haven't been in 6 months, and collect Google reviews on autopilot. "
            "Most practices see results within the first week. If you want to see how it works, call me back at "
            "{number}. That's {number}. Thanks!"
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="7707394573",
        adapted="[Your Name] -> Derek Lang, [city] -> Tampa, [your number] (twice) -> {number}.",
        notes=(
            "The same agency file's dental variant: a feature list and a generic claim ('most practices see results "
            "within the first week'), nothing about this practice: reason flagged; the agency is never named: "
            "company flagged. Name, ask and the number twice. About 54 words (long, not a further thing). Poor."
        ),
    ),
    Public(
        name="pub_h_13_head_of_security",
        source=(
            _GH + "VJDiPaola/sales-prompt-library/blob/eafcae4662c0c5d412b0d255909713b664308f25/"
            "prompts/email-drafting/fanatical-prospecting-voicemail.md"
        ),
        source_title="Fanatical Prospecting: 30-Second Voicemail (example output)",
        text=(
            "Hi, this is John Smith from Cloud Solutions Inc. I'm calling because I saw you're hiring a new Head of "
            "Security, and I wanted to share how we've helped other financial services firms reduce their data "
            "breach risk by 40%. Again, this is John Smith at {number}. I look forward to hearing from you."
        ),
        band="fix",
        flags=F({"call_to_action"}),
        number="2105169910",
        adapted="The example's 555-123-4567 (not a valid US number) -> {number}, an invented one.",
        notes=(
            "The prompt library's example voicemail: name and company, a concrete reason (their opening for a Head "
            "of Security, a result with a figure for firms like theirs). 'this is John Smith at <number>' and 'I "
            "look forward to hearing from you' ask for nothing (as 'My number is' alone, pub_a_15): call_to_action "
            "flagged. About 53 words (long, not a second thing). Fix."
        ),
    ),
    Public(
        name="pub_h_14_ransomware",
        source=(
            _GH + "honeybadger2121-home/badgertechnologies-website/blob/6877cf59cf22263d7e8dbd96ceab03ce3a5d2e5e/"
            "sales-toolkit/scripts/Phone-Scripts.md"
        ),
        source_title="Badger Technologies Phone Prospecting Scripts, Script 7: Voicemail Script",
        text=(
            "Hi Rachel, this is Benjamin Sherman with Badger Technologies. I'm calling about IT security for Lakeside "
            "Dental. We help businesses like yours prevent ransomware attacks and data breaches. Most businesses "
            "don't realize they're at risk until it's too late. I'd love to chat for 5 minutes about protecting "
            "your business. My number is {number}, that's {number}. I'll also follow up with an email. Talk soon!"
        ),
        band="poor",
        flags=F({"reason"}),
        number="8589206410",
        adapted=(
            "[FIRST NAME] -> Rachel, [COMPANY NAME] -> Lakeside Dental, [YOUR NUMBER] and [REPEAT NUMBER SLOWLY] -> "
            "{number} twice; the dash between them as a comma."
        ),
        notes=(
            "An IT-security firm's cold voicemail: the prospect's company is named but nothing is said about it; "
            "'we help businesses like yours prevent ransomware' and 'most businesses don't realize they're at risk' "
            "are a generic self-description and claim: reason flagged. 'I'd love to chat ... My number is' counts "
            "as the ask (pub_d_06). About 63 words, over 60: a second thing. Poor."
        ),
    ),
    Public(
        name="pub_h_15_board_presentation",
        source=_FRIDAY,
        source_title="Voicemails - Friday Jan 17 (freelancer-consultant scenario): 11:03 AM, Tanya Washington",
        text=(
            "Hi, this is Tanya Washington from Detroit Athletics Club trying to reach Jordan Reeves. Jordan, I've "
            "sent a couple emails this week and I'm getting worried. Our board presentation is in 10 days and I was "
            "expecting a draft today. Can you please call me back? Or email? Or anything? I need to know what's "
            "happening. {number}. Thanks."
        ),
        band="fix",
        skip=F({"company"}),
        number="3135550163",
        adapted="The file's 313-555-0163 -> {number} (the same digits).",
        notes=(
            "A client's voicemail to her absent consultant (a course's scenario file): full name, a concrete reason "
            "(the board presentation in 10 days, the draft due today), 'Can you please call me back?' is the ask, "
            "the number follows. They already work together: company not judged (she names her club anyway). About "
            "57 words: long, the one thing. Fix."
        ),
    ),
    Public(
        name="pub_h_16_anxious_client",
        source=_FRIDAY,
        source_title="Voicemails - Friday Jan 17 (freelancer-consultant scenario): 9:52 AM, Marcus Bell",
        text=(
            "Hey Jordan, it's Marcus. Just calling because I sent an email this morning and wanted to follow up. "
            "Look, I know you're busy, but I'm getting pretty anxious here. We're less than a month from opening "
            "and I still feel like I'm not 100% clear on where things stand. Can you just call me back? Even a "
            "five-minute conversation would help. My designer is asking me questions I can't answer. I feel like "
            "I'm bugging you but I don't know what else to do. Okay. Call me. {number}. Thanks."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases"}),
        skip=F({"company"}),
        number="3135550188",
        adapted="'Can you just... call me back?' without the ellipsis; the file's 313-555-0188 -> {number} (the same digits).",
        notes=(
            "A client's anxious voicemail: 'Just calling because' at word 5 is a listed weak phrase in the opening, "
            "one thing (opening and weak_phrases); about 88 words, over 60, a second: poor (about 40 s, short of "
            "rambling). The reason is concrete (opening in under a month, the designer's questions); 'Call me.' "
            "with the number is the ask. A client: company not judged; a first name is a name."
        ),
    ),
    Public(
        name="pub_h_17_confirm_meeting",
        source=_CALL_LOGGER,
        source_title="Call-Logger sample voicemails, src/data/voicemail-data.ts: John Smith's transcription",
        text="Hey, just calling to confirm our meeting tomorrow at 2 PM. Let me know if that still works for you.",
        band="poor",
        flags=F({"name", "opening", "weak_phrases", "phone_number"}),
        skip=F({"company"}),
        number=None,
        adapted="",
        notes=(
            "A sample transcription in a call-logging app: no name said (the app shows it, the message does not), "
            "'just calling' at word 2 (opening and weak_phrases, one thing), 'Let me know' is an ask but no number "
            "is left on a call-back message: poor. The meeting is a shared plan: reason passes, company not judged. "
            "About 20 words, about 8 s, at the hang-up floor."
        ),
    ),
    Public(
        name="pub_h_18_project_ideas",
        source=_CALL_LOGGER,
        source_title="Call-Logger sample voicemails, src/data/voicemail-data.ts: Sarah Johnson's transcription",
        text=("Hi there, I wanted to follow up on the project we discussed. I've sent you an email with some ideas."),
        band="fix",
        flags=F({"name"}),
        goal="educate",
        skip=F({"company", "call_to_action", "phone_number"}),
        adapted="",
        notes=(
            "The same file's second sample: no request and no number, only a pointer to the email just sent: "
            "educate (pub_f_21). The project already discussed is the reason (shared history); they have met: "
            "company not judged. No name is said: name flagged, the one thing. 'I wanted to follow up' has no "
            "'just' and is no listed weak phrase. About 20 words, about 8 s, at the hang-up floor. Fix."
        ),
    ),
]
