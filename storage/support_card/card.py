"""'How to support me': a short card the person writes in their own words, kept as one record in file
"support_card", and shared as plain text with the people who want to help but don't know how.

Every part is optional: a card with one line in it is still worth sharing.
"""

from dataclasses import dataclass, field
from datetime import datetime

from storage.errors import Refused
from storage.records import stamp

FILE = RECORD_ID = "support_card"
PART_LIMIT = 1000
TITLE = "How to support me"


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    prompt: str


PARTS = (
    Part("going_through", "What I'm going through", "As much or as little as you want to share."),
    Part("helps", "What helps", "Small things count: a message, a walk, sitting with me."),
    Part("doesnt_help", "What doesn't help", "Things people mean well by that make it harder."),
    Part("signs", "Signs that I'm struggling", "What you might notice before I say anything."),
    Part("if_not_ok", "What to do if I'm not OK", "Who to call, what to say, what to do first."),
    Part("check_in", "How I'd like you to check in", "How often, and how: a call, a message, a visit."),
)
PART_KEYS = tuple(part.key for part in PARTS)


@dataclass(frozen=True)
class SupportCard:
    texts: dict[str, str] = field(default_factory=dict)
    """Part key → the person's words for it; a missing part is empty."""
    updated: str = ""

    def text(self, key: str) -> str:
        return self.texts.get(key, "")


def card_problems(texts: dict) -> dict[str, str]:
    """Part key → what is wrong with it, in kind words; empty when the card can be saved."""
    problems = {}
    for key, text in texts.items():
        if key not in PART_KEYS:
            problems[key] = "This isn't a part of the support card Tend knows."
        elif not isinstance(text, str):
            problems[key] = "This part should be text."
        elif len(text) > PART_LIMIT:
            problems[key] = (f"This part can be up to {PART_LIMIT:,} characters; it has {len(text):,}. "
                             "A shorter card is easier for your people to take in, too.")
    return problems


def load_card(store) -> SupportCard:
    doc = store.get(FILE, RECORD_ID) or {}
    texts = doc.get("texts", {})
    return SupportCard(texts={key: texts.get(key, "") for key in PART_KEYS}, updated=doc.get("updated", ""))


def save_card(store, texts: dict[str, str], now: datetime) -> SupportCard:
    """Check and save the card as typed; ValueError with a kind message (and nothing written) if a part is too
    long."""
    problems = card_problems(texts)
    if problems:
        raise Refused(problems)
    previous = store.get(FILE, RECORD_ID) or {"created": stamp(now)}
    kept = {key: texts.get(key, "") for key in PART_KEYS}
    store.put(FILE, {"id": RECORD_ID, "created": previous["created"], "updated": stamp(now), "texts": kept})
    return SupportCard(texts=kept, updated=stamp(now))


def card_as_text(card: SupportCard) -> str:
    """The card as plain text to send: only the parts written, each under its title; "" when nothing is."""
    sections = [f"{part.title}\n{card.text(part.key).strip()}" for part in PARTS if card.text(part.key).strip()]
    if not sections:
        return ""
    return "\n\n".join([TITLE, *sections]) + "\n"


def support_card_problems(name: str, record: dict) -> dict[str, str]:
    """The rules a stored or imported card meets (see storage.your_data.record_checks)."""
    texts = record.get("texts", {})
    if not isinstance(texts, dict):
        return {"texts": "this should be the card's parts, by name."}
    problems = card_problems(texts)
    return {"texts": next(iter(problems.values()))} if problems else {}
