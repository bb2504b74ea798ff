"""A reminder that is due, with its actions: for a check-in, Check in now, Snooze, Done; for a person, Call, Text,
Snooze, Done. Shown as the banner over every screen when something comes due, and listed on Today."""

import flet as ft

from storage.messages.model import MessageKind
from storage.people.meetings import group_id_of
from storage.reminders.keep_in_touch import Overdue
from storage.reminders.model import ReminderKind
from storage.reminders.rules import Due
from views.guard import component
from views.kit.labelled import said_as
from views.kit.notice import banner
from views.kit.taps import use_tap_gate
from views.messages.picker import message_button, use_messaging
from views.people.card import reach_buttons
from views.people.reaching_out import use_reaching_out
from views.people.your_people import use_people
from views.reminders.due import DueNow, describe, use_due, use_due_actions


def due_key(item: Due | Overdue) -> str:
    """Which reminder and which occurrence: stable across looks, so a banner put aside stays put aside until
    something new is due (a snoozed reminder comes back for the snooze's end, a new occurrence)."""
    if isinstance(item, Overdue):
        return f"touch/{item.plan.person_id}/{item.due_at.isoformat()}"
    return f"{item.reminder.id}@{item.at.isoformat()}"


@component
def DueItem(item: Due | Overdue, on_later=None) -> ft.Control:
    """One due item; `on_later` (banner only) puts it aside for now without changing anything."""
    due_actions = use_due_actions()
    people = use_people().people
    page = ft.context.page
    reaching = use_reaching_out()
    messaging = use_messaging()
    what = describe(item)

    def check_in_now() -> None:
        due_actions.done(item)
        page.navigate("/")

    if isinstance(item, Overdue):
        person = people.get(item.plan.person_id)
        reach = [*reach_buttons(person, reaching.reach),
                 message_button(messaging, person, MessageKind.KEEPING_IN_TOUCH)] if person else []
        finish = said_as(ft.TextButton, "Done", f"I reached out to {item.plan.name}",
                         on_click=lambda: reaching.log_by_hand(person))
    else:
        reach = ([ft.FilledButton("Check in now", on_click=check_in_now)]
                 if item.reminder.kind == ReminderKind.CHECK_IN else [])
        group = people.get(group_id_of(item.reminder) or "")  # a group's meeting: "I went" logs it
        if group:
            reach = [said_as(ft.FilledButton, "I went", f"I went to {group.name}",
                             on_click=lambda: reaching.log_by_hand(group))]
        finish = said_as(ft.TextButton, "Done", f"Done: {what}", on_click=lambda: due_actions.done(item))
    snooze = said_as(ft.TextButton, "Snooze", f"Snooze: {what}", on_click=lambda: due_actions.ask_snooze(item))
    actions = [*reach, snooze,
               finish, *([ft.TextButton("Later", on_click=on_later)] if on_later else [])]
    return ft.Column(
        [
            ft.Text(what, theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Row(actions, wrap=True, spacing=4),
            *([reaching.notice] if reaching.notice else []),
            *([messaging.notice] if messaging.notice else []),
        ],
        spacing=4,
    )


@component
def DueBanner() -> ft.Control | None:
    """The first due item not put aside, above whichever screen is open, announced to screen readers."""
    due = use_due()
    put_aside, set_put_aside = ft.use_state(frozenset())
    taps = use_tap_gate()  # a double tap on Later puts aside this banner, not the one that takes its place
    waiting = [item for item in (*due.due, *due.overdue) if due_key(item) not in put_aside]
    if not waiting:
        return ft.Container(visible=False)
    first = waiting[0]
    later = taps.once("later", lambda: set_put_aside(lambda aside: aside | {due_key(first)}))
    return banner(
        "Reminder",
        ft.Icons.NOTIFICATIONS_ACTIVE_OUTLINED,
        DueItem(first, later, key=due_key(first)),
        ft.Colors.SECONDARY_CONTAINER,
    )


def due_list(due: DueNow) -> list[ft.Control]:
    """Everything due now, for Today."""
    return [DueItem(item, key=due_key(item)) for item in (*due.due, *due.overdue)]
