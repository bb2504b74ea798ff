"""Inside the picker: one line that meets the worry about asking, the messages to pick from, the draft to edit, and
Send, which opens the person's own messaging app (once per person where one link can't reach them all)."""

import flet as ft

from storage.messages.model import MESSAGE_LIMIT, DayKind, MessageKind, draft_for
from storage.messages.repository import MessageRepository
from storage.messages.sending import way_to_send
from storage.people.model import Person, Way
from views.context import use_tend
from views.guard import component
from views.kit.draft import Draft, use_draft
from views.kit.labelled import said_as, spoken_button
from views.messages.kind_chips import kind_chips
from views.messages.send_flow import Progress, use_message_sending

NOT_A_BURDEN = "Asking isn't a burden: most people are glad to be asked."
WAY_WORDS = {Way.TEXT: "by text", Way.EMAIL: "by email"}
COMPOSER_WIDTH = 520  # clamped to the screen on a phone
COMPOSER_MIN_HEIGHT = 420
ROOM_AROUND = 250
"""The dialog's title, Get help now and margins: what is left is the picker's, so Send never scrolls out of view."""


@component
def MessageComposer(people: tuple[Person, ...], kind: MessageKind, day: DayKind | None, on_sent, on_close):
    from views.messages.manage import MessagesManager  # here: the manager is only loaded when opened

    tend = use_tend()
    page = ft.context.page
    several = len(people) > 1
    together = page.platform == ft.PagePlatform.ANDROID  # its messages app takes several numbers in one link
    # The kind shown and who is ticked live where Send reads them at once (kit.draft), as does the text typed.
    draft = use_draft(lambda: {"kind": kind, "chosen": frozenset(person.id for person in people), "text": ""})
    picked, set_picked = ft.use_state(None)  # (message id, times picked): a new pick replaces the draft
    managing, set_managing = ft.use_state(False)
    shown_kind = draft.values["kind"]
    sending = use_message_sending(lambda: [person for person in people if person.id in draft.values["chosen"]],
                                  lambda: draft.values["text"], lambda: draft.values["kind"], together=together,
                                  greet=several)
    if managing:
        return MessagesManager(shown_kind, lambda: set_managing(False), "Back to the messages")
    progress = sending.progress
    if progress and progress.done:
        return _did_it_go(progress, lambda: on_sent(progress.sent_to()), on_close)

    messages = tend.read(lambda: MessageRepository(tend.store).messages(shown_kind, day), [])

    def pick(message) -> None:
        draft.values["text"] = message.wording if several else draft_for(people[0].name, message.wording)
        sending.set_problem(None)
        set_picked((message.id, (picked[1] + 1) if picked else 1))

    return ft.Column(
        [
            _choices(messages, picked[0] if picked else None, pick, [
                kind_chips(shown_kind, lambda k: draft.choose("kind", k)),
                *([_who(people, draft, together)] if several else []),
            ]),
            _draft_field(draft.values, picked[1] if picked else 0),
            *([ft.Text(sending.problem, color=ft.Colors.ERROR)] if sending.problem else []),
            *([ft.Text(progress.left_out)] if progress and progress.left_out else []),
            ft.Row([*_send_buttons(people, several, progress, sending.send, sending.send_next)], wrap=True,
                   alignment=ft.MainAxisAlignment.END),
            ft.Row([ft.TextButton("Manage messages", icon=ft.Icons.EDIT_NOTE, on_click=lambda: set_managing(True)),
                    ft.TextButton("Cancel", on_click=on_close)], wrap=True, alignment=ft.MainAxisAlignment.END),
        ],
        spacing=8,
        width=COMPOSER_WIDTH,
        height=max(COMPOSER_MIN_HEIGHT, (page.height or 800) - ROOM_AROUND),
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


def _choices(messages, picked_id: str | None, pick, above: list[ft.Control]) -> ft.Control:
    """The part that scrolls: the line about asking, `above` (the kinds, who gets it), and the messages to pick."""
    message_choices = [_choice(message, message.id == picked_id, pick) for message in messages] or [
        ft.Text("No messages of this kind yet. You can write your own under Manage messages.")]
    return ft.Column(  # the choices scroll; the draft and Send stay in view below them
        [
            ft.Text(NOT_A_BURDEN, italic=True),
            *above,
            ft.Text("Pick a message:" if messages else "", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            *message_choices,
        ],
        spacing=8,
        scroll=ft.ScrollMode.AUTO,
        expand=True,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
    )


def _draft_field(typed: dict, times_picked: int) -> ft.Control:
    """The message to edit; a new pick draws a new field (a new key) with the picked words in it."""
    return ft.TextField(
        key=f"draft-{times_picked}",
        label="Your message",
        value=typed["text"],
        multiline=True, min_lines=3, max_lines=5, max_length=MESSAGE_LIMIT,
        on_change=lambda e: typed.update(text=e.control.value),
    )


def _choice(message, is_picked: bool, pick) -> ft.Control:
    """One message to pick with a tap, spoken as its wording; the picked one has a bold outline, not only a colour."""
    return spoken_button(message.wording, ft.Container(
        ft.Text(message.wording, weight=ft.FontWeight.BOLD if is_picked else None),
        padding=ft.Padding.symmetric(horizontal=12, vertical=12),
        border=ft.Border.all(2 if is_picked else 1, ft.Colors.PRIMARY if is_picked else ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
        ink=True,
        on_click=lambda _: pick(message),
    ), selected=is_picked)


def _who(people, draft: Draft, together: bool) -> ft.Control:
    """Who gets it (all, until unticked), and how names go in."""

    def toggle(person: Person, on: bool) -> None:
        chosen = draft.values["chosen"]
        draft.choose("chosen", chosen | {person.id} if on else chosen - {person.id})

    how = ("Texts go as one message to everyone; each email starts with “Hi” and their name." if together
           else "Each message starts with “Hi” and their name, and opens one after another.")
    return ft.Column(
        [ft.Text(how),
         *[ft.Checkbox(label=person.name, value=person.id in draft.values["chosen"],
                       on_change=lambda e, p=person: toggle(p, e.control.value)) for person in people]],
        spacing=0,
    )


def _send_buttons(people, several: bool, progress: Progress | None, send, send_next) -> list[ft.Control]:
    if progress:  # one opened, more to go
        following = progress.links[progress.opened]
        count = f" ({progress.opened + 1} of {len(progress.links)})"
        names = ", ".join(person.name for person in following.people)
        return [said_as(ft.FilledButton, f"Send to {names}{count}", f"Send to {names}", icon=ft.Icons.SEND,
                        on_click=send_next)]
    if several:
        return [said_as(ft.FilledButton, "Send", "Send to everyone ticked", icon=ft.Icons.SEND,
                        on_click=_sending_by(send, None))]
    person = people[0]
    way = way_to_send(person)
    if way is None:  # Send still says why, kindly, and opens nothing
        return [said_as(ft.FilledButton, "Send", f"Send to {person.name}", icon=ft.Icons.SEND,
                        on_click=_sending_by(send, None))]
    other = Way.EMAIL if way is Way.TEXT else Way.TEXT
    buttons = [said_as(ft.FilledButton, "Send", f"Send to {person.name} {WAY_WORDS[way]}", icon=ft.Icons.SEND,
                       on_click=_sending_by(send, way))]
    if way_to_send(person, other):
        buttons.insert(0, said_as(ft.TextButton, f"Send {WAY_WORDS[other]} instead",
                                  f"Send to {person.name} {WAY_WORDS[other]}", on_click=_sending_by(send, other)))
    return buttons


def _sending_by(send, way: Way | None):
    """An async handler (Flet awaits it) that sends by `way`; a lambda would hand Flet an un-awaited coroutine."""
    async def handler() -> None:
        await send(way)
    return handler


def _did_it_go(progress: Progress, sent, close) -> ft.Control:
    """After the messaging app opened: as after a call, Tend asks rather than assumes."""
    names = ", ".join(person.name for sending in progress.links for person in sending.people)
    many = len(progress.links) > 1 or len(progress.links[0].people) > 1
    return ft.Column(
        [
            ft.Text(f"Did your message go to {names}?", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Text("If it did, Tend will remember you reached out. If not, that's okay: it's still here to send "
                    "later."),
            *([ft.Text(progress.left_out)] if progress.left_out else []),
            ft.Row([ft.TextButton("Not this time", on_click=close),
                    ft.FilledButton("Yes, I sent them" if many else "Yes, I sent it", on_click=sent)],
                   wrap=True, alignment=ft.MainAxisAlignment.END),
        ],
        tight=True,
        spacing=8,
        width=COMPOSER_WIDTH,
    )
