"""Part i of the public set (#24): a fifth held-out half ("held5"), web pages found through the "pages"
search corpus that no earlier part used (no page of parts a-h again; GitHub files are left to the other
helper): a cleaning contractor's cold message quoted on a sales-training blog, a car dealer's training
transcript, a banker's message quoted on a personal blog, a network marketers' "voice mail magic" script, a
student get-out-the-vote toolkit and a political robocall vendor's recording guide. Labels were written
from the scripts alone, by the set's rules (LABELS in public/__init__.py, the reason rule of 2026-12-07
included), before anything was spoken or reviewed; every message here is in the half "held5"
(Public.half), scored only at the end. Public pages that quote a whole voicemail are rare and most of them
were taken by parts a-h, so this part holds six messages (pub_i_01 to pub_i_06); messages pub_i_19 to
pub_i_36 are in part_i2.py.

Conventions kept from parts a-h: a first name alone is a name; a direct seller, a network marketer or a
caller who has already met the listener has no company to insist on (company not judged); "My number is"
alone is no ask (pub_a_15), "you can reach me at" / "you can contact me at" / "please let me know at" with
the number is one (pub_a_03); a bare number with no request is no ask (pub_d_05). Placeholders and blanks
are filled with invented names and details, the number written as "{number}" with an invented valid US
number unless the source gives a valid one; each change is said in `adapted`. Words are counted outside the
number, as LABELS does (estimates: "about"); time is estimated at 150 words a minute plus about 5 s per
saying of the number.
"""

from public import Public

F = frozenset

MESSAGES: list[Public] = [
    Public(
        name="pub_i_01_carpet",
        source="https://clarityadvantage.com/2007/05/short-flat-and-to-the-point/",
        source_title="Short, Flat, and to the Point",
        text=(
            "Hi, this is Kevin, and I'm in the carpet and upholstery cleaning and duct and vent cleaning business. "
            "We're trying to increase our customer base in the area, and to do so, we're offering some seasonal "
            "carpet and upholstery cleaning and vent and duct cleaning specials. If I could help you with either of "
            "these two services, please feel free to call me back at {number}. Our services also include hardwood "
            "floor sanding and refinishing, hardwood floor installation, duct and vent cleaning for forced hot air "
            "and air conditioning systems, floor stripping and waxing, power washing, window washing, mold "
            "remediation, and water, smoke, and fire damage restoration. So, again, if I can be of help to you or "
            "your family, please feel free to call me back at {number}. Thank you, and I hope all is well with you "
            "and your family."
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="7275316042",
        adapted="The page's 777-777-7777 (twice, not a valid number) -> {number}, an invented one; its three quoted "
        "paragraphs joined as one message.",
        notes=(
            "A cleaning contractor's cold message that the page's author saved and meant to return (he wanted the "
            "service already). By the set's rules: no firm is named (company flagged); the reason is the seller's "
            "own line of business and unnamed 'seasonal specials' with no figure or date, nothing of this "
            "listener (reason flagged, self-description clause). About 140 words, about 67 s: rambling, poor on "
            "its own. 'feel free to' and 'I hope all is well' are none of the listed weak phrases."
        ),
    ),
    Public(
        name="pub_i_02_camry",
        source="http://stevestauning.com/creating-an-appointment-culture-part-11/",
        source_title="Creating an Appointment Culture – Part 11",
        text=(
            "Hello again, Bob. This is Steve Stauning calling back from Century Toyota. I wanted to let you know "
            "that the current factory incentives on the Camry expire at the end of the month. We are not sure what "
            "Toyota is going to do after that, as the inventories appear to be coming down. Anyway, Bob, please "
            "call me back so we can schedule a test drive on the Camry. Then we can look at how these incentives "
            "might make a difference. My number is {number}. That is {number}. Don't worry if you can't reach me "
            "right away. I am going to try to get ahold of you later. Thanks and talk to you soon."
        ),
        band="poor",
        skip=F({"company"}),
        number="3309648251",
        adapted="The transcript's 555-1212 (twice, seven digits) -> {number}, an invented valid number.",
        notes=(
            "A dealer trainer's model day-five voicemail to a shopper who looked at a Camry on the lot: reason ok "
            "under clauses (1) and (2) (the car he looked at, factory incentives that end at the end of the "
            "month); a clear ask and the number twice. Already met: company not judged. But about 114 words, "
            "about 56 s with two sayings of the number: past the ~45 s rambling line, poor on its own. "
            "'Anyway' is none of the listed weak phrases."
        ),
    ),
    Public(
        name="pub_i_03_banker",
        source="http://jeffready.blogspot.com/2007/07/",
        source_title="Voice Mail Annoyances",
        text=(
            "Hi. This message is for Jeff. My name is John Keller, with Chase Bank on County Line Road. I'm a banker "
            "here. You can reach me at {number}. Again, my name is John Keller, and you can reach me at {number}."
        ),
        band="fix",
        flags=F({"reason"}),
        number="8047362519",
        adapted="The blanked surname ('John ______') -> Keller; 555-1212 (twice, seven digits) -> {number}.",
        notes=(
            "A bank's cold message quoted by the blogger who got it ('not once ... did you bother to tell me why "
            "you were calling'): name and company twice, 'you can reach me at' with the number twice is the ask "
            "(pub_a_03), but no reason at all (reason flagged, 'nothing' clause). About 41 words, at the top of "
            "'about 35'. One thing: fix."
        ),
    ),
    Public(
        name="pub_i_04_business_matter",
        source="http://www.networkingtimes.com/nt/00/00/includes/674.php",
        source_title="Networking Times",
        text=(
            "Hi, John. This is Ron Thompson calling. I have a business matter I need to discuss with you as soon as "
            "possible. You can contact me at {number}. That's {number}. I take my return calls between 4 and 5 p.m. "
            "Eastern Time."
        ),
        band="fix",
        flags=F({"reason"}),
        skip=F({"company"}),
        number="5617339078",
        adapted="The script's own 561-733-9078 (valid) -> {number}, the same digits; '4-5pm' spelled as spoken.",
        notes=(
            "The 'Call 10 Tiger' cold-market script for network marketers, which the article calls 'clear, "
            "concise, powerful, and vague at the same time': 'a business matter I need to discuss' names nothing of "
            "this listener (reason flagged, vague clause). A network marketer: company not judged. 'You can "
            "contact me at' with the number twice is the ask. About 40 words. One thing: fix. The search result "
            "gave no page title; the site's name is used, as pub_c_13 did for the same site."
        ),
    ),
    Public(
        name="pub_i_05_vote_early",
        source="https://voteearlyday.org/toolkit/campus/campus-event-reminder-phone-banking-script/",
        source_title="Vote Early Day toolkit: Campus Event Reminder Phone Banking Script",
        text=(
            "Hi Maya, this is Jordan with the Hartwell College Civic Engagement Club, and I'm calling to remind you "
            "about our Vote Early Day celebration on Tuesday. We'll be walking over to the early voting site "
            "together after a free breakfast in the student union. If you're able to make it, please let me know "
            "at {number}. You can also go to our website at hartwellcivic.org to find more details and sign up. "
            "Thanks so much for your time, and we hope to see you there."
        ),
        band="fix",
        number="6158274039",
        adapted=(
            "The toolkit's voicemail version: [their name] -> Maya, [your name] -> Jordan, [Campus/Student Group] -> "
            "'the Hartwell College Civic Engagement Club', [tomorrow/on Tuesday] -> 'on Tuesday', [one sentence "
            "description of your event plans] -> an invented sentence, [contact info] -> {number}, [your website] -> "
            "hartwellcivic.org; the page breaks off at 'we hope t', completed 'to see you there'."
        ),
        notes=(
            "A student group's reminder to people who had said they might come (the script's audience): reason ok "
            "under clause (4), a named event on a set day that the listener already showed interest in. Name, "
            "group, and 'please let me know at' with the number is the ask. About 85 words: over 60, the one thing "
            "to fix (about 39 s, not rambling)."
        ),
    ),
    Public(
        name="pub_i_06_candidate",
        source="http://www.peoplecallingpeople.com/how_to_record",
        source_title="How to Record",
        text=(
            "This is John Smith, your candidate for city council. Voting for an important election has begun. "
            "John Smith Campaign. {number}."
        ),
        band="poor",
        flags=F({"reason", "call_to_action"}),
        number="2145370986",
        adapted=(
            "The page's VOICEMAIL version: the blank office -> 'city council'; the '…' where the page lets callers "
            "add their own words is left out; '(214) xxx-xxxx' -> {number}, an invented 214 number."
        ),
        notes=(
            "A robocall vendor's framework for a candidate's voicemail: full name and campaign named, but the "
            "only reason is a line any campaign says ('voting for an important election has begun'), nothing of "
            "this voter (reason flagged, claim-every-seller-makes clause), and the number is read bare with no "
            "request (call_to_action flagged, pub_d_05). About 20 words, about 13 s, above the hang-up floor. "
            "Two things: poor."
        ),
    ),
]
