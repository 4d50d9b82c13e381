"""Part g of the public set (#24): a third held-out half ("held3"), scripts from public pages the set
did not use before: web pages found through the "pages" search corpus, and files of public GitHub
repositories (sales playbooks, voicemail-drop and CRM projects), a page of its own per file. Labels
were written from the scripts alone, by the set's rules (LABELS in public/__init__.py), before
anything was spoken or reviewed; every message here is in the half "held3" (Public.half), scored
only at the end. Messages pub_g_17 to pub_g_31 are in part_g2.py (split only for module length).

Conventions kept from parts a-f: a first name alone is a name (not flagged); a job seeker, a
freelancer, a direct seller or a caller who has already met, spoken or worked with the listener has
no company to insist on (company not judged); "My number is" alone is no ask (pub_a_15), "you can
reach me at" / "I can be reached at" with the number is one (pub_a_03). A message with no number and
no request that only says what happens next (an email, a later call) is an educate message
(pub_f_03, pub_f_21). Placeholders ([Name], [Your Name], [Phone], {{contact.firstName}}, blanks,
"XXX") are filled with invented names and details, the number written as "{number}"; symbols a
speech engine would misread ("$200–$600/month", a dash between clauses) are written as words or
commas; each such change is said in `adapted`. Words are counted outside the number, as LABELS does.
"""

from public import Public

F = frozenset

_COLLEGEGRAD = "https://collegegrad.com/jobsearch/getting-inside-hiring-companies/the-voicemail-messaging-technique"
_LIBERTY = (
    "https://github.com/scottpstevenson/Liberty-Bancard-Website-and-CRM/blob/"
    "2fba4914a3f9e2f20911402bcbcf2a33974fdaf1/client/src/lib/ghl-workflow-prompts.ts"
)

MESSAGES: list[Public] = [
    Public(
        name="pub_g_01_vp_finance",
        source=(
            "http://pluginemployment.com/2013/10/16/"
            "leaving-a-voice-message-what-is-your-batting-average-on-call-backs-written-by-wendy-shully-dear-wendy"
        ),
        source_title="Leaving a voice message: what is your batting average on call backs? (Dear Wendy)",
        text=(
            "Hi Wendy, my name is Gregory Haldane and you are hiring for a Vice President Finance role and I am the "
            "one you need to speak with about it. I left you, I mean I am leaving you this voice message and I sent "
            "you an email with a description of the role, no not a description of the role but a one line summary "
            "about why I think I am right for you to consider hiring for this role so you need to call me when you "
            "pick up either of my messages as I am the one candidate you have been looking for and you can reach me "
            "at {number}. Okay, when you can please call me."
        ),
        band="poor",
        flags=F({"reason"}),
        skip=F({"company"}),
        number="8013729465",
        adapted=(
            "The page's blanks for the caller's name -> 'Gregory Haldane', for the number -> {number}; its closing "
            "'- ok when you can please call me.' -> '. Okay, when you can please call me.'"
        ),
        notes=(
            "A senior finance candidate's message to a recruiter, quoted as 'typical' of callers who never spoke with "
            "her: one run-on sentence with self-corrections. The role is named, but nothing says why him (no "
            "experience, no fit, 'I am the one candidate you have been looking for'), as pub_f_10: reason flagged. "
            "About 118 words, about 52 s with the number: rambling, poor on its own. A job seeker: company not "
            "judged. 'You can reach me at' with the number is the ask."
        ),
    ),
    Public(
        name="pub_g_02_wilbur",
        source="https://boards.straightdope.com/t/when-leaving-a-message-dont-just-tell-me-to-call-you-back/211991",
        source_title="When leaving a message, don't just tell me to call you back",
        text="Hi, this is Wilbur. Call me at {number}.",
        band="poor",
        flags=F({"reason"}),
        skip=F({"company"}),
        number="6318042759",
        adapted="The poster's '555-1212' -> {number}.",
        notes=(
            "A parts distributor's salesman returning a customer's detailed message about a late order with nothing "
            "but his name and number ('you KNOW why I've called'): no reason. Seven words and the number, about "
            "7 s: under the ~8 s hang-up floor, a second thing: poor. They have dealt with each other before: "
            "company not judged. A first name is a name; 'Call me at' is the ask."
        ),
    ),
    Public(
        name="pub_g_03_acme_events",
        source="https://hoolock-consulting.com/blog/2024/9/17/should-you-leave-a-voicemail-when-a-cold-call-goes-unanswered",
        source_title="Should you leave a voicemail when a cold call goes unanswered?",
        text="Hi Tim, this is Roger from ACME Events. Please can you give me a call back on {number}.",
        band="fix",
        flags=F({"reason"}),
        number="9193568024",
        adapted="The page's '……' where the number was -> {number}.",
        notes=(
            "The cold caller's message the author keeps getting ('I do not know why I should call him back'): name, "
            "company, a clear ask and the number, and no reason at all. About 17 words and the number, about 11 s: "
            "above the hang-up floor. One thing: fix. A British page ('call back on'); spoken with a US number."
        ),
    ),
    Public(
        name="pub_g_04_between_nine",
        source=_COLLEGEGRAD,
        source_title="The Voicemail Messaging Technique (the best message)",
        text=(
            "Hi, Karen, this is Jordan Ellis. I can be reached at {number} between 9 and 11 today. I look forward "
            "to talking with you then."
        ),
        band="fix",
        flags=F({"reason"}),
        skip=F({"company"}),
        number="4127093586",
        adapted=(
            "The page's blanks: the target's first name -> Karen, the caller's name -> Jordan Ellis, the phone "
            "number -> {number}, the two times -> 9 and 11."
        ),
        notes=(
            "A job-search site's 'best message' for a graduate calling a hiring manager: deliberately no reason "
            "('set the hook for a callback'). Full name, 'I can be reached at' with the number and a window is the "
            "ask (as pub_a_03). No reason for calling this listener: one thing, fix. A job seeker: company not judged."
        ),
    ),
    Public(
        name="pub_g_05_referral",
        source=_COLLEGEGRAD,
        source_title="The Voicemail Messaging Technique (the referral message)",
        text=(
            "Hi, Karen, this is Jordan Ellis. Dana Whitman asked me to call you. I can be reached at {number} between "
            "9 and 11 today. I look forward to talking with you then."
        ),
        band="good",
        skip=F({"company"}),
        number="7702418563",
        adapted=(
            "The page's blanks: the target -> Karen, the caller -> Jordan Ellis, the referral's name -> Dana Whitman, "
            "the number -> {number}, the times -> 9 and 11."
        ),
        notes=(
            "The same page's message 'when you are calling based on a direct referral': the only change from "
            "pub_g_04 is 'Dana Whitman asked me to call you'. A named person the listener knows asked for this call, "
            "a shared connection with this listener, not a vague check-in: reason ok (the line pub_g_04 lacks). "
            "Full name, an ask with the number, about 31 words. A job seeker: company not judged. Nothing to fix."
        ),
    ),
    Public(
        name="pub_g_06_wedding",
        source="https://anjimonique.com/blog/2017/4/things-to-consider-when-choosing-your-wedding-photographer-part-2",
        source_title="Things to consider when choosing your wedding photographer (part 2)",
        text=(
            "Hi, Megan, this is Olivia Grant. I sent you an email on Monday about my wedding on June 14 at the "
            "Riverside Pavilion. I wasn't sure if you got it, but I'd love to see if you're available and if we can "
            "chat! My phone number is {number} and the best time to reach me is after 5 pm."
        ),
        band="fix",
        skip=F({"company"}),
        number="5126047391",
        adapted=(
            "The page's 'XXX' blanks: the photographer -> Megan, the bride -> Olivia Grant, the email's day -> Monday, "
            "the wedding -> June 14 at the Riverside Pavilion, the number -> {number}, the best time -> after 5 pm."
        ),
        notes=(
            "A photographer's suggested follow-up call for a bride whose email went unanswered: full name, a concrete "
            "reason (her email about a dated wedding at a named venue), and an ask: she wants to know if the "
            "photographer is available and to chat, and says when to reach her at the number (more than a bare "
            "'My number is'). A customer with no firm: company not judged. About 58 words: long (43-60), fix on "
            "length alone."
        ),
    ),
    Public(
        name="pub_g_07_warranty_robocall",
        source="https://www.staugustine.com/story/news/2009/05/17/car-warranty-expired-its-just-a-robocall/15985513007/",
        source_title="Car warranty expired? It's just a robocall",
        text=(
            "This is the second notice that your automobile warranty is about to expire. This call is to give you a "
            "final opportunity to extend coverage before it's too late."
        ),
        band="poor",
        flags=F({"name", "company", "reason", "call_to_action", "phone_number"}),
        notes=(
            "The recorded extended-warranty pitch the article traces to an FTC lawsuit, blasted to numbers at random, "
            "car owners or not: no caller, no firm, a generic claim dressed as a notice about the listener's car "
            "(reason flagged), no request and no number. Poor."
        ),
    ),
    Public(
        name="pub_g_08_this_is_bob",
        source="https://blog.robertgtaylor.com/getting-your-call-returned/",
        source_title="Getting your call returned",
        text="This is Bob. Call me.",
        band="poor",
        flags=F({"company", "reason", "phone_number"}),
        notes=(
            "The message that 'gets a quick delete': a first name (a name by the set's convention) and 'Call me' "
            "(the ask), but no firm, no reason and no number; about 2 s, under the hang-up floor too. Poor."
        ),
    ),
    Public(
        name="pub_g_09_marketing_ideas",
        source="https://businesspowertools.com/leave-pitch-phone",
        source_title="Leave your pitch on the phone (from Business Black Belt)",
        text="Hey, I'm in the marketing business. Give me a call. I've got some ideas for you. {number}.",
        band="poor",
        flags=F({"name", "company", "reason"}),
        number="3032815749",
        adapted="'They leave their number and hang up': the number appended as the last sentence, {number}.",
        notes=(
            "The salespeople's message the author gets 'all the time': no name, no firm ('the marketing business'), "
            "'some ideas for you' is no reason; 'Give me a call' and the number are there. Three things: poor. "
            "About 16 words and the number, about 10 s. Title from the address."
        ),
    ),
    Public(
        name="pub_g_10_calling_you_back",
        source="http://ill-suited.blogspot.com/2006/12/how-not-to-leave-voicemail-message.html",
        source_title="How Not to Leave a Voicemail Message",
        text="Hi, this is Stacey, and I got your email and I am calling you back. My number is {number}.",
        band="fix",
        flags=F({"call_to_action"}),
        skip=F({"company"}),
        number="6154930827",
        adapted=(
            "The page writes the message as one run-together word; here as words and sentences. The first number "
            "('five five five [unintelligible] five five five') -> {number}; the page's bracketed asides removed; the "
            "unintelligible cell number after it ('and my cell number is ...') left out, the message ending at the "
            "first number."
        ),
        notes=(
            "A caller returning the blogger's email, rattled off at speed (which the spoken copy does not reproduce): "
            "a first name, a real reason (her email, now answered), the number, but 'My number is' alone is no ask "
            "(pub_a_15): call_to_action flagged, fix. They are already in contact: company not judged. About 18 "
            "words and the number, about 11 s."
        ),
    ),
    Public(
        name="pub_g_11_statement_analysis",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: 1. Switch & Save — Statement Audit (voicemail drop)",
        text=(
            "Hi Marcus, Tessa Quinn from Liberty Bancard. Last follow-up from me on the statement analysis. When the "
            "timing is right, call me at {number}. The analysis is free and takes 24 hours, no commitment needed."
        ),
        band="good",
        number="4807291563",
        adapted=(
            "{{contact.firstName}} -> Marcus, [SDR Name] -> Tessa Quinn, [Phone] -> {number}; the dash before 'no "
            "commitment needed' written as a comma."
        ),
        notes=(
            "The last voicemail of a merchant-services sequence offering a statement audit: name with no verb "
            "('Tessa Quinn from Liberty Bancard'), company, a concrete reason (the statement analysis already "
            "offered, free, in 24 hours), 'call me at' with the number. About 34 words. Nothing to fix: 'Last "
            "follow-up from me' is no listed weak phrase."
        ),
    ),
    Public(
        name="pub_g_12_savings_walkthrough",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: 20. Free Analysis Follow-Up (voicemail drop)",
        text=(
            "Hi Devon, Rick Alvarado from Liberty Bancard. Calling to walk through your processing analysis, $340 a "
            "month in potential savings. Happy to answer any questions. Call me at {number} when you have 10 minutes."
        ),
        band="good",
        number="2484159037",
        adapted=(
            "{{contact.firstName}} -> Devon, [SDR Name] -> Rick Alvarado, '$[savings]/month' -> '$340 a month', "
            "[Phone] -> {number}; the dash before the savings written as a comma."
        ),
        notes=(
            "A follow-up after a free analysis: the prospect's own analysis and a dollar figure are the reason "
            "(shared history and a concrete result), a clear ask with the number, about 33 words. Good."
        ),
    ),
    Public(
        name="pub_g_13_open_application",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: 3. Fast Approval — Application Completion (voicemail drop)",
        text=(
            "Hi Dana, Priya Shah from Liberty Bancard. Your application is still open. If anything's blocking you, "
            "call me at {number} and I'll walk you through it in 10 minutes. The application link is in your email."
        ),
        band="good",
        number="8596023714",
        adapted=(
            "{{contact.firstName}} -> Dana, [SDR Name] -> Priya Shah, [Phone] -> {number}; the dash after 'still "
            "open' written as a full stop."
        ),
        notes=(
            "A nudge on an unfinished merchant application: the listener's own open application is the reason, "
            "'call me at' with the number and a 10-minute walk-through is the ask. About 35 words. Good."
        ),
    ),
    Public(
        name="pub_g_14_retail_savings",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: V-Retail: SDR Outbound Prospecting (voicemail drop)",
        text=(
            "Hi Ellen, Marco Diaz from Liberty Bancard. I've been sending some emails about retail processing costs. "
            "Most retail merchants save $200 to $600 a month, love to show you how. Call me at {number} when you get "
            "a chance."
        ),
        band="good",
        number="7196348052",
        adapted=(
            "{{contact.firstName}} -> Ellen, [SDR Name] -> Marco Diaz, '$200–$600/month' -> '$200 to $600 a month', "
            "[Phone] -> {number}; the dash before 'love to show you' written as a comma."
        ),
        notes=(
            "A cold outbound voicemail to a retailer after emails: the reason is a concrete result for the listener's "
            "segment (retail merchants save $200 to $600 a month), not a self-description; a clear ask and the "
            "number; about 38 words. Good."
        ),
    ),
    Public(
        name="pub_g_15_auto_inquiry",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: V-Auto: Inbound Lead Nurture (voicemail drop)",
        text=(
            "Hi Grant, Lena Brooks from Liberty Bancard. Following up on your auto processing inquiry, I'd love to "
            "run a quick pre-qualification. Call me at {number} when you have 5 minutes."
        ),
        band="good",
        number="3362907481",
        adapted=(
            "{{contact.firstName}} -> Grant, [SDR Name] -> Lena Brooks, [Phone] -> {number}; the dash written as a "
            "comma."
        ),
        notes=(
            "An inbound lead's follow-up: 'Following up on your auto processing inquiry' names the listener's own "
            "inquiry, a real reason (not a bare 'following up'), with a concrete next step (a pre-qualification). "
            "Ask and number; about 29 words. Good."
        ),
    ),
    Public(
        name="pub_g_16_hsa_cards",
        source=_LIBERTY,
        source_title="Liberty Bancard GHL workflow prompts: V-Medical: SDR Outbound Prospecting (voicemail drop)",
        text=(
            "Hi Nora, Sam Okafor from Liberty Bancard. Quick note about medical office processing, HSA and FSA cards "
            "usually cost more than they should. We fix that. Call me at {number} when you have 5 minutes."
        ),
        band="good",
        number="9207416358",
        adapted=(
            "{{contact.firstName}} -> Nora, [SDR Name] -> Sam Okafor, [Phone] -> {number}; the dash after 'medical "
            "office processing' written as a comma."
        ),
        notes=(
            "A cold voicemail to a medical office: the reason is a concrete problem of the listener's segment (HSA "
            "and FSA cards cost more than they should, as pub_f_26's pain points), not a generic 'save you money'. "
            "Ask and number; about 34 words. Good."
        ),
    ),
]
