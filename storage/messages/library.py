"""Tend's own messages: short, kind, and in the words people in recovery use, by kind and by how hard the day is.

Their ids are fixed, so an edit or a removal (kept in the messages file) lands
on the same message on every device, and "restore" knows what Tend wrote.
The wording follows the guides Tend is built on: open up in small steps, say
what you need, and never apologise for asking.
"""

from storage.messages.model import DayKind, Message, MessageKind

WRITTEN = "2026-12-05T00:00:00+00:00"

_K = MessageKind
_D = DayKind
_WORDINGS: tuple[tuple[MessageKind, DayKind, str], ...] = (
    (_K.EMOTIONAL, _D.HARD_DAY, "Rough day. Could you call me tonight?"),
    (_K.EMOTIONAL, _D.HARD_DAY, "I'm not doing great. Could we talk for a bit?"),
    (_K.EMOTIONAL, _D.VERY_HARD_DAY, "I'm struggling today. I don't need advice, just someone to listen. "
                                     "Are you free to talk?"),
    (_K.EMOTIONAL, _D.ANY_DAY, "I've been going through a lot mentally. Could we meet up this week?"),
    (_K.EMOTIONAL, _D.HARD_DAY, "Could I come round for a bit? I could use some company."),
    (_K.PRACTICAL, _D.ANY_DAY, "Could you help me with groceries this week?"),
    (_K.PRACTICAL, _D.ANY_DAY, "Could you give me a lift to my appointment on …?"),
    (_K.PRACTICAL, _D.HARD_DAY, "Today is hard. Could you help me with a meal or a bit of shopping?"),
    (_K.INFORMATIONAL, _D.ANY_DAY, "Do you know anyone who has been through …?"),
    (_K.INFORMATIONAL, _D.ANY_DAY, "Do you know where I could find out more about …?"),
    (_K.PEER, _D.ANY_DAY, "Are you going to the group this week? I'd like to go with someone."),
    (_K.PEER, _D.HARD_DAY, "Having a hard day. I know you get it. Could we talk?"),
    (_K.PROFESSIONAL, _D.ANY_DAY, "Could I have an earlier appointment? Things have been harder lately."),
    (_K.PROFESSIONAL, _D.HARD_DAY, "I'm finding things harder than usual. Could you call me back when you can?"),
    (_K.CRISIS, _D.VERY_HARD_DAY, "I'm not safe right now. Can you come over or call me?"),
    (_K.CRISIS, _D.VERY_HARD_DAY, "I need help right now. Please call me as soon as you see this."),
    (_K.KEEPING_IN_TOUCH, _D.ANY_DAY, "Thinking of you. How are things?"),
    (_K.KEEPING_IN_TOUCH, _D.ANY_DAY, "It's been a while. Fancy a coffee or a call soon?"),
    (_K.KEEPING_IN_TOUCH, _D.ANY_DAY, "Just saying hello. No need to reply straight away."),
)


def _library() -> tuple[Message, ...]:
    counts: dict[MessageKind, int] = {}
    messages = []
    for kind, day, wording in _WORDINGS:
        counts[kind] = counts.get(kind, 0) + 1
        messages.append(Message(id=f"tend-{kind.value.replace(' ', '-')}-{counts[kind]}", kind=kind,
                                wording=wording, day=day, tends_own=True, created=WRITTEN, updated=WRITTEN))
    return tuple(messages)


TENDS_MESSAGES: tuple[Message, ...] = _library()
"""In the order they are offered, within a kind and a day."""
TENDS_BY_ID = {message.id: message for message in TENDS_MESSAGES}
