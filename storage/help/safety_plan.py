"""A safety plan in the Stanley–Brown structure, kept as one record in file "safety_plan".

Each step is the person's own words, one item per line. The two steps about
people also link to people saved in Tend, so their numbers are one tap away
and stay current when a number changes.
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from storage.errors import ChangedElsewhere
from storage.people.model import Person
from storage.records import stamp

FILE = RECORD_ID = "safety_plan"
STEP_LIMIT = 2000


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    prompt: str
    links_people: bool = False


STEPS = (
    Step("warning_signs", "Warning signs", "Thoughts, feelings or situations that tell me a crisis may be coming."),
    Step("coping", "Things I can do on my own", "What takes my mind off things without contacting anyone."),
    Step("distractions", "People and places that take my mind off things",
         "People I can be with, and places I can go, that help me feel better."),
    Step("helpers", "People I can ask for help", "People I can reach out to and tell how I am.", links_people=True),
    Step("professionals", "Professionals and services", "Clinicians, services and crisis lines I can contact.",
         links_people=True),
    Step("safer_surroundings", "Making my surroundings safer", "What I can do to keep myself safe where I am."),
    Step("reasons", "My reasons to keep going", "What matters most to me and is worth living for."),
)


@dataclass(frozen=True)
class SafetyPlan:
    texts: dict[str, str] = field(default_factory=dict)
    """Step key → the person's words for it."""
    people: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Step key → ids of linked people (for the steps that link people)."""
    updated: str = ""

    def text(self, key: str) -> str:
        return self.texts.get(key, "")

    def linked(self, key: str) -> tuple[str, ...]:
        return self.people.get(key, ())


def plan_problems(plan: SafetyPlan) -> dict[str, str]:
    """Step key → what is wrong, in words for the person."""
    return {
        key: f"This step can be up to {STEP_LIMIT:,} characters; it has {len(text):,}. Please shorten it."
        for key, text in plan.texts.items() if len(text) > STEP_LIMIT
    }


def with_step(plan: SafetyPlan, key: str, text: str | None = None, people: tuple[str, ...] | None = None) -> SafetyPlan:
    """`plan` with one step's words and/or linked people changed."""
    texts = plan.texts if text is None else {**plan.texts, key: text}
    linked = plan.people if people is None else {**plan.people, key: tuple(people)}
    return replace(plan, texts=texts, people=linked)


def with_texts(plan: SafetyPlan, texts: dict[str, str]) -> SafetyPlan:
    """`plan` with the words typed in its steps' fields (step key → text), as it would be saved now."""
    return replace(plan, texts={**plan.texts, **texts})


def with_person_toggled(plan: SafetyPlan, key: str, person_id: str) -> SafetyPlan:
    """`plan` with `person_id` linked to step `key`, or no longer linked if it was."""
    linked = plan.linked(key)
    return with_step(plan, key, people=tuple(i for i in linked if i != person_id) if person_id in linked
                     else (*linked, person_id))


def load_plan(store) -> SafetyPlan:
    doc = store.get(FILE, RECORD_ID) or {}
    return SafetyPlan(
        texts={step.key: doc.get("texts", {}).get(step.key, "") for step in STEPS},
        people={step.key: tuple(doc.get("people", {}).get(step.key, ())) for step in STEPS if step.links_people},
        updated=doc.get("updated", ""),
    )


def save_plan(store, plan: SafetyPlan, now: datetime, base: SafetyPlan | None = None) -> SafetyPlan:
    """Check and save the plan; ValueError with a kind message if a step is too long.

    `base` is the plan as this screen last read or saved it: if the stored plan is no longer that (another window
    saved since), ChangedElsewhere is raised and nothing is written, instead of silently overwriting.
    """
    problems = plan_problems(plan)
    if problems:
        raise ValueError(" ".join(problems.values()))
    if base is not None:
        stored = load_plan(store)
        if stored != base:
            raise ChangedElsewhere(stored)
    previous = store.get(FILE, RECORD_ID) or {"created": stamp(now)}
    saved = replace(plan, updated=stamp(now))
    store.put(FILE, {"id": RECORD_ID, "created": previous["created"], "updated": saved.updated,
                     "texts": dict(plan.texts), "people": {key: list(ids) for key, ids in plan.people.items()}})
    return saved


def plan_as_text(plan: SafetyPlan, people: list[Person]) -> str:
    """The plan as plain text to print or share with a clinician; linked people with their numbers."""
    by_id = {person.id: person for person in people}
    lines = ["My safety plan", ""]
    for number, step in enumerate(STEPS, start=1):
        lines.append(f"{number}. {step.title}")
        items = [line.strip() for line in plan.text(step.key).splitlines() if line.strip()]
        for person_id in plan.linked(step.key):
            person = by_id.get(person_id)
            if person:
                reach = ", ".join(filter(None, [*person.phones, person.email]))
                items.append(f"{person.name}{f' ({reach})' if reach else ''}")
        lines.extend(f"   - {item}" for item in items or ["(not filled in yet)"])
        lines.append("")
    if plan.updated:
        lines.append(f"Last changed {plan.updated[:10]}.")
    return "\n".join(lines).rstrip() + "\n"
