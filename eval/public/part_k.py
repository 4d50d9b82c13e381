"""Part k of the public set (#24): a seventh held-out half ("held7"), web pages found through the "pages"
search corpus that no earlier part used (no page of parts a-j again, nor another address of the same page;
GitHub files are left to the other helper): a medical-sales trainer's column (a rep's message a surgeon deleted),
a sales-management consultant's parody of his own message, a printing magazine's sales fable, a telesales
trainer's transcript of a staffing firm's message he got ten times, legal and compliance pages that quote whole
messages from lawsuits and rules (a car dealer's ringless voicemail, two mortgage lenders' prerecorded messages,
two collection agencies' prerecorded messages, the debt-collection rule's model "limited-content message", a
film campaign's answering-machine recording), a church-growth magazine's guest follow-up call and a real estate
agent's blog quoting the cash-buyer messages she gets. Labels were written from the scripts alone, by the set's
rules (LABELS in public/__init__.py, the band rule and the reason rule of 2026-12-07 included), before anything was
spoken or reviewed; every message here is in the seventh held-out half "held7", scored only at the end (the lead
adds "pub_k_": "held7" to LATER_HALVES; until then Public.half falls back to the name hash). The "pages" corpus
shows the opening stretch of each page, so only messages quoted whole near the top of a page could be taken, and
the sales trainers' pages that quote whole voicemails were nearly all taken by parts a-j; this part therefore also
draws on legal news pages, which quote prerecorded messages verbatim from complaints and opinions, and holds
thirteen messages (pub_k_01 to pub_k_13), eight of them sales or prospecting messages, three collection messages,
a church's thank-you and a promotional survey recording, kept for their shapes. None of them is good by the rules:
the pages quote messages mostly to fault them.

Conventions kept from parts a-j: a first name alone is a name; a caller who has already met the listener has no
company to insist on (company not judged); "My number is" / "Our telephone number is" alone is no ask (pub_a_15),
"please call me at" / "call me back" / "please contact me at" is one, and "please let us know" is one; a message
with no number that asks nothing beyond a visit or questions, or only says what happens next (a later call), is an
educate message (pub_f_21, pub_g_29), with call_to_action and phone_number skipped; a call-back message that asks
for a call and leaves no number has phone_number flagged (pub_f_02); a number said once is the measured repeat
check, not a hand flag (pub_a_04, pub_e_01); "just" in "just wanted to" is a listed weak phrase, and in the first
ten words it trips opening too, one thing (pub_h_17); fillers ("um") in the first ten words are the filler kind the
band rule names (opening and weak_phrases, one thing); weak_phrases is skipped where the only candidate is an empty
phrase of none of the listed kinds ("this quick voicemail", "I was calling to see if I could take a moment of your
time"). Placeholders, blanks and names a page left out are filled with invented names and details, and every
number is written "{number}" and replaced by an invented valid US number (also where the page gives a real, 555 or
lettered one); each change is said in `adapted`. Words are counted outside the number, as LABELS does (estimates:
"about"); time is estimated at 150 words a minute plus about 5 s per saying of the number.
"""

from public import Public

F = frozenset

MESSAGES: list[Public] = [
    Public(
        name="pub_k_01_exciting",
        source=(
            "https://medicalsalestraining.com/"
            "medical-sales-reps-saras-method-for-leaving-irrelevant-and-annoying-voicemail-messages/"
        ),
        source_title="Medical Sales Reps: Sara's Method for Leaving Irrelevant and Annoying Voicemail Messages",
        text=(
            "Dr. Barns, this is Sara with Meridian Surgical. I'm really excited and I have some exciting news to "
            "share with you. Call me back at {number}. I can't wait to talk to you. Bye."
        ),
        band="fix",
        flags=F({"reason"}),
        number="6153824907",
        adapted=(
            "'(she stated the name of her company, which I will omit to spare them the embarrassment)' -> 'Meridian "
            "Surgical' (invented); 555-5555 (seven digits, a 555 number) -> {number}, an invented valid 615 number."
        ),
        notes=(
            "A medical-sales rep's message that a surgeon deleted in front of the author ('Sara, I'm glad you're "
            "excited... I'm not excited'): first name and firm, 'Call me back at' with the number is the ask, but "
            "the only reason is 'some exciting news to share', nothing of the surgeon's, no offer with a specific "
            "in it (reason flagged, 'nothing' clause: a teaser is no reason). 'I'm really excited' and 'I can't wait "
            "to talk to you' are none of the listed weak phrases. About 33 words. One thing: fix. The number is "
            "said once (measured)."
        ),
    ),
    Public(
        name="pub_k_02_um",
        source=(
            "http://www.salesarchitects.com/smm/prospect-voicemail-messages-waste-of-time-or-lost-sales-opportunity/"
        ),
        source_title="Prospect Voicemail Messages – Waste of Time or Lost Sales Opportunity?",
        text=(
            "Hi, um, this is um Lee Salz from um Sales Architects um {number}. I'm um a sales management strategist "
            "and if you aren't um happy with your sales, call me."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "reason"}),
        number="7632948150",
        adapted=(
            "The page's parody opens with the caller's thought 'Uh oh! I just got voicemail. What should I say?', "
            "left out as not part of the message; the ellipsis after 'Hi, um' written as a comma; the author's own "
            "number 763.416.4321 -> {number}, an invented valid 763 number."
        ),
        notes=(
            "A sales-management consultant's parody of an unprepared message in his own name: the fillers ('um', "
            "six times, two of them in the first ten words) are the filler kind the band rule names (opening and "
            "weak_phrases, one thing); the reason is the seller's self-description ('I'm a sales management "
            "strategist') plus a claim about anyone's sales ('if you aren't happy with your sales'), nothing of this "
            "listener (reason flagged, self-description clause). Name, firm, 'call me' is a bare ask after the "
            "number. About 29 words, about 17 s. Two things: poor. Number said once (measured), early."
        ),
    ),
    Public(
        name="pub_k_03_cyclops",
        source=(
            "http://www.piworld.com/post/"
            "turn-voice-mail-messages-into-sales-opportunities-your-printing-company-tj-tedesco/"
        ),
        source_title="Turn Voice-Mail Messages into Sales Opportunities",
        text=(
            "Again, Artemis, it was great meeting you last Thursday. I really did enjoy getting acquainted. I thought "
            "you did the funniest impression of the Cyclops I've ever seen. Please return my call at your earliest "
            "convenience. Again, this is Demeter with FEI Enterprises."
        ),
        band="poor",
        flags=F({"reason", "phone_number"}),
        skip=F({"company"}),
        number=None,
        adapted="",
        notes=(
            "A printing columnist's fable ('fire = print') in which a young rep leaves this for a buyer he met the "
            "week before; the page quotes it from its first word, 'Again'. They have met: company not judged (the "
            "firm is named anyway). The only reason is the pleasant meeting itself, with no subject and no purpose "
            "for the call back ('great meeting you... enjoy getting acquainted'): a check-in of the 'wanted to "
            "connect' kind (reason flagged, vague clause; the meeting is shared but nothing about it is to be "
            "decided or sent). 'Please return my call' asks for a call and no number is left (phone_number flagged). "
            "The name comes only at the end; the opening pleasantry is neither filler nor apology (opening ok, "
            "doubtful). 'at your earliest convenience' is none of the listed weak phrases. About 43 words: long, no "
            "second thing beside HAND flags. Poor."
        ),
    ),
    Public(
        name="pub_k_04_staffing",
        source="https://smartcalling.com/my-analysis-of-the-horrible-cold-call-voice-mail/",
        source_title="My Analysis of the Horrible Cold Call Voice Mail",
        text=(
            "Hello. Good morning. My name is Derek Lyons calling with Summit Temporary Staffing. I was calling to see "
            "if I could take a moment of your time in order to schedule a meeting for you to speak with our Vice "
            "President. Our telephone number is {number}. I'll try contacting you again at a more convenient time. "
            "Thank you and have a wonderful afternoon."
        ),
        band="poor",
        flags=F({"reason", "call_to_action"}),
        skip=F({"weak_phrases"}),
        number="6082714593",
        adapted=(
            "The page's blanks: the caller's name -> 'Derek Lyons', '(a temporary staffing firm)' -> 'Summit "
            "Temporary Staffing' (both invented), the telephone number -> {number}, an invented valid 608 number."
        ),
        notes=(
            "A telesales trainer's transcript of a temporary-staffing firm's message he received at least ten "
            "times: name and firm, but the only reason is the seller's wish (a meeting with 'our Vice President'), "
            "nothing of this listener and no offer (reason flagged, 'nothing' clause), and 'Our telephone number is' "
            "with 'I'll try contacting you again' asks for nothing (call_to_action flagged, pub_a_15). The only "
            "weak-phrase candidate, 'I was calling to see if I could take a moment of your time', is none of the "
            "listed kinds (skip). About 62 words with the filled-in name and firm: just over 60, a further thing "
            "(about 30 s). Poor. Number said once (measured)."
        ),
    ),
    Public(
        name="pub_k_05_trade_in",
        source=(
            "https://www.severson.com/consumer-finance/"
            "district-court-fla-says-ringless-voicemail-technology-places-a-call-under-the-tcpa/"
        ),
        source_title='District Court (Fla.) Says Ringless Voicemail Technology Places a "Call" Under the TCPA',
        text=(
            "Hi, this is Rey Gordillo, General Sales Manager at Braman Hyundai of Miami. I'm leaving you this quick "
            "voicemail to follow up on an e-mail and a mailer I mailed you earlier this month regarding your current "
            "vehicle. It is in very high demand and I strongly believe I can help you trade it in and have you "
            "driving away in a newer vehicle for less than what you're currently paying. If you're interested call "
            "me back, {number}. Again, this is Rey Gordillo at Braman Hyundai, and the number is {number}. I look "
            "forward to hearing back from you, and have a great day."
        ),
        band="poor",
        skip=F({"weak_phrases"}),
        number="7864310527",
        adapted=(
            "The opinion's 'follow—up' written 'follow up'; 786-629-9633 (twice, the dealer's number) -> {number}, "
            "an invented valid 786 number."
        ),
        notes=(
            "A car dealer's ringless voicemail quoted from a TCPA opinion (Schaevitz v. Braman Hyundai): name, "
            "title and dealership, 'If you're interested call me back' with the number twice. Reason ok under "
            "clause (4), an e-mail and a mailer already sent with their subject ('regarding your current vehicle'), "
            "and clause (1), the listener's own car, though the trade-in pitch around it is a claim any dealer makes "
            "('less than what you're currently paying'). The only weak-phrase candidate, 'this quick voicemail', is "
            "none of the listed kinds (skip). About 102 words, about 51 s with two sayings of the number: past the "
            "~45 s rambling line, poor on its own (over 60 words too). Title from the address."
        ),
    ),
    Public(
        name="pub_k_06_personal_matter",
        source="https://www.smithdebnamlaw.com/2016/01/foti-revisited-when-does-a-telephone-message-violate-fdcpa/",
        source_title="Foti Revisited: When Does a Telephone Message Violate FDCPA",
        text=(
            "Good day, we are calling from NCO Financial Systems regarding a personal business matter that requires "
            "your immediate attention. Please call back {number}. Once again please call back, toll-free, {number}, "
            "this is not a solicitation."
        ),
        band="poor",
        flags=F({"name", "reason"}),
        number="8664927318",
        adapted=(
            "1-866-701-1275 (twice, the agency's toll-free number) -> {number}, an invented valid toll-free 866 "
            "number; the opinion's double space after 'attention.' closed."
        ),
        notes=(
            "The prerecorded message at the heart of Foti v. NCO Financial Systems, quoted whole by a law firm's "
            "blog: a collection agency's message, kept for its shape. The firm is named, 'Please call back' with "
            "the number twice is a clear ask, but no person is named (name flagged) and 'a personal business "
            "matter that requires your immediate attention' is urgency with no subject, nothing of the listener "
            "named (reason flagged, vague clause). 'this is not a solicitation' is none of the listed weak phrases. "
            "About 33 words, about 23 s. Two things: poor."
        ),
    ),
    Public(
        name="pub_k_07_limited_content",
        source="https://support.smslp.com/kb/a2740/cfpb-fdcpa-what-messages-are-not-limited-content-messages.aspx",
        source_title="CFPB FDCPA – What messages are not limited-content messages?",
        text=(
            "Hi, this is Robin Smith calling from Harbor Point Services, Inc. It is 4:15 p.m. on Wednesday, "
            "September 1. Please contact me or any of our representatives at {number} until 6:00 p.m. Eastern time, "
            "or any weekday from 8:00 a.m. to 6:00 p.m. Eastern time."
        ),
        band="fix",
        flags=F({"reason"}),
        number="8003169472",
        adapted=(
            "The second (longer) example message the page quotes from the CFPB's commentary; 'ABC, Inc.' (the "
            "rule's placeholder) -> 'Harbor Point Services, Inc.' (invented, a name that does not say debt "
            "collection, as the rule requires); 1-800-555-1212 (a 555 number) -> {number}, an invented valid "
            "toll-free 800 number."
        ),
        notes=(
            "The debt-collection rule's model 'limited-content message', which by law may say nothing but a name, "
            "a firm, the time, reply windows and a request to call: name and firm, 'Please contact me or any of our "
            "representatives at' with the number is the ask, and the reply windows are said; but there is no reason "
            "at all (reason flagged, 'nothing' clause). A collection message, kept for its shape. About 44 words: "
            "long, no second thing beside the HAND flag. One thing: fix. Number said once (measured)."
        ),
    ),
    Public(
        name="pub_k_08_survey",
        source="https://jrjoneslaw.wordpress.com/2015/09/",
        source_title='"Do-Not-Call" Lists and Answering Machines',
        text="Liberty. This is a public survey call. We may call back later.",
        band="poor",
        flags=F({"name", "reason"}),
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted="",
        notes=(
            "The prerecorded message two listeners found twice on their home answering machine (Golan v. Veritas "
            "Entertainment, 8th Cir. 2015), left by a campaign promoting a film; a law blog quotes it whole. No "
            "number and no request, only what happens next ('We may call back later'): educate (pub_f_03), with "
            "call_to_action and phone_number skipped. No person is named (name flagged); 'Liberty' is taken as the "
            "caller's organization (company ok, doubtful: a bare word that names no firm a listener could find); "
            "'a public survey call' says nothing of this listener and nothing they would want (reason flagged, "
            "'nothing' clause). About 12 words, about 5 s: under the ~8 s hang-up floor, a further thing. Poor."
        ),
    ),
    Public(
        name="pub_k_09_guest",
        source="https://www.sundaymag.tv/the-6-most-effective-church-guest-follow-up-tools/",
        source_title="The 6 Most Effective Church Guest Follow-Up Tools",
        text=(
            "Hello! This is Jason from City Church and we just wanted to call and thank you for joining us on "
            "Sunday! We wanted to see if you had any questions and invite you to join us again this coming weekend."
        ),
        band="fix",
        flags=F({"opening", "weak_phrases"}),
        skip=F({"call_to_action", "phone_number"}),
        goal="educate",
        adapted="",
        notes=(
            "A church-growth magazine's call to first-time guests, given with the note that most guests will not "
            "pick up, 'but that leaves you an opportunity to leave them a voicemail'; its words need no live answer. "
            "No number and no request beyond questions and an invitation to come again: educate (pub_g_29), "
            "call_to_action and phone_number skipped. First name and church; the reason is the listener's own "
            "visit on Sunday (clause 1). 'we just wanted to call' puts 'just' at word 10: opening and weak_phrases, "
            "one thing. About 40 words, within the educate margin. Fix. Title from the address."
        ),
    ),
    Public(
        name="pub_k_10_lowest_rates",
        source=(
            "https://tcpaworld.com/2022/02/23/"
            "at-it-again-the-wolf-of-tcpaworld-brings-suit-against-mortgage-company-and-lead-provider-over-"
            "prerecorded-calls/"
        ),
        source_title=(
            "AT IT AGAIN: The Wolf of TCPAWorld Brings Suit Against Mortgage Company and Lead Provider Over "
            "Prerecorded Calls"
        ),
        text=(
            "This is Brian, I know you get a ton of these calls but I have in my record here that we had spoken "
            "before about your mortgage and I wanted to reach out again. We have the absolute lowest interest rates "
            "in the country, we can beat anyone out there, so we can definitely improve your mortgage payment. We "
            "can even help people who have no documentable income and who have less than perfect credit. I'd really "
            "really love to talk with you as soon as possible and save you as much money as we can. Give me a call."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "company", "phone_number"}),
        number=None,
        adapted=(
            "The complaint's run-on transcript given sentence breaks and commas (after 'again', 'country', 'out "
            "there', 'credit', 'we can'); the words verbatim."
        ),
        notes=(
            "A mortgage lead generator's prerecorded message quoted from a TCPA complaint (the page says it was in "
            "fact a cold call; labelled from the words alone). First name only and no firm (company flagged); 'I "
            "know you get a ton of these calls but' is an apologetic hedge in the first ten words (opening and "
            "weak_phrases, one thing; doubtful, as pub_j_03's 'I know you're busy'); 'Give me a call' asks and no "
            "number is left (phone_number flagged). Reason ok by the words, clause (4): a previous conversation "
            "'about your mortgage' (doubtful; the rest is claims every lender makes: 'absolute lowest interest "
            "rates', 'beat anyone'). About 100 words, about 40 s: over 60 words, a further thing, not rambling. Poor. "
            "Title from the address."
        ),
    ),
    Public(
        name="pub_k_11_rate_followup",
        source="https://nltrainingsite.wordpress.com/2021/05/11/leaving-messages-this-way-got-this-company-sued/",
        source_title="Leaving messages this way got this company sued.",
        text=(
            "Just wanted to give you a follow-up call on mortgage interest rates, currently we're at 2.75 percent "
            "with 0 points, so if you're interested give me a call back {number} and I'll be happy to go over the "
            "options with you. Have a great day."
        ),
        band="poor",
        flags=F({"opening", "weak_phrases", "name", "company"}),
        number="7143829516",
        adapted=(
            "'2.75%' written '2.75 percent' as spoken; 714 606 8400 (the lender's number) -> {number}, an invented "
            "valid 714 number."
        ),
        notes=(
            "A mortgage broker's prerecorded message quoted whole from a TCPA class-action complaint (Ofiteru v. "
            "First California Financial) by a compliance firm's blog. It opens on 'Just wanted to give you a "
            "follow-up call' (opening and weak_phrases, one thing), and names no person (name flagged) and no firm "
            "(company flagged). Reason ok under clause (2): a specific offer with a figure (2.75 percent with 0 "
            "points), not a bare 'follow-up'. 'if you're interested give me a call back' with the number is the "
            "ask. About 44 words: long. Three things: poor. Number said once (measured)."
        ),
    ),
    Public(
        name="pub_k_12_cash_offer",
        source="https://dessaules.com/blog/tag/cash+buyers",
        source_title='About Those Annoying "I Want to Buy Your Home" Messages (blog tag: cash buyers)',
        text=(
            "Hey, we're interested in buying your property as-is. If you're open to an offer, please let us know as "
            "soon as possible. Thank you."
        ),
        band="poor",
        flags=F({"name", "company", "phone_number"}),
        number=None,
        adapted="",
        notes=(
            "A cash buyer's message a real estate agent pulled from her own voicemail (she found four identical "
            "copies from four numbers in three days). No person and no firm (name and company flagged); 'please let "
            "us know as soon as possible' is the ask, but no number is left (phone_number flagged). Reason ok, "
            "doubtful: an offer to buy the listener's own property as-is is something of theirs (clause 1), though "
            "no address is named and the same words go to every owner. About 24 words, about 10 s. Poor."
        ),
    ),
    Public(
        name="pub_k_13_collection",
        source="https://cetient.com/case/1903389/berg-v-merchants-assn-collection-division-inc",
        source_title="Berg v. Merchants Ass'n Collection Division, Inc., 586 F. Supp. 2d 1336 (S.D. Fla. 2008)",
        text=(
            "Hello. This message is for Thomas Reed. If you are not the person requested, disconnect this recording "
            "now. By continuing to listen to this recording you acknowledge you are the person requested. This is "
            "MAF Collection Services. We are expecting your call at {number}. This is an attempt to collect a debt. "
            "Any information obtained will be used for that purpose. {number}."
        ),
        band="fix",
        flags=F({"name"}),
        number="8885307214",
        adapted=(
            "The plaintiff's name in the opinion -> 'Thomas Reed' (invented); 1-800-749-7710 (twice, the agency's "
            "toll-free number) -> {number}, an invented valid toll-free 888 number."
        ),
        notes=(
            "A collection agency's prerecorded message quoted in a court opinion (left at least 11 times), kept for "
            "its shape. The agency is named but no person (name flagged). Reason ok, doubtful: 'an attempt to "
            "collect a debt' names a matter of the listener's own (clause 1: their account), though not which one. "
            "'We are expecting your call at' with the number is taken as the ask (doubtful; it requests a call "
            "without saying 'please call'); the number is said twice, the second time bare. The opening is a "
            "disclaimer, neither filler nor apology. About 60 words: long (43-60), no second thing beside a HAND "
            "flag; about 34 s. One thing: fix."
        ),
    ),
]
