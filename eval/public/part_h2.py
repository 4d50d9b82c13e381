"""Part h of the public set (#24), continued: messages pub_h_19 to pub_h_35 of the fourth held-out half
("held4"), split from part_h.py only to keep modules short; its docstring's conventions and labelling
rules apply here unchanged.
"""

from public import Public

F = frozenset

_GH = "https://github.com/"
_MEATERY = (
    _GH + "Meatery1/meatery-retell-callback/blob/f0fc69270d6e2f7a5552ffba220e04e11aecf6e5/"
    "core-prompts/agent_e2636fcbe1c89a7f6bd0731e11_current_prompt.txt"
)
_KINECT = (
    _GH + "Kinectb2b/kinect-b2b-website/blob/ac9d517c01a608c583c33b3d19f6ca4cda1556bf/"
    "app/sales/dashboard/components/SalesScripts.js"
)
_MASON = (
    _GH + "Jpatrick6420/propertyandcasualtywebsite/blob/0dd3f26e55b97e5a67a7f1667946b32a4ae008fd/src/data/scripts.js"
)
_TWOBIRDIE = "https://twobirdie.wordpress.com/2011/03/18/please-do-not-leave-a-message-after-the-beep/"
_DONNA = "http://donnacicotte.com/leave-great-phone-messages-every-time/"

MESSAGES: list[Public] = [
    Public(
        name="pub_h_19_abandoned_cart",
        source=_MEATERY,
        source_title="The Meatery abandoned-checkout agent prompt: VOICEMAIL DETECTION message",
        text=(
            "Hey Robert, it's Grace from The Meatery. I noticed you had some stuff in your cart but didn't finish "
            "checking out. Give me a call back if you're still interested. Thanks!"
        ),
        band="poor",
        flags=F({"phone_number"}),
        number=None,
        adapted="{{customer_name}} -> Robert.",
        notes=(
            "An online butcher's voice agent calling about an abandoned checkout: 'it's Grace from The Meatery' is "
            "name and company, the cart left unfinished is a concrete reason, 'Give me a call back' is the ask, "
            "but no number is said on a call-back message: poor (as eval/judged.py p02). About 31 words."
        ),
    ),
    Public(
        name="pub_h_20_sorry_missed",
        source=_MEATERY,
        source_title="The Meatery abandoned-checkout agent prompt: VOICEMAIL_HANDLING message",
        text=(
            "Hello, this is Grace from The Meatery. Sorry I missed you. Please call us back or visit our website at "
            "your convenience. Thank you."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason", "phone_number"}),
        number=None,
        adapted="",
        notes=(
            "The same prompt's generic voicemail: 'Sorry I missed you' at word 8 (an apology in the opening: "
            "opening and weak_phrases, one thing), no reason at all, an ask with no number: poor. Name and company "
            "are there. About 24 words, about 10 s."
        ),
    ),
    Public(
        name="pub_h_21_referral",
        source=_KINECT,
        source_title="Kinect B2B sales dashboard scripts: calling, voicemail 'Referral Voicemail'",
        text=(
            "Hi Dana, this is Chris Walker with Kinect B2B. I was speaking with Mike Torres and he suggested I reach "
            "out to you about how we're helping businesses in home services get more qualified appointments. Give "
            "me a call when you have a chance, {number}. Looking forward to connecting!"
        ),
        band="fix",
        number="4127312223",
        adapted=(
            "[Name] -> Dana, [Your Name] -> Chris Walker, [Referral Name] -> Mike Torres, [industry] -> 'home "
            "services', [number] -> {number}; the dash before the number as a comma."
        ),
        notes=(
            "An appointment-setting firm's referral voicemail: a named person who suggested the call is a reason "
            "(a referral by a named person, as pub_g_05), name, company, 'Give me a call when you have a chance' with "
            "the number. About 48 words: long, the one thing. Fix."
        ),
    ),
    Public(
        name="pub_h_22_quick_question",
        source=_KINECT,
        source_title="Kinect B2B sales dashboard scripts: calling, voicemail 'Short & Intriguing'",
        text=(
            "Hi Paul, this is Chris Walker from Kinect B2B. I have a quick question about your business that I "
            "think you'll find interesting. Give me a call back at {number}. Again, that's Chris Walker at {number}. "
            "Looking forward to talking with you."
        ),
        band="fix",
        flags=F({"reason"}),
        number="7379484381",
        adapted="[Name] -> Paul, [Your Name] -> Chris Walker, [your number] and [number] -> {number}.",
        notes=(
            "The same file's curiosity voicemail: 'a quick question about your business' says nothing specific "
            "(a teaser, no reason): reason flagged. Name, company, a clear ask with the number twice. About 40 "
            "words. One thing: fix."
        ),
    ),
    Public(
        name="pub_h_23_discounts",
        source=_MASON,
        source_title="Mason Crapo Insurance scripts, new leads day 1: voicemail",
        text=(
            "Hi Karen, this is Tyler Haws with Mason Crapo Insurance. I'm calling because you recently requested a "
            "home and auto insurance quote. I've started reviewing your information and I just wanted to connect "
            "and make sure that all the discounts are applied. You can call or text me back at {number}. Talk soon."
        ),
        band="fix",
        flags=F({"weak_phrases"}),
        number="6159058676",
        adapted="[contact] -> Karen, [Name] -> Tyler Haws, [phoneNumber] -> {number}.",
        notes=(
            "An insurance agency's first voicemail to a web lead: name, company, the listener's own quote request "
            "as the reason, 'You can call or text me back at' with the number. 'I just wanted to connect' (past "
            "the opening) is a listed weak phrase: the one HAND flag. About 52 words (long, not a second "
            "thing). Fix."
        ),
    ),
    Public(
        name="pub_h_24_last_time",
        source=_MASON,
        source_title="Mason Crapo Insurance scripts, new leads day 7: voicemail",
        text=(
            "Hi Karen, this is Justin with Mason Crapo Insurance. I just wanted to follow up one last time and then "
            "I'll pause outreach so I don't bug you. If you ever want to revisit your insurance or compare options "
            "in the future, feel free to reach out. Take care."
        ),
        band="poor",
        flags=F({"reason", "weak_phrases", "phone_number"}),
        number=None,
        adapted="[contact] -> Karen.",
        notes=(
            "The same sequence's last voicemail: 'I just wanted to follow up one last time' is a listed weak phrase "
            "and the only reason is the caller's own follow-up (the quote request is not mentioned): reason "
            "flagged. 'feel free to reach out' asks for a call but no number is left: phone_number flagged. Poor. "
            "About 49 words."
        ),
    ),
    Public(
        name="pub_h_25_speed_to_lead",
        source=(
            _GH + "jlpschell/Frankie_Prime_ops/blob/abc57b7ac9aa9e1d34272c6d02bf94281412b956/"
            "campaigns/roofing/vm-scripts.md"
        ),
        source_title="Roofing Contractor VM Scripts (DFW campaign), VM Version 3: Speed to Lead",
        text=(
            "Hey, this is Jay. I know you're busy so I'll keep it short, homeowners usually go with whoever calls "
            "back first. I've been helping a few contractors around DFW make sure they're always that guy. If "
            "you're interested in picking up more jobs without working more hours, give me a call back. I'll text "
            "you so you've got my info."
        ),
        band="poor",
        flags=F({"company", "reason", "phone_number"}),
        number=None,
        adapted="The dash after 'keep it short' as a comma.",
        notes=(
            "A lead-response vendor's cold drop to roofers (another file of a repository used in part g): first "
            "name only, and the vendor's firm is never named: company flagged; a general claim about "
            "homeowners and 'a few contractors', nothing about this roofer: reason flagged; 'give me a call back' "
            "with the number promised by text only: phone_number flagged. Poor. About 60 words."
        ),
    ),
    Public(
        name="pub_h_26_downsized",
        source="http://meiwang.blogspot.com/2005/01/dont-hesitate-to-leave-voice-mail.html",
        source_title="Don't hesitate to leave voice mail",
        text=(
            "I'm Ray Dillard, the operations manager at the BigWhup Widget Company who was just part of a "
            "downsizing and phoned you. I'm assuming that not having heard from you, you're too busy to respond. I "
            "can understand. But I know that sometimes, things can fall between the cracks, so I'm taking the "
            "liberty of calling to follow up. If you or one of your people are interested in talking with me or "
            "have any advice as to where I should turn, I'd appreciate a call. My phone number is {number}. "
            "{number}. And my name, again, is Ray Dillard. Thank you."
        ),
        band="poor",
        flags=F({"reason"}),
        skip=F({"company", "weak_phrases"}),
        number="3039263430",
        adapted=(
            "'(insert your name)' (twice) -> Ray Dillard; 'My phone number is (repeat the number twice.)' -> 'My "
            "phone number is {number}. {number}.'"
        ),
        notes=(
            "The post's suggested follow-up for a laid-off manager whose first call went unanswered: the "
            "only reason is his own earlier call ('phoned you ... calling to follow up'), nothing about the "
            "listener: reason flagged. About 98 words with the number twice, about 49 s: rambling, poor on its own. "
            "'I'd appreciate a call' with the number is the ask. A job seeker: company not judged; 'just part of a "
            "downsizing' is time, and the hedges ('I'm assuming ... too busy', 'taking the liberty') are none of "
            "the listed kinds: weak_phrases not judged."
        ),
    ),
    Public(
        name="pub_h_27_writer_editor",
        source="http://maryw.blogspot.com/2004/04/hi-my-name-is.html",
        source_title="Hi, my name is...",
        text=(
            "Hi, this is Mary Watkins and I'm calling in reference to the job posting for the Writer/Editor "
            "position. I had been in touch with Linda Moreno and she told me that she had passed my resume along to "
            "you. I had a couple of questions and wanted to see if I could get a few minutes of your time. If you "
            "could call me back I'd greatly appreciate it. My number is {number}. Thank you!"
        ),
        band="fix",
        skip=F({"company"}),
        number="4807444483",
        adapted="The blog's blanks: the contact's name -> Linda Moreno, the number -> {number}.",
        notes=(
            "A job seeker's planned message to a hiring manager (the message she meant to leave, "
            "as her post gives it): full name, a concrete reason (the posting, a named contact who passed her resume on), 'If "
            "you could call me back' is the ask. A job seeker: company not judged. About 75 words: over 60, the "
            "one thing. Fix."
        ),
    ),
    Public(
        name="pub_h_28_chicago_reply",
        source=_TWOBIRDIE,
        source_title="Please do not leave a message after the beep (the first message)",
        text=(
            "Hi this is Erin Novak. I am calling in regards to the voicemail you left me in regards to the position "
            "here in Chicago. I am very interested in the job. I look forward to speaking with you. I'm available "
            "to talk tomorrow at 11:35 to 12:35 Chicago time. You can reach me at {number}. And again this was "
            "Erin Novak calling. Thank you. Take care. Good night."
        ),
        band="fix",
        skip=F({"company"}),
        number="9526211958",
        adapted=(
            "The blogger's stammers and fillers ('um', repeated words) left out as written reporting of what she "
            "said; the blanked name -> Erin Novak, 'XXX' -> {number}; '11:35-12:35' -> '11:35 to 12:35'."
        ),
        notes=(
            "A job seeker returning a recruiter's voicemail about a position (the blogger's stammered first "
            "try): the recruiter's own call and the position are the reason; full name; 'You can reach me at' with "
            "the number and a time window. A job seeker: company not judged. About 69 words: over 60, the one "
            "thing (the closing 'Thank you. Take care. Good night.' pads it). Fix."
        ),
    ),
    Public(
        name="pub_h_29_chicago_morning",
        source=_TWOBIRDIE,
        source_title="Please do not leave a message after the beep (the second message)",
        text=(
            "Hello, this is Erin Novak calling in regards to the position in Chicago. I am available to talk this "
            "morning, otherwise I will try you again later. {number}. I look forward to speaking with you. Goodbye."
        ),
        band="fix",
        flags=F({"call_to_action"}),
        skip=F({"company"}),
        number="3369896725",
        adapted="The blanked name -> Erin Novak, 'XXX-XXX-XXXX' -> {number}.",
        notes=(
            "Her second, shorter message the next day: name and the position as the reason, but the number is "
            "dropped in bare after 'I will try you again later' with no request to call it (pub_d_05): "
            "call_to_action flagged, the one thing. A job seeker: company not judged. About 35 words. Fix."
        ),
    ),
    Public(
        name="pub_h_30_run_past_you",
        source=_DONNA,
        source_title="Leave Great Phone Messages Every Time (the message not to leave)",
        text="Hi Mary, It's Donna. Call me back. I've got something I want to run past you.",
        band="poor",
        flags=F({"reason", "phone_number"}),
        skip=F({"company"}),
        number=None,
        adapted="The page's closing ellipsis left out.",
        notes=(
            "A direct-sales page's example of a warm-market message that gets ignored: a first name (a name), "
            "'something I want to run past you' is a teaser, no reason: reason flagged; 'Call me back' with no "
            "number: phone_number flagged. About 16 words, about 6 s: under the hang-up floor too. A direct seller "
            "to a friend: company not judged. Poor."
        ),
    ),
    Public(
        name="pub_h_31_touch_base",
        source=_DONNA,
        source_title="Leave Great Phone Messages Every Time (the catch-up message)",
        text=(
            "Hi Mary, It's Donna. We haven't talked in a while and I wanted to touch base, see what you've been up "
            "to these days, and run something past you."
        ),
        band="poor",
        flags=F({"reason", "call_to_action", "phone_number", "weak_phrases"}),
        skip=F({"company"}),
        number=None,
        adapted="The dash after 'touch base' as a comma; the page's closing ellipsis left out.",
        notes=(
            "The same page's second weak example: 'touch base' is a listed weak phrase; catching up and 'run "
            "something past you' is no reason; nothing is asked and no number left. A friend calling (she would "
            "expect a call back, so call-back, not educate): poor. A direct seller: company not judged. About 29 "
            "words."
        ),
    ),
    Public(
        name="pub_h_32_jacquelyn",
        source="https://createteachinspire.com/leave-voice-mail-messages-will-get-calls-returned",
        source_title="How to Leave Voice Mail Messages That Will Get Your Calls Returned",
        text=(
            "Jacquelyn, this is Mark, JRK and Associates. Can you give me a call when you get a moment? You can "
            "reach me at {number}."
        ),
        band="fix",
        flags=F({"reason"}),
        skip=F({"company"}),
        number="5088437825",
        adapted="'[first name][company name]' -> 'Mark, JRK and Associates'; '[phone number]' -> {number}.",
        notes=(
            "A coach's example of the bare message a contact met at a networking event leaves: first name and firm "
            "with no verb, a clear ask and the number, and no reason at all: reason flagged, the one thing. They "
            "have met: company not judged (it is said anyway). About 23 words, about 14 s. Fix."
        ),
    ),
    Public(
        name="pub_h_33_leave_application",
        source="https://business.visualstories.com/business-voicemail-etiquette",
        source_title="Business Voicemail Etiquette",
        text=(
            "Hello, this is Ellen Myers, from XYZ Wireless Ltd, Accounts department. My phone number is {number}. "
            "This call is with reference, to your leave application for the 5th of April, 2011. There are a few "
            "minor details to be discussed. Please call me back on receiving this message, on my extension "
            "{number}. Have a nice day."
        ),
        band="fix",
        number="8102032232",
        adapted="'My phone no is' -> 'My phone number is'; the page's 810-203-2232 (twice) -> {number} (the same digits).",
        notes=(
            "An etiquette page's model business voicemail: full name, company and department, a concrete reason "
            "(the listener's leave application for a named date), 'Please call me back ... on my extension' with "
            "the number, said twice. About 54 words: long, the one thing. Fix."
        ),
    ),
    Public(
        name="pub_h_34_occupancy",
        source="https://codex.selfgrowth.com/articles/a-scrapbook-of-cold-calls",
        source_title="A Scrapbook of Cold Calls",
        text=(
            "Mr. Morin, this is Roger McNamara with American Express. I've been watching your marketing campaigns "
            "down in Dallas. They're excellent. We've been kicking around an idea that might help boost your "
            "occupancy a couple of points and solidify the brand message that you have been sending. I'd like your "
            "opinion. Please ring me at {number}. That's {number}. Again, Roger McNamara, American Express."
        ),
        band="fix",
        number="2536773034",
        adapted=(
            "The 7-digit '555-1212' -> {number}, and its spelled-out repeat ('five, five, five, one, two, one, "
            "two') -> 'That's {number}'."
        ),
        notes=(
            "One of the article's cold voicemails, to a hotel marketing executive: full name and company twice, "
            "a reason about this prospect (his Dallas campaigns) and a concrete aim (occupancy up a couple of "
            "points), 'Please ring me at' with the number twice. About 60 words, at the top of 'long': the one "
            "thing. Fix."
        ),
    ),
    Public(
        name="pub_h_35_apartments",
        source="http://wondersandmarvels-wonderfull.blogspot.com/2014/03/you-wanted-someone-else.html",
        source_title="You wanted someone else? (message 4)",
        text=(
            "I've tried several times to call you, because your apartments look like a good fit for my mom, but if "
            "you can't call me back, I'll just look elsewhere and not call you again."
        ),
        band="poor",
        flags=F({"name", "call_to_action", "phone_number"}),
        skip=F({"company"}),
        number=None,
        adapted="'&' -> 'and'.",
        notes=(
            "A prospective tenant's relative leaving a message for a leasing office (quoted on a blog of messages "
            "received): no name, only a complaint-threat ('if you can't call me back, I'll just look elsewhere') in "
            "place of a request, and no number: poor. The apartments as a fit for her mother is a reason. A private "
            "caller: company not judged; 'just' here means 'simply', not a hedge. About 34 words."
        ),
    ),
]
