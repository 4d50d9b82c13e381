"""Part f of the public set (#24), continued: messages pub_f_16 to pub_f_27 of the second held-out
half ("held2"), split from part_f.py only to keep modules under 500 lines; its docstring's
conventions and labelling rules apply here unchanged.
"""

from public import Public

F = frozenset

_BIGPIC = "http://bigpicturecoaching.net/tag/customer-service/"
_BRAVI = "https://github.com/bravichandra/bravichandra.github.io/blob/530520b0fb43142077c998c6edebafb051819462/"
_BRAVI_DIR = "pro/application/views/outputs/"

MESSAGES: list[Public] = [
    Public(
        name="pub_f_16_print_costs",
        source="https://www.piworld.com/post/the-voicemail-award-bill-farquharson/",
        source_title="The Voicemail Award",
        text=(
            "Hi, my name is Bill. I think I can save you money on the cost of your print. Here's my telephone "
            "number, {number}. Let's talk."
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="7813046259",
        adapted="'Here's my telephone number.' -> 'Here's my telephone number, {number}.'",
        notes=(
            "The column's example of a message that says nothing of value: a first name, no firm, and 'save you "
            "money on the cost of your print' is the generic claim every printer makes (reason flagged). 'Let's "
            "talk' after the number is an ask, if a bare one."
        ),
    ),
    Public(
        name="pub_f_17_its_me",
        source=(
            "https://www.people2people.com.au/blog/2017/07/"
            "the-revolution-that-is-voicemail-the-etiquette-of-leaving-a-message-with-your-recruiter"
        ),
        source_title=("The revolution that is voicemail! The etiquette of leaving a message with your recruiter."),
        text="Hi, it's me, please give me a call back.",
        band="poor",
        flags=F({"name", "reason", "phone_number"}),
        skip=F({"company"}),
        notes=(
            "The recruiter's 'meaningless message': 'who are you, what are you calling me about, and on what number "
            "do I call you back?' No name, no reason, no number, about 3 s (under the hang-up floor too). A "
            "candidate calling a recruiter: company not judged."
        ),
    ),
    Public(
        name="pub_f_18_donor_thanks",
        source="https://clairification.com/2023/02/27/dont-leave-a-voicemail-if",
        source_title="Don't leave a voicemail if ...",
        text=(
            "Hi, this is Dana Whitfield for the Riverside Food Bank. I'm calling to say thank you for your recent "
            "and generous gift. Together we're fighting to end hunger, house families, train job seekers, feed "
            "children and respond to disasters. We welcome your feedback and value your partnership. If you have "
            "any questions, please call our donor line at {number}. Thank you."
        ),
        band="fix",
        number="4143870926",
        adapted=(
            "The page's transcript has placeholders and mumbles: '[first/last name]' -> Dana Whitfield, the "
            "organization -> 'the Riverside Food Bank', the 'list of at least five different areas' -> five "
            "invented areas, 'please mumble, mumble' -> 'please call our donor line', '[non-local phone number]' "
            "-> {number}."
        ),
        notes=(
            "A charity's thank-you voicemail the author says should not have been left (impersonal, a paid caller, "
            "the mission list instead of the gift's purpose). By the rubric's parts it has a name, the "
            "organization, a real reason (thanks for the gift) and a conditional ask with the number; about 60 "
            "words: long (at the edge of 60), fix on length alone. Title from the address."
        ),
    ),
    Public(
        name="pub_f_19_networking",
        source=_BIGPIC,
        source_title="Tips for Leaving Phone Messages (Message #1)",
        text=(
            "Hi Mary! This is Laura Harbolt. We met last week at the women's networking group. I'm calling to "
            "follow up on our conversation regarding your spring open house. I'll give you a call back tomorrow "
            "around noon. Or if you'd like, you can reach me at {number}. I'll look forward to talking soon!"
        ),
        band="fix",
        skip=F({"company"}),
        number="3178502649",
        adapted="'regarding _____' -> 'regarding your spring open house'; '(phone number.)' -> {number}.",
        notes=(
            "A coach's first follow-up after meeting at a networking group: full name, where they met, a concrete "
            "reason (their conversation about the open house), a call-back time and the number as an option. No "
            "HAND flag; about 52 words: long (43-60), fix on length alone. They have met: company not judged."
        ),
    ),
    Public(
        name="pub_f_20_missed_again",
        source=_BIGPIC,
        source_title="Tips for Leaving Phone Messages (Message #2)",
        text=(
            "Hi Mary, this is Laura. I'm sorry I missed you again. I'll try you back next week, or if you have a "
            "moment, give me a call back at {number}."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason"}),
        skip=F({"company"}),
        number="3176249058",
        adapted="'I'm sorry I missed you again — I'll try' -> two sentences; '(phone number.)' -> {number}.",
        notes=(
            "The second message of the page's three: 'I'm sorry I missed you' (words 6-10) is an apology in the "
            "opening, one thing (opening and weak_phrases, LABELS); no reason is given at all: poor. The ask and "
            "number are there. Same caller as pub_f_19 (another number: each message its own); they have met: company not judged."
        ),
    ),
    Public(
        name="pub_f_21_down_the_road",
        source=_BIGPIC,
        source_title="Tips for Leaving Phone Messages (Message #3)",
        text=(
            "Hi, this is Laura. So sorry to have missed you again, Mary. I'm guessing this is a really busy time "
            "for you, and I totally understand. Please feel free to contact me anytime if I can help you with your "
            "event planning. And in the meantime, I'll keep you on my list and be back in touch later on down the "
            "road."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason"}),
        skip=F({"company", "call_to_action", "phone_number"}),
        goal="educate",
        adapted="'help you with _____' -> 'help you with your event planning'.",
        notes=(
            "The page's last message: no number, no request, a promise to stay in touch later: educate. 'So sorry "
            "to have missed you' (words 5-9) is an apology in the opening, one thing; 'if I can help you with your "
            "event planning' is no specific reason: poor."
        ),
    ),
    Public(
        name="pub_f_22_freelance_writer",
        source="https://inarticulate.diaryland.com/041702a.html",
        source_title="voice mail",
        text=(
            "Hi, Hillary. This is Annabel Copes, I'm the freelance writer who talked to you yesterday about CAC. "
            "I'll try to reach you again in about an hour and hopefully, I'll reach you then. Thanks."
        ),
        band="good",
        goal="educate",
        skip=F({"company", "call_to_action", "phone_number"}),
        adapted=(
            "The diarist's bracketed second thoughts between the spoken words removed, the spoken words kept "
            "('[uhhhhh....' is a thought, not said)."
        ),
        notes=(
            "A freelance writer's message to a source she spoke with the day before: full name, who she is, the "
            "subject (their talk about CAC, the article's company) and when she will call again: educate, no "
            "number needed. About 32 words. A freelancer who has spoken with her: company not judged."
        ),
    ),
    Public(
        name="pub_f_23_number_only",
        source="https://philbernstein.com/interesting-way-to-get-your-call-returned/",
        source_title="Interesting Way to Get Your Call Returned",
        text="Please call {number}.",
        band="poor",
        flags=F({"name", "company", "reason"}),
        number="5593817402",
        adapted="The page's number ('559-297-4640', someone's real line) -> another {number}.",
        notes=(
            "'No name or other identifying information. Just \"Please call ...\"' An ask and a number, nothing "
            "else (two words and the number): three HAND flags, poor. The author called back out of curiosity and "
            "got voicemail."
        ),
    ),
    Public(
        name="pub_f_24_name_drop",
        source=_BRAVI + _BRAVI_DIR + "voicemail-name-drop-focus.php",
        source_title="Voicemail Script – Name Drop Focus",
        text=(
            "Hello Karen, this is Marcus Webb from Ridgeline Payroll. Purpose for my call is that we worked with "
            "Harbor Dental Group and helped them to cut payroll processing time in half and this led to two fewer "
            "overtime weeks each quarter. I actually do not know if we can help you in the same way and that is "
            "why I was calling you with a question or two. I will try you again next week. If you would like to "
            "reach me in the meantime, my number is {number}. Again, this is Marcus Webb calling from Ridgeline "
            "Payroll, {number}. Thank you and I look forward to talking with you soon."
        ),
        band="fix",
        number="4405719386",
        adapted=(
            "The generator's template: [Prospect Name] -> Karen, your name and company -> Marcus Webb, Ridgeline "
            "Payroll, the name-drop fields -> Harbor Dental Group / cut payroll processing time in half / two "
            "fewer overtime weeks each quarter, the phone (twice) -> {number}; the optional disqualify statement "
            "kept."
        ),
        notes=(
            "A generated name-drop voicemail: name and company, a concrete peer result, a promised next call and "
            "the number twice. 'If you would like to reach me ..., my number is' is the ask. About 108 words: over "
            "60 (word count, one thing); about 53 s with the two numbers, just under the ~55 s rambling line: fix."
        ),
    ),
    Public(
        name="pub_f_25_product_focus",
        source=_BRAVI + _BRAVI_DIR + "voicemail_script_product.php",
        source_title="Voicemail Script – Product Focus",
        text=(
            "Hello Greg, this is Tanya Brooks from Summit Office Systems. Purpose for my call is that we provide "
            "managed print services and copier leasing. I actually do not know if we can help you in the same way "
            "and that is why I was calling you with a question or two. I will try you again next week. If you would "
            "like to reach me in the meantime, my number is {number}. Again, this is Tanya Brooks calling from "
            "Summit Office Systems, {number}. Thank you and I look forward to talking with you soon."
        ),
        band="poor",
        flags=F({"reason"}),
        number="9132648075",
        adapted=(
            "The generator's template: [Prospect Name] -> Greg, your name and company -> Tanya Brooks, Summit "
            "Office Systems, the product field -> 'managed print services and copier leasing', the phone (twice) "
            "-> {number}; the optional disqualify statement kept ('in the same way' as the template has it)."
        ),
        notes=(
            "The product-focus variant: 'we provide managed print services and copier leasing' is a product "
            "statement with nothing for the listener (as pub_a_08): reason flagged; about 92 words, over 60 (word "
            "count): two things, poor. Name, company, ask and number twice are there."
        ),
    ),
    Public(
        name="pub_f_26_pain_focus",
        source=_BRAVI + _BRAVI_DIR + "voicemail-pain-focus.php",
        source_title="Voicemail Script – Pain Focus",
        text=(
            "Hello Priya, this is Owen Hart from Clearwater IT. Purpose for my call is that we find that many law "
            "firms have challenges with slow document search, unplanned network downtime, and missed security "
            "updates. I actually do not know if you all are concerned about any of those areas and that is why I "
            "was calling you with a question or two. I will try you again next week. If you would like to reach me "
            "in the meantime, my number is {number}. Again, this is Owen Hart calling from Clearwater IT, {number}. "
            "Thank you and I look forward to talking with you soon."
        ),
        band="fix",
        number="2154963087",
        adapted=(
            "The generator's template: [Prospect Name] -> Priya, [Your Name] / [Your Company] -> Owen Hart / "
            "Clearwater IT, the segment -> law firms, 'up to three' pain points -> three invented ones, [Your "
            "Number] (twice) -> {number}."
        ),
        notes=(
            "The pain-focus variant: the reason is concrete problems of the prospect's segment (as pub_a_01), with "
            "a promised next call and the number twice. About 102 words: over 60 (word count, one thing), about "
            "51 s with the two numbers, not rambling: fix."
        ),
    ),
    Public(
        name="pub_f_27_returning_your_call",
        source="https://annbarr.com/tag/voice-mail-tips/",
        source_title="Returning Your Call",
        text="Hi Ann, this is Janet returning your call. You can reach me today until 5 pm Eastern time at {number}.",
        band="poor",
        flags=F({"company", "reason"}),
        number="6785203419",
        adapted="'[her phone number]' -> {number}.",
        notes=(
            "A deceptive 'returning your call' from a stranger ('I didn't call anyone named Janet'): a first name, "
            "no firm, and a false pretext instead of a reason; the ask and number are clear. Two things: poor."
        ),
    ),
]
