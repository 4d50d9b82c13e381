"""Part c of the public set (#24): mostly the poor voicemails that sales-training pages give as
what not to leave, the better version a page gives beside its bad one (labelled as a coach
would label it, whatever the page calls it) and a few with one thing to fix. Labels were written
from the scripts alone; bands follow the set's rule, LABELS in public/__init__.py."""

from public import Public

F = frozenset

MESSAGES: list[Public] = [
    Public(
        name="pub_c_02_samples",
        source="http://www.procopytips.com/voice-mail",
        source_title="Do you sound like a voice mail monkey? Try this …",
        text=(
            "Um, yeah. This is, er, um. This is Cathy Copywriter calling. I was, uh, just wondering if you,"
            " you know, got the samples I sent and, uh, well maybe you didn't look at them yet because I know"
            " you're busy, but they're in a big red envelope and I, er, so if you like them maybe you could,"
            " uh..."
        ),
        band="poor",
        flags=F({"opening", "reason", "call_to_action", "phone_number", "weak_phrases"}),
        skip=F({"company"}),
        adapted="verbatim (the page's trailing ellipsis as three dots)",
        notes=(
            "the page's bad example: fillers in the first words, 'just wondering', no reason beyond did you"
            " get my samples, trails off with no ask and no number. A freelance writer has no company to"
            " name, so company is not judged"
        ),
    ),
    Public(
        name="pub_c_08_fresno",
        source="https://prospectrmarketing.com/private-voicemails-and-how-to-leave-them-by-liz-donehue",
        source_title="Private: Voicemails and How to Leave Them – by Liz Donehue",
        text=(
            "Hey Stan hi it's Gary. It's a beautiful morning here in Fresno, and we're really looking forward to"
            " the upcoming holiday that most of us will be celebrating. Anywho, those of us at Valley Pro"
            " Cleaning wanted to touch base before the end of 2014. I'm not sure what your upcoming plans are"
            " for the new year regarding your commercial cleaning needs, but we would love to partner up with"
            " you. Please call me back at {number}."
        ),
        band="poor",
        flags=F({"opening", "reason", "weak_phrases"}),
        number="5593614072",
        adapted=(
            "'XYZ Company' -> 'Valley Pro Cleaning'; 'this really phony phone number, 222-555-1000' ->"
            " {number}; the author's aside '(sorry, I know that's reaching)' dropped; 'you're upcoming' ->"
            " 'your upcoming'"
        ),
        notes=(
            "the page's first version: weather small talk in the opening, 'touch base', 'anywho', and a"
            " vague wish to partner instead of a reason; the company comes late but is said. Labels"
            " reconciled (also collected as pub_b_17): B flagged reason and weak_phrases, C also opening;"
            " opening flagged, because the first ten words are small talk ('It's a beautiful morning here')"
            " with no reason in them, an empty opening. Poor either way (about 77 words too)"
        ),
    ),
    Public(
        name="pub_c_11_power_tools",
        source="https://ronkarr.com/2018/02/15/how-to-use-voicemail-to-get-your-prospects-attention/",
        source_title="How to Use Voicemail to Get Your Prospects’ Attention",
        text=(
            "Hi, my name is Bob Jones, and I want to talk to you about power tools that will help your company."
            " Please call me at {number}."
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="2016385742",
        adapted="the page's 201-555-7777 -> {number}",
        notes=(
            "the page's 'typical voicemail': no company, and 'power tools that will help your company' is a"
            " product, not a reason about them"
        ),
    ),
    Public(
        name="pub_c_12_competitors",
        source="https://ronkarr.com/2018/02/15/how-to-use-voicemail-to-get-your-prospects-attention/",
        source_title="How to Use Voicemail to Get Your Prospects’ Attention",
        text=(
            "Hi Jane, this is Bob Jones and I want to speak with you about a strategy your competitors are"
            " using to triple their sales. Please give me a call at {number} to further discuss this issue."
            " Have a great day!"
        ),
        band="fix",
        flags=F({"company"}),
        number="2017493158",
        adapted="the page's 201-555-7777 -> {number} (a different number from pub_c_11)",
        notes=(
            "the page's better version of pub_c_11: an outcome for her as the reason, still no company;"
            " about 39 words, near the 35-word edge"
        ),
    ),
    Public(
        name="pub_c_13_advertising",
        source="http://www.networkingtimes.com/nt/02/02/includes/199.php",
        source_title="Networking Times",
        text=(
            "Uhh, this is Pat Jones, and I, umm, sell advertising.... I'd like to talk to you about our"
            " publication, and see what it, ahh, would take for you to advertise with us."
        ),
        band="poor",
        flags=F({"opening", "company", "reason", "call_to_action", "phone_number"}),
        adapted="verbatim",
        notes=(
            "Art Sobczak's 'inept message' that gets purged: a filler first, the publication never named,"
            " all about the seller, no ask and no number. The search result gave no page title; the site's"
            " name is used"
        ),
    ),
    Public(
        name="pub_c_14_ty",
        source=(
            "https://www.salesprocentral.com/licensing/prospecting/sales/?open-article-id=23411555"
            "&article-title=improve-your-vm-callbacks-with-this-one-simple-fix&blog-domain=mrinsidesales.com"
            "&blog-title=mr--inside-sales"
        ),
        source_title="Improve Your VM Callbacks with This One Simple Fix",
        text="Hey Mike this is Ty; call me back when you can at {number}.",
        band="poor",
        flags=F({"company", "reason"}),
        number="4693825017",
        adapted=(
            "the page quotes the words and says the number followed (said too fast); 'at {number}' added after them"
        ),
        notes="the 'vague message' the author deleted: a first name, no company, no reason",
    ),
    Public(
        name="pub_c_16_no_word",
        source="https://www.affluentnetworker.com/direct-sales-follow-up-voicemail/",
        source_title="Direct Sales Follow Up Voicemail",
        text=(
            "Hey Mike, it's Steve Norris. We were supposed to chat yesterday. I haven't heard back from you."
            " Let me know if this is something you're interested in. If not, that's OK, I just don't want to"
            " waste your time or mine. Give me a call at {number}."
        ),
        band="poor",
        flags=F({"reason", "weak_phrases"}),
        skip=F({"company"}),
        number="2084736195",
        adapted="the page's (208) 991-2829 -> {number}",
        notes=(
            "the page's second follow-up message after a missed call: 'this is something' is no reason,"
            " 'I just don't want to waste your time' is a weak phrase. The prospect already spoke with"
            " him and a direct seller has no company to give, so company is not judged. Title from the"
            " page's address"
        ),
    ),
    Public(
        name="pub_c_18_coffee",
        source="https://blog.coffeelunchcoffee.com/2013/11/the-third-message/?replytocom=20202",
        source_title="The Third Message",
        text=(
            "Hi, Mrs. Smith, it's Jane calling you back. As mentioned in my previous message, I'm just"
            " following up from our conversation at the ABC reception. Hoping to get 20 minutes on your"
            " calendar for coffee to talk about your benefits renewal. Again, I can be reached at {number}"
            " and look forward to hearing back from you."
        ),
        band="poor",
        flags=F({"reason", "weak_phrases"}),
        skip=F({"company"}),
        number="6147392850",
        adapted="'the weather' (the page's stand-in topic) -> 'your benefits renewal'; 123-456-7890 -> {number}",
        notes=(
            "the page's second message of three: 'just following up' and a meeting request, nothing in it"
            " for her. 'Again' refers to the first message: the number is said once here. Company not"
            " judged (was flagged): they met at the ABC reception and this is a later message, the set's"
            " prior-contact convention (as pub_a_10, pub_a_12, pub_b_18, pub_c_16). Still poor: reason and"
            " weak_phrases"
        ),
    ),
    Public(
        name="pub_c_19_court",
        source="https://accelerateperformance.com/voicemail/",
        source_title="Voicemail",
        text=(
            "Good morning Ed. This is Pete Porter with Acme at {number}. I'm looking forward to meeting with"
            " you for 14 minutes to demonstrate how our new widgets have saved your competition time and"
            " money. I know I've called several times. We're going to meet eventually in one of two places,"
            " you can decide which. Either you'll finally give me a short meeting and I'll see you in your"
            " office, or you'll get so tired of these messages that you'll file a restraining order against"
            " me and I'll meet you in court. You decide. Again, it's Pete with Acme at {number}. I look"
            " forward to meeting you Ed!"
        ),
        band="poor",
        flags=F({"call_to_action"}),
        number="9045183627",
        adapted="'Prospector Pete' -> 'Pete Porter'; 'Ed the Executive' -> 'Ed'; '555-5555' (twice) -> {number}",
        notes=(
            "the page's joke message to a prospect tried many times: a reason (what the widgets saved his"
            " competitors), the number twice, but no clear ask to call ('you decide') and about 95 words,"
            " near 45 s"
        ),
    ),
    Public(
        name="pub_c_20_earliest",
        source="https://intelligentconversations.com/blog/ceo-sales-guide/bid/102034/sales-tips-voicemail-strategies",
        source_title="Sales Tips: Voicemail Strategies",
        text="Hi Dave, this is Mike Carroll. Please call me at {number} at your earliest convenience.",
        band="poor",
        flags=F({"company", "reason"}),
        number="4146293805",
        adapted="the page's 414.727.9813 -> {number}",
        notes=(
            "the page gives this as the brief message to leave; by the rubric it has no company and no"
            " reason. Title from the page's address"
        ),
    ),
]
