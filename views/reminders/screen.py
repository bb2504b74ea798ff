"""Reminders: to check in, to stay in touch with your people, and your own — each with snooze and done."""

import flet as ft

from storage.day_words import day_in_words, moment_in_words
from storage.people.repository import PeopleRepository
from storage.reminders.keep_in_touch import touch_due_at
from storage.reminders.model import ReminderKind
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import next_occurrence
from views.checkins.editing import notice_card
from views.context import use_tend
from views.guard import component
from views.kit.labelled import icon_action
from views.kit.screen import screen, section_title
from views.reminders.due import touch_plans, use_reminding
from views.reminders.due_items import DueItem, due_key
from views.reminders.form import ReminderCallbacks, reminder_dialog, schedule_words


@component
def RemindersScreen() -> ft.Control:
    tend = use_tend()
    reminding = use_reminding()
    version, set_version = ft.use_state(0)
    reminders = ft.use_memo(lambda: ReminderRepository(tend.store).all(), [version])
    editing, set_editing = ft.use_state(None)  # (kind, reminder or None) while the form is open
    deleted, set_deleted = ft.use_state(None)
    now = tend.now()

    def changed() -> None:
        set_editing(None)
        set_version(version + 1)
        reminding.refresh()

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
            on_click=lambda: set_editing((reminder.kind, reminder)),
            trailing=icon_action(ft.Icons.DELETE_OUTLINE, f"Delete the reminder: {title}", lambda: delete(reminder)),
        )

    def meeting_row(reminder) -> ft.Control:
        """A group's meeting reminder: changed with the group on People, where it is kept in step."""
        upcoming = next_occurrence(reminder, now, tend.zone, tend.settings.day_starts_at)
        return ft.ListTile(title=ft.Text(reminder.text), is_three_line=True, subtitle=ft.Text(
            f"Reminds you at {schedule_words(reminder, now.date())} · change it on the group in People\n"
            + (f"Next: {moment_in_words(upcoming, now.date())}" if upcoming else "")))

    check_ins = [row(r) for r in reminders if r.kind == ReminderKind.CHECK_IN]
    own = [row(r) for r in reminders if r.kind == ReminderKind.OWN]
    meetings = [meeting_row(r) for r in reminders if r.kind == ReminderKind.MEETING]
    people = PeopleRepository(tend.store)
    plans = touch_plans(people.people(), people.last_contacts())
    return screen(
        "Reminders",
        *([notice_card("Reminder deleted.", [ft.TextButton("Undo", on_click=undo_delete)])] if deleted else []),
        section_title("Checking in"),
        *(check_ins or [ft.Text("No check-in reminders yet. A gentle nudge at a time that suits you can help.")]),
        ft.FilledTonalButton("Add a check-in reminder", icon=ft.Icons.ADD_ALARM,
                             on_click=lambda: set_editing((ReminderKind.CHECK_IN, None))),
        section_title("Losing touch"),
        *([DueItem(item, key=due_key(item)) for item in reminding.overdue]
          or [ft.Text("No one is overdue." if plans else
                      "To be reminded to stay in touch, set 'Stay in touch every … days' on a person in People.")]),
        *[ft.Text(f"{plan.name}: every {plan.every_days} days, "
                  f"next by {day_in_words(touch_due_at(plan).date(), now.date())}")
          for plan in plans],
        section_title("Your own reminders"),
        *(own or [ft.Text("Anything you'd like a nudge for: medication, a walk, an appointment.")]),
        ft.FilledTonalButton("Add a reminder", icon=ft.Icons.ADD,
                             on_click=lambda: set_editing((ReminderKind.OWN, None))),
        *([section_title("Group meetings"), *meetings] if meetings else []),
        section_title("On this device"),
        ft.Text(reminding.notifications),
        *([ft.FilledTonalButton("Allow notifications", icon=ft.Icons.NOTIFICATIONS_ACTIVE_OUTLINED,
                                on_click=reminding.allow_notifications)] if reminding.allow_notifications else []),
    )
