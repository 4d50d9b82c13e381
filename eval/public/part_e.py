"""Part e of the public set (#24): three more voicemails quoted on public pages (found through the
"pages" search corpus on 2026-12-07), added to reach the issue's 60 messages. Labels were written
from the scripts alone, by the set's rules (LABELS in public/__init__.py; "My number is" alone is
no ask, as pub_a_15), before any review of them was run; their half comes from the hash of their
name (Public.half), never chosen.
"""

from public import Public

F = frozenset

MESSAGES: list[Public] = [
    Public(
        name="pub_e_01_covenants",
        source="https://activerain.com/blogsview/4793758/time-for-a-phone-message-primer",
        source_title="Time for a Phone Message Primer",
        text=(
            "Hi, this is Joy from Keller Williams. I'm calling about the property on Maple Street and wanted to "
            "know if there were any covenants for the Maple Street neighborhood. My number is {number}."
        ),
        band="fix",
        flags=F({"call_to_action"}),
        number="4045173862",
        adapted=(
            "The page's transcript is garbled by a bad line ('Joyscropscrip from Kellscripscrip', 'the property on "
            "Scripscrop', 'scropscop covescrips'): filled as the author reads it (Joy, Keller Williams), with an "
            "invented street and 'any covenants'; the number -> {number}."
        ),
        notes=(
            "An agent's question about a listing: a specific reason (the covenants of that neighborhood). "
            "'My number is' with no ask: call_to_action flagged (as pub_a_15). The page's own complaint, name "
            "and number said once, is the measured number_repeated."
        ),
    ),
    Public(
        name="pub_e_02_name_and_number",
        source="http://www.callchristoday.com/5810/realtors-do-not-return-phone-calls/",
        source_title="Why won't Realtors return my phone call?",
        text="This is George Johnson and my number is {number}.",
        band="poor",
        flags=F({"company", "reason", "call_to_action"}),
        number="6125550148",
        adapted="'555-5555' (seven digits) -> {number}, ten digits.",
        notes=(
            "The page: 'I almost always will not return calls where the person doesn't state why they are "
            "calling.' No company, no reason, no ask: three things, poor."
        ),
    ),
    Public(
        name="pub_e_03_talk_to_god",
        source="https://goldcall.wordpress.com/2009/12/01/to-leave-a-message-or-not-to-leave-a-message/",
        source_title="To Leave a Message, or Not to Leave a Message…",
        text=(
            "Mr. Prospect, this is Peter Ekstrom calling. For the past several months I have left a few messages "
            "for you that have not been returned. It got me thinking. You know every night before I go to bed I "
            "talk to God, but for some reason I cannot get to talk to you. Rather than give up altogether I "
            "thought I'd give it one more try, so I'm leaving this message for you. Could you please return my "
            "call at {number}."
        ),
        band="poor",
        flags=F({"company", "reason"}),
        number="7632084519",
        adapted="The stored page breaks off at 'Could you please re': ended 'return my call at {number}.'",
        notes=(
            "A humorous last try: no firm named and no reason to call beyond the unanswered messages (company "
            "and reason flagged); about 75 words, over 60 (word_count, one more thing): poor. The ask is clear."
        ),
    ),
]
