"""Reminders: to check in, to stay in touch with your people, and your own — each with snooze and done."""

from datetime import datetime

import flet as ft

from storage.day_words import day_in_words, moment_in_words
from storage.reminders.keep_in_touch import touch_due_at
from storage.reminders.model import Reminder, ReminderKind
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import next_occurrence
from views.context import Tend, use_tend
from views.guard import component
from views.kit.labelled import icon_action
from views.kit.notice import notice_card
from views.kit.screen import screen, section_title
from views.people.your_people import YourPeople, use_people
from views.reminders.due import DueNow, touch_plans, use_due, use_due_actions
from views.reminders.due_items import DueItem, due_key
from views.reminders.form import ReminderCallbacks, reminder_dialog, schedule_words
from views.reminders.notifications import PhoneNotifications, use_notifications


@component
def RemindersScreen() -> ft.Control:
    tend = use_tend()
    due = use_due()  # holds every reminder as last read, read again after each change here
    read_again = use_due_actions().read_again
    your_people = use_people()
    notifications = use_notifications()
    editing, set_editing = ft.use_state(None)  # (kind, reminder or None) while the form is open
    deleted, set_deleted = ft.use_state(None)
    now = tend.now()

    def changed() -> None:
        set_editing(None)
        read_again()

    def delete(reminder) -> None:
        if tend.wrote(lambda: ReminderRepository(tend.store).delete(reminder.id)):
            set_deleted(reminder)
            changed()

    def undo_delete() -> None:
        if tend.wrote(lambda: ReminderRepository(tend.store).save(deleted, tend.now())):
            set_deleted(None)
            changed()

    callbacks = ReminderCallbacks(saved=lambda _: (set_deleted(None), changed()), closed=lambda: set_editing(None))
    ft.use_dialog(reminder_dialog(editing[0], editing[1], callbacks) if editing else None)

    def row(reminder) -> ft.Control:
        return reminder_row(reminder, now, tend, lambda: set_editing((reminder.kind, reminder)),
                            lambda: delete(reminder))

    check_ins = [row(r) for r in due.reminders if r.kind == ReminderKind.CHECK_IN]
    own = [row(r) for r in due.reminders if r.kind == ReminderKind.OWN]
    meetings = [meeting_row(r, now, tend) for r in due.reminders if r.kind == ReminderKind.MEETING]
    return screen(
        "Reminders",
        *([notice_card("Reminder deleted.", [ft.TextButton("Undo", on_click=undo_delete)])] if deleted else []),
        section_title("Checking in"),
        *(check_ins or [ft.Text("No check-in reminders yet. A gentle nudge at a time that suits you can help.")]),
        ft.FilledTonalButton("Add a check-in reminder", icon=ft.Icons.ADD_ALARM,
                             on_click=lambda: set_editing((ReminderKind.CHECK_IN, None))),
        section_title("Losing touch"),
        *losing_touch(due, your_people, now),
        section_title("Your own reminders"),
        *(own or [ft.Text("Anything you'd like a nudge for: medication, a walk, an appointment.")]),
        ft.FilledTonalButton("Add a reminder", icon=ft.Icons.ADD,
                             on_click=lambda: set_editing((ReminderKind.OWN, None))),
        *([section_title("Group meetings"), *meetings] if meetings else []),
        *on_this_device(notifications),
    )


def on_this_device(notifications: PhoneNotifications) -> list[ft.Control]:
    """Whether the phone's own notifications remind too, with "Allow notifications" while it hasn't been asked."""
    return [
        section_title("On this device"),
        ft.Text(notifications.words),
        *([ft.FilledTonalButton("Allow notifications", icon=ft.Icons.NOTIFICATIONS_ACTIVE_OUTLINED,
                                on_click=notifications.allow)] if notifications.allow else []),
    ]


def reminder_row(reminder: Reminder, now: datetime, tend: Tend, on_open, on_delete) -> ft.Control:
    """A check-in or your own reminder: what and when, the next time, opened to edit, with Delete."""
    upcoming = next_occurrence(reminder, now, tend.zone, tend.settings.day_starts_at)
    title = reminder.text if reminder.kind == ReminderKind.OWN else "Check in"
    details = schedule_words(reminder, now.date())
    if reminder.kind == ReminderKind.CHECK_IN and not reminder.always:
        details += " · skipped on days you've checked in"
    return ft.ListTile(
        title=ft.Text(title),
        subtitle=ft.Text(f"{details}\n"
                         + (f"Next: {moment_in_words(upcoming, now.date())}" if upcoming else "Finished")),
        is_three_line=True,
        on_click=on_open,
        trailing=icon_action(ft.Icons.DELETE_OUTLINE, f"Delete the reminder: {title}", on_delete),
    )


def meeting_row(reminder: Reminder, now: datetime, tend: Tend) -> ft.Control:
    """A group's meeting reminder: changed with the group on People, where it is kept in step."""
    upcoming = next_occurrence(reminder, now, tend.zone, tend.settings.day_starts_at)
    return ft.ListTile(title=ft.Text(reminder.text), is_three_line=True, subtitle=ft.Text(
        f"Reminds you at {schedule_words(reminder, now.date())} · change it on the group in People\n"
        + (f"Next: {moment_in_words(upcoming, now.date())}" if upcoming else "")))


def losing_touch(due: DueNow, your_people: YourPeople, now: datetime) -> list[ft.Control]:
    """Who is overdue for a contact, with their actions, then everyone's rhythm and when they are next due."""
    plans = touch_plans(list(your_people.people.values()), your_people.last_contacts)
    return [
        *([DueItem(item, key=due_key(item)) for item in due.overdue]
          or [ft.Text("No one is overdue." if plans else
                      "To be reminded to stay in touch, set 'Stay in touch every … days' on a person in People.")]),
        *[ft.Text(f"{plan.name}: every {plan.every_days} days, "
                  f"next by {day_in_words(touch_due_at(plan).date(), now.date())}")
          for plan in plans],
    ]
