"""Groups and places on People: in the form, whether this is a person, a group or a place and a group's or place's
own fields (when a group meets, where, the link to join); on the card, those in words, with the address opened in
the maps app and the link in the browser, by the person's tap only."""

import flet as ft

from storage.days import WEEKDAY_NAMES, WEEKDAYS
from storage.people.gatherings import GATHERING_DEFAULTS, PersonKind, maps_link, meeting_words
from storage.people.model import Person
from views.context import use_tend
from views.device.links import open_link
from views.guard import component
from views.kit.dialog import dialog
from views.kit.labelled import labelled_group, said_as, switch_row
from views.kit.screen import section_title

KIND_WORDS = {PersonKind.PERSON: "A person", PersonKind.GROUP: "A support group", PersonKind.PLACE: "A safe place"}
CARD_WORDS = {PersonKind.GROUP: "Support group", PersonKind.PLACE: "Safe place"}


def is_gathering(person: Person) -> bool:
    """A group or a place: listed apart from people, and "I went" is how it is logged."""
    return person.kind != PersonKind.PERSON


def gathering_typed(original: Person | None) -> dict:
    """The form's starting values for a group's or place's fields (kept with the rest of what is typed)."""
    return {field: getattr(original, field) if original else default for field, default in GATHERING_DEFAULTS.items()
            if field != "kind"}


def gathering_values(kind: PersonKind, typed: dict) -> dict:
    """What the form saves: a group keeps all its fields, a place its address, a person none of them (so switching
    what someone is drops what no longer fits rather than keeping it hidden)."""
    kept = {PersonKind.GROUP: tuple(GATHERING_DEFAULTS), PersonKind.PLACE: ("address",), PersonKind.PERSON: ()}[kind]
    return {**GATHERING_DEFAULTS, **{field: typed[field] for field in kept if field != "kind"}, "kind": kind}


def kind_picker(kind: PersonKind, on_pick) -> ft.Control:
    """Person, support group or safe place: chosen first, as it decides what else the form asks."""
    return labelled_group("This is", ft.Row(
        [said_as(ft.Chip, words, f"This is {words.casefold()}", selected=kind is choice, show_checkmark=False,
                 on_select=lambda _, c=choice: on_pick(c)) for choice, words in KIND_WORDS.items()],
        wrap=True, spacing=8, run_spacing=4))


@component
def GatheringFields(kind: PersonKind, typed: dict, problems: dict) -> ft.Control:
    """A group's meeting (day, time, reminding) and address and link; a place's address; nothing for a person."""
    meets_on, set_meets_on = ft.use_state(typed["meets_on"])
    remind, set_remind = ft.use_state(typed["remind_meeting"])
    if kind == PersonKind.PERSON:
        return ft.Container(visible=False)

    def pick_day(day: int) -> None:
        chosen = None if typed["meets_on"] == day else day  # the latest, even before a redraw
        typed["meets_on"] = chosen
        set_meets_on(chosen)

    def switch_remind(on: bool) -> None:
        typed["remind_meeting"] = on
        set_remind(on)

    def text_field(key: str, label: str, **options) -> ft.Control:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            error=problems.get(key), **options)

    address = text_field("address", "Address (optional)", hint_text="Riverside Library, 1 High Street",
                         multiline=True, max_lines=3)
    if kind == PersonKind.PLACE:
        return ft.Column([address], spacing=12)
    return ft.Column(
        [
            labelled_group("Meets every week on (optional)", ft.Row(
                [said_as(ft.Chip, WEEKDAY_NAMES[day][:3], f"Meets on {WEEKDAY_NAMES[day]}", selected=meets_on == day,
                         show_checkmark=False, on_select=lambda _, d=day: pick_day(d)) for day in WEEKDAYS],
                wrap=True, spacing=4, run_spacing=4), problems.get("meets_on")),
            text_field("meets_at", "Time it meets", hint_text="19:00 or 7pm", width=200),
            switch_row("Remind me an hour before it meets", remind,
                       lambda e: switch_remind(bool(e.control.value))),
            address,
            text_field("join_link", "Link to join online (optional)", hint_text="https://…",
                       keyboard_type=ft.KeyboardType.URL),
        ],
        spacing=12,
    )


def gathering_details(person: Person) -> list[ft.Control]:
    """The card's lines for a group or place; none for a person."""
    return [GatheringDetails(person, key=f"gathering/{person.id}")] if is_gathering(person) else []


@component
def GatheringDetails(person: Person) -> ft.Control:
    """'Support group · Meets every Tuesday at 19:00', the address with Open in maps, and Join online."""
    tend = use_tend()
    page = ft.context.page
    what = CARD_WORDS[person.kind]
    if person.meets_on is not None and person.meets_at:
        what += " · " + meeting_words(person.meets_on, person.meets_at)

    async def open_in_maps() -> None:
        android = not page.web and page.platform == ft.PagePlatform.ANDROID
        if not await open_link(maps_link(person.address, android)):
            tend.tell(f"This device could not open a map. The address is: {person.address}")

    async def join_online() -> None:
        if not await open_link(person.join_link):
            tend.tell(f"This device could not open the link. It is: {person.join_link}")

    actions = [
        *([said_as(ft.TextButton, "Open in maps", f"Open {person.name} in maps", icon=ft.Icons.MAP_OUTLINED,
                   on_click=open_in_maps)] if person.address else []),
        *([said_as(ft.FilledTonalButton, "Join online", f"Join {person.name} online", icon=ft.Icons.VIDEOCAM_OUTLINED,
                   on_click=join_online)] if person.join_link else []),
    ]
    return ft.Column(
        [
            ft.Text(what, theme_style=ft.TextThemeStyle.LABEL_LARGE),
            *([ft.Text(person.address)] if person.address else []),
            *([ft.Row(actions, wrap=True, spacing=4)] if actions else []),
        ],
        spacing=4,
    )


def log_words(person: Person) -> tuple[str, str]:
    """The words on the button that logs a contact by hand, shown and spoken: you go to a group or place."""
    if is_gathering(person):
        return "I went", f"I went to {person.name}"
    return "I reached out", f"I reached out to {person.name}"


def went_dialog(person: Person, feeling: ft.Control, log, close) -> ft.AlertDialog:
    """After "I went" to a group or place: log it, with "How do you feel after?" to answer or skip in the same step."""
    return dialog(
        f"You went to {person.name}",
        ft.Column([ft.Text("Tend will remember when, so you can see where you've been and who you've seen."),
                   feeling], tight=True, spacing=12),
        [ft.TextButton("Cancel", on_click=close),
         said_as(ft.FilledButton, "Log it", f"Log that I went to {person.name}", on_click=log)],
        on_dismiss=close,
    )


def logged_words(person: Person) -> str:
    """What was logged, for the notice after it: "went to the Tuesday group", "reached out to Sam"."""
    return f"went to {person.name}" if is_gathering(person) else f"reached out to {person.name}"


def last_contact_words(person: Person, ago: str | None) -> str:
    """'Last reached out 3 days ago', or for a group or place 'Last went 3 days ago'."""
    if is_gathering(person):
        return f"Last went {ago}" if ago else "No visit logged yet"
    return f"Last reached out {ago}" if ago else "No contact logged yet"


def gatherings_section(gatherings: list[Person], card_for, filtered: bool) -> list[ft.Control]:
    """People's own section for groups and places, below your people; when there are none yet, how to add one."""
    if gatherings:
        return [section_title("Groups and places"), *map(card_for, gatherings)]
    if filtered:
        return []
    return [section_title("Groups and places"),
            ft.Text("Support groups and safe places (a peer group, a community centre, a library, a park) can go "
                    "here too: tap Add and choose what it is.")]


def can_be_there_for(person: Person) -> bool:
    """Whether support can be given back: to a person, or a group's members; not to a place."""
    return person.kind != PersonKind.PLACE
