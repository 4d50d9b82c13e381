"""Part d of the public set (#24): voicemail scripts from public sales playbooks and SDR template
files kept in GitHub repositories (found through the "code" and "docs" search corpora), chosen to
add the short, specific messages a coach would leave alone, plus scripts with one thing to fix.
Template placeholders are filled with invented names and firms (said in `adapted`); labels were
written from the scripts alone, before any reviewer code changed.

A source here is the repository file's address at the commit the search index holds.
"""

from public import Public

F = frozenset

_BTB = (
    "https://github.com/BuildThingsThatBuildthings/ai-acceleration-sales-dashboard/blob/"
    "27783e0502f949b643a2ce51da527ccc72bfb55a/sales_system/email_sequences/voicemail_scripts.md"
)
_GTM = (
    "https://github.com/Prospeda/gtm-skills/blob/876861c5d2b509d0a0fcb693b168e023c6972f9f/"
    "openclaw-skills/gtm-voice/SKILL.md"
)
_VIBE = (
    "https://github.com/aabulkhairov/vibebaza/blob/ab618a4a1aa98ac27848cc6d5b294bec5b1779fa/prompts/sales-voicemail.md"
)
_NEXTDOOR = (
    "https://github.com/geeteshparelly/nextdoor-scraper/blob/5cd51ecb45a9e1d155ebfbdf457b7951c7deee77/"
    "prospector/templates/voicemail/scripts.md"
)
_SPOT = "https://github.com/jrosalesd/bluechip.collective.lan/blob/5083078ad275e1ecf1e3d35f8eb6c6b9590dbd2a/vmspill.php"

MESSAGES: list[Public] = [
    Public(
        name="pub_d_01_listing",
        source=_BTB,
        source_title="Voicemail Scripts (Script 3: The Value VM)",
        text=(
            "Hi Dana, this is Marcus Reyes with AI Acceleration. Quick question: are your agents spending"
            " 30-plus minutes on listing descriptions? We help cut that to 5 minutes. If that's interesting,"
            " give me a call at {number}. Thanks, Dana!"
        ),
        band="good",
        number="3129548071",
        adapted=(
            "[First Name] -> Dana, [Your Name] -> Marcus Reyes, [Your Number] -> {number}; '30+' written"
            " '30-plus' so it is spoken as meant"
        ),
        notes=(
            "a brokerage-training rep: name and company up front, one concrete benefit (listing descriptions"
            " from 30 minutes to 5), a clear ask and the number once; about 38 words"
        ),
    ),
    Public(
        name="pub_d_02_try_again",
        source=_BTB,
        source_title="Voicemail Scripts (Script 2: The Follow-Up VM)",
        text=(
            "Hi Dana, Marcus Reyes again from AI Acceleration. I left you a message last week about AI training"
            " for your agents. Wanted to try you one more time. If it's not a fit, no worries, just let me know."
            " Otherwise, I'm at {number}. Have a great day!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="4047318265",
        adapted="[First Name] -> Dana, [Your Name] -> Marcus Reyes, [Your Number] -> {number}; the dash as a comma",
        notes=(
            "the second-attempt message: 'I left you a message last week' and 'try you one more time' are no"
            " reason, only a topic (AI training). The ask is soft ('just let me know ... otherwise I'm at') but"
            " it is an ask with the number, so call_to_action passes; 'no worries' is casual, not a listed"
            " weak phrase"
        ),
    ),
    Public(
        name="pub_d_03_record_year",
        source=_BTB,
        source_title="Voicemail Scripts (Primary Voicemail Script, example)",
        text=(
            "Hi Sarah, this is John with AI Acceleration. I'm calling because I saw Semonin had a record year,"
            " congrats on leading that team. I help brokerages like Semonin get their agents using AI in ways"
            " that actually save time. Give me a call back at {number}. Again, that's {number}. Talk soon!"
        ),
        band="fix",
        number="5417926830",
        adapted="the page's worked example, its 615-555-1234 (twice) -> {number}; the dash after 'year' as a comma",
        notes=(
            "every part is there (a trigger about the prospect, a benefit, a clear ask, the number twice) but"
            " it runs about 49 words: congratulation plus pitch is two sentences where one would do. The one"
            " fix is length. The rep gives only a first name; a coach would not flag that"
        ),
    ),
    Public(
        name="pub_d_04_denied_claims",
        source=_GTM,
        source_title="GTM Voice (Voicemail Template 1: The Teaser)",
        text=(
            "Hi Mark, it's Jenna Ortiz from Clearpath Billing. I'm calling about denied insurance claims,"
            " specifically how Lakeside Dental solved it. Give me a call at {number} if you'd like to hear more."
        ),
        band="good",
        number="6029384751",
        adapted=(
            "[Name] -> Mark, [Your name] -> Jenna Ortiz, [Company] -> Clearpath Billing, [pain point] ->"
            " denied insurance claims, [similar company] -> Lakeside Dental, [number] -> {number}; the dash as"
            " a comma"
        ),
        notes=(
            "'it's X from Y' opening; a concrete pain and a peer who solved it; a clear ask with the number"
            " once; about 30 words"
        ),
    ),
    Public(
        name="pub_d_05_still_dealing",
        source=_GTM,
        source_title="GTM Voice (Voicemail Template 2: The Question)",
        text=(
            "Hi Mark, Jenna Ortiz from Clearpath Billing. Quick question: are you still dealing with denied"
            " insurance claims? If so, I have an idea that might help. {number}, talk soon."
        ),
        band="fix",
        flags=F({"call_to_action"}),
        number="7164039582",
        adapted=(
            "[Name] -> Mark, [Your name] -> Jenna Ortiz, [Company] -> Clearpath Billing, [pain point] ->"
            " denied insurance claims, [Number] -> {number}; the dash as a comma"
        ),
        notes=(
            "name and company with no verb; the reason is a concrete pain. The number is said bare, with no"
            " request to call it ('{number}, talk soon'): the ask is missing"
        ),
    ),
    Public(
        name="pub_d_06_few_ideas",
        source=_VIBE,
        source_title="Sales Voicemail Script (Cold Voicemail)",
        text=(
            "Hi Tom, this is Rachel Kim with Ledgerline. I'm calling because we've helped companies like Harbor"
            " Freight Logistics reduce their invoice processing time by 60 percent, and I have a few ideas for"
            " Carver Supply. If you have 10 minutes this week, I'd love to share them. My number is {number}."
            " Again, that's Rachel Kim at {number}. Looking forward to connecting."
        ),
        band="fix",
        number="8017462395",
        adapted=(
            "[Name] -> Tom, [Your name] -> Rachel Kim, [Company] -> Ledgerline, [similar company] -> Harbor"
            " Freight Logistics, [pain point metric] by [result] -> invoice processing time by 60 percent,"
            " [Company] (theirs) -> Carver Supply, [number] -> {number} (twice); the dash as a comma"
        ),
        notes=(
            "a concrete result and an ask for 10 minutes, number twice with the name; but about 59 words,"
            " well past 35: the one fix is length. 'I'd love to share them' is the ask (clear enough with the"
            " number)"
        ),
    ),
    Public(
        name="pub_d_07_sdr_roles",
        source=(
            "https://github.com/sachacoldiq/ColdIQ-s-GTM-Skills/blob/0577c090aaa87e7175b3d89925d0d0b5ada96243/"
            "skills/cold-call-scripts/SKILL.md"
        ),
        source_title="Cold Call Scripts (Voicemail Script, under 20 seconds)",
        text=(
            "Hey Sarah, Mike Dalton from ColdIQ. Quick message: I work with B2B SaaS sales teams on inconsistent"
            " pipeline. Thought it might be relevant given you just opened three SDR roles. I'll shoot you an"
            " email with some times. Talk soon."
        ),
        band="good",
        goal="educate",
        adapted=(
            "{{firstName}} -> Sarah, [Name] -> Mike Dalton, [ICP] -> B2B SaaS sales teams, [problem] ->"
            " inconsistent pipeline, [trigger/observation] -> you just opened three SDR roles; the dash as a"
            " colon"
        ),
        notes=(
            "no number on purpose: it asks nothing and names the next touch (an email with times), so goal"
            " educate. Name and company with no verb, a trigger about the prospect, about 40 words"
        ),
    ),
    Public(
        name="pub_d_08_demo_site",
        source=(
            "https://github.com/tavk48/openclaw-deliverables/blob/288855a84ed8a8a06c61c1b76bcf4ceca3a57c40/"
            "deliverables/pending/webdev-cold-voicemail-script.md"
        ),
        source_title="Web Development - Cold Voicemail Script (Short Version)",
        text=(
            "Hey Dale, Tristan Velez here. Saw Ridgeline Plumbing while researching local plumbing companies."
            " Built you a demo website. See it at ridgelinedemo.com, or just search your business name plus"
            " demo site. Call me back at {number} if it catches your interest."
        ),
        band="good",
        skip=F({"company"}),
        number="9196308427",
        adapted=(
            "[Name] -> Dale, [Business Name] -> Ridgeline Plumbing, [industry] -> plumbing, [link] ->"
            " ridgelinedemo.com, [Phone] -> {number}; '+' as 'plus', the dash as a full stop"
        ),
        notes=(
            "'X here' opening from a freelance web builder (no firm to name: company not judged). The reason"
            " is concrete and about them (a demo site built for their business), ask and number once, about"
            " 40 words. The spoken web address is a second path to the same idea, not a second idea"
        ),
    ),
    Public(
        name="pub_d_09_baseline",
        source=(
            "https://github.com/IgorGanapolsky/storage-scout/blob/2ea4462ef9c706b0acbc5a3ac7d487e4b7e60da3/"
            "business/callcatcherops/outreach.md"
        ),
        source_title="Outreach Scripts (Voicemail Script)",
        text=(
            "Hey Rob, this is Dana Kim with CallCatcher Ops. We help local service businesses recover missed"
            " calls with SMS call-back and booking automation. If you want a quick baseline for Rob's Plumbing,"
            " text or call me back at {number}. Again, {number}. Thanks."
        ),
        band="good",
        number="2524917360",
        adapted=(
            "{{FirstName}} -> Rob, {{SenderName}} -> Dana Kim, {{BusinessName}} -> Rob's Plumbing, {{Phone}} ->"
            " {number} (twice)"
        ),
        notes=(
            "a concrete benefit (recovering missed calls) and an offer made for their business (a baseline),"
            " a clear ask, the number twice; about 41 words besides the number"
        ),
    ),
    Public(
        name="pub_d_10_reviews",
        source=_NEXTDOOR,
        source_title="Voicemail & Call Scripts (Even Shorter Version, under 20 seconds)",
        text=(
            "Hi Carla, this is Sam Ortiz. Saw the great reviews for Carla's Cleaning. I build websites for local"
            " businesses, $600 flat. I'll text you my info. Thanks!"
        ),
        band="good",
        goal="educate",
        skip=F({"company"}),
        adapted=(
            "[Name] -> Carla, [Your Name] -> Sam Ortiz, [Business Name] -> Carla's Cleaning, [Price] -> 600;"
            " the dash as a full stop"
        ),
        notes=(
            "a freelancer with no firm (company not judged). No number on purpose: the next step is the rep's"
            " text, so goal educate. A fact about them (their reviews) and a concrete offer in about 27 words"
        ),
    ),
    Public(
        name="pub_d_11_nextdoor",
        source=_NEXTDOOR,
        source_title="Voicemail & Call Scripts (Voicemail Script, under 30 seconds)",
        text=(
            "Hey Carla, this is Sam Ortiz. I saw Carla's Cleaning recommended on Nextdoor and noticed you don't"
            " have a website yet. I help local businesses get found on Google with simple, affordable sites."
            " I'll shoot you a text with my info. If you're interested, just text back. If not, no worries."
            " Have a good one!"
        ),
        band="fix",
        goal="educate",
        skip=F({"company"}),
        adapted="[Name] -> Carla, [Your Name] -> Sam Ortiz, [Business Name] -> Carla's Cleaning",
        notes=(
            "the longer version of pub_d_10: same concrete reason (recommended on Nextdoor, no website) and"
            " the same next step (a text), but about 55 words; the closing lines add nothing. One fix: length"
        ),
    ),
    Public(
        name="pub_d_12_four_reps",
        source=(
            "https://github.com/SimonTheSalesBooster/ClaudeSkills-SprintClub/blob/"
            "e6e2bd05414ab7fe63afc27cc9fc462b9f6e915a/25-cold-call-script-builder/SKILL.md"
        ),
        source_title="Skill: Cold Call Script Builder (Step 8, voicemail template)",
        text=(
            "Priya, this is Owen Hart from Closewell. I'm reaching out because you're hiring four new sales reps"
            " this quarter. I'll keep it short. I'll send you an email too, but if you'd rather just talk, my"
            " number is {number}. Again, {number}. Hope to connect."
        ),
        band="good",
        number="3605182947",
        adapted=(
            "[Name] -> Priya, [Your Name] -> Owen Hart, [Company] -> Closewell, [one-line relevant hook] ->"
            " you're hiring four new sales reps this quarter, '[number], spoken slowly twice' -> {number}."
            " Again, {number}; the dashes as full stops"
        ),
        notes=(
            "opens on the prospect's name with no greeting; a trigger about them; says the next touch (an"
            " email) and still gives the number twice with an ask to talk; about 42 words. 'I'll keep it"
            " short' is filler but not one of the listed weak phrases"
        ),
    ),
    Public(
        name="pub_d_13_palmetto",
        source="https://github.com/lukemun/syslink/blob/7435f0ec1cf6059ee90a13d79db1dfe99c5dfd97/cold-caller/README.md",
        source_title="Florida Cash Home Buyers - Cold Caller Script (voicemail detection message)",
        text=(
            "Hi, this is Marisol Vega with Florida Cash Home Buyers. I was calling about the property at 418"
            " Palmetto Drive. We'd like to speak with you about a potential offer. Please give us a callback at"
            " {number}. Again, that's {number}. Thanks, and have a great day."
        ),
        band="good",
        number="4359270814",
        adapted=(
            "[Agent Name] -> Marisol Vega, [Property Address] -> 418 Palmetto Drive, [Target Number] -> {number}"
            " (twice)"
        ),
        notes=(
            "a home buyer's message to an owner: their property and a possible offer is the reason, a clear"
            " ask, the number twice; about 44 words with the sign-off"
        ),
    ),
    Public(
        name="pub_d_14_application",
        source=_SPOT,
        source_title="Voicemail Scripts (Applications)",
        text=(
            "Hi, this message is for Dana Whitley. I received your Spotloan application but need to verify a few"
            " details with you over the phone. Please give me a call back to complete this at {number}. Thank"
            " you and have a great day!"
        ),
        band="fix",
        flags=F({"name"}),
        number="5058436192",
        adapted="_____ -> Dana Whitley; the page's 888-681-6811 -> {number}",
        notes=(
            "a lender's message to an applicant: company, a concrete reason (their application needs"
            " verifying), a clear ask and the number. The caller never says who she is"
        ),
    ),
    Public(
        name="pub_d_15_some_details",
        source=_SPOT,
        source_title="Voicemail Script (Customer Service)",
        text=(
            "This message is for Dana Whitley. This is Marcus Reed calling from Spotloan. There are some details"
            " that I need to speak with you about. Please contact me right at {number}. Thank you!"
        ),
        band="fix",
        flags=F({"reason"}),
        number="6318045729",
        adapted="_____ (twice) -> Dana Whitley and Marcus Reed; the page's 888-681-6811 -> {number}",
        notes=(
            "name, company, ask and number are there; 'some details that I need to speak with you about' is"
            " no reason the listener can act on"
        ),
    ),
    Public(
        name="pub_d_16_emergency_calls",
        source=(
            "https://github.com/jlpschell/Frankie_Prime_ops/blob/abc57b7ac9aa9e1d34272c6d02bf94281412b956/"
            "campaigns/septic/vm-scripts.md"
        ),
        source_title="Septic Services - VM Scripts (V2: Social Proof)",
        text=(
            "Hey Mike, Jay again from Human Led AI. Quick follow-up: we just helped a septic company near"
            " Rockwall capture 8 extra emergency calls last month that would've gone to voicemail. In your"
            " business, a missed call on a backed-up system is a 2,000 to 5,000 dollar job walking to someone"
            " else. Our AI answers instantly, day or night. Worth a quick call? {number}."
        ),
        band="fix",
        number="7707394158",
        adapted="[Name] -> Mike, [number] -> {number}; '$2,000-$5,000' written out; the dash as a colon",
        notes=(
            "a concrete result and what a missed call costs them, with an ask ('Worth a quick call?') and the"
            " number; but about 64 words in three ideas (proof, cost, product). The one fix is length."
            " 'Quick follow-up' leads into a real reason, so reason passes"
        ),
    ),
    Public(
        name="pub_d_17_vacancies",
        source=(
            "https://github.com/QuantumCotton/daily-reports/blob/5030f0f981cf02eb4f874808e2415e3c33dce2f6/"
            "outreach/voicemail.md"
        ),
        source_title="Voicemail Scripts (Script 1: Vacancy Reduction Focus)",
        text=(
            "Hi Laura, this is Ben Castillo with Keyway Leasing. I noticed you have several units currently"
            " vacant, which can really impact your bottom line. We've helped property managers in your area"
            " fill vacancies 40 percent faster by automating their lead nurturing and follow-up process. I'd"
            " love to share a case study showing how one of our clients cut their vacancy time in half within"
            " 90 days. Call me back at {number} when you have 5 minutes."
        ),
        band="fix",
        number="8594216073",
        adapted=(
            "[Name] -> Laura, [Your Name] -> Ben Castillo, [Your Company] -> Keyway Leasing, [Phone Number] ->"
            " {number}; '40%' as '40 percent'"
        ),
        notes=(
            "a fact about them (vacant units), a concrete result, a clear ask with the number; but about 76"
            " words, the case-study sentence repeating the result. The page's own duration is ~40 seconds."
            " One fix: length"
        ),
    ),
    Public(
        name="pub_d_18_missed_calls",
        source=(
            "https://github.com/jjflux/openclaw-workspace/blob/65b23661b26cd3cee91953d38c6f46ca1b252756/"
            "profluxlabs/outreach/cold-call-script.md"
        ),
        source_title="Cold Call Script - Roofers (Voicemail Script, Version 1)",
        text=(
            "Hey Mike, it's Jason with ProFluxLabs. Quick one for you. I help roofers capture the leads they lose"
            " from missed calls. If you're missing even a few calls a week while you're on a job, that's"
            " potentially 10,000 dollars plus walking away. Shoot me a text at {number} if you want to see how"
            " it works. Talk soon."
        ),
        band="fix",
        number="9419873650",
        adapted="[First Name] -> Mike, [number] -> {number}; '$10K+' written out; the dash as a full stop",
        notes=(
            "a concrete benefit and cost, an ask (text back) with the number; about 57 words with a throat-"
            " clearing 'Quick one for you'. One fix: cut to one sentence of value"
        ),
    ),
    Public(
        name="pub_d_19_website_meeting",
        source=(
            "https://github.com/SSWConsulting/SSW.Rules.Content/blob/fc16a149161766cbef5713ef9b289f7aa6c092e0/"
            "rules/do-you-leave-messages-when-your-phone-call-is-unanswered/rule.md"
        ),
        source_title="Do you leave messages when your phone call is unanswered? (Good Example)",
        text=(
            "Hi Ms. Emma, this is Alvin Shen from SSW. I am calling to follow up our meeting yesterday about your"
            " company website. Please return my call on {number}. The best time to reach me is between 9 and"
            " 11am today, or between 3 and 5pm tomorrow. My number again is {number}. Thank you."
        ),
        band="fix",
        number="2706354918",
        adapted="the page's 02 9953 3000 (an Australian number, twice) -> a US {number}",
        notes=(
            "the page's good example: prior meeting about their website is a concrete reason (as in"
            " pub_a_12), clear ask, number twice. But two time windows make it about 51 words: the one fix is"
            " length. 'follow up' here names what is followed up, so no weak-phrase flag"
        ),
    ),
]
