"""People: who can I call? Your people by the support they give, one tap to reach them, crisis lines at the end."""


import flet as ft

from storage.people.model import Support, people_for
from views.context import Tend, use_tend
from views.guard import component
from views.help.crisis_lines import CountryPicker, crisis_line_card, emergency_controls, fallback_controls
from views.kit.labelled import said_as
from views.kit.need_picker import need_picker
from views.kit.notice import notice_card
from views.kit.screen import screen, section_title, title_bar
from views.messages.picker import kind_for, message_everyone_button, use_messaging
from views.navigation import CIRCLE_ROUTE
from views.people.card import person_card
from views.people.contacts_import import use_contacts_import
from views.people.deletion_undo import use_deletion_undo
from views.people.editor import PersonCallbacks, person_dialog
from views.people.gatherings import gatherings_section, is_gathering
from views.people.newest_undo import use_newest_undo
from views.people.reaching_out import last_reached_words, use_reaching_out
from views.people.your_people import use_people, use_people_actions
from views.support_card.screen import SUPPORT_CARD_ROUTE


@component
def PeopleScreen() -> ft.Control:
    tend = use_tend()
    page = ft.context.page
    read_people_again = use_people_actions().read_again  # after every change here
    people = list(use_people().people.values())
    need, set_need = ft.use_state(None)
    editing, set_editing = ft.use_state(None)  # (person or None,) while the form is open
    deletion = use_deletion_undo(read_people_again)
    added, set_added = ft.use_state(0)
    reaching = use_reaching_out()
    messaging = use_messaging()
    start_import = use_contacts_import(lambda count: (set_added(count), read_people_again()))

    def changed() -> None:
        set_editing(None)
        read_people_again()

    logged_notice, deleted = use_newest_undo(reaching, deletion)

    def was_deleted(person) -> None:
        deleted(person)  # one Undo at a time, the newest: a contact's Undo logged before it goes
        changed()

    callbacks = PersonCallbacks(saved=lambda _: changed(), deleted=was_deleted,
                                closed=lambda: set_editing(None))
    ft.use_dialog(person_dialog(editing[0], callbacks) if editing else None)

    now = tend.now()
    shown = people_for(need, people, reaching.last_contacts) if need else people

    def card_for(person) -> ft.Control:
        return person_card(person, last_reached_words(person, reaching.last_contacts, now), reaching.reach,
                           reaching.log_by_hand, lambda p: set_editing((p,)),
                           lambda p: messaging.ask([p], kind_for(p, need)))

    cards = [card_for(person) for person in shown if not is_gathering(person)] or [nobody_yet(need)]
    notices = [card for card in (logged_notice, messaging.notice, deletion.notice,
                                 contacts_added_notice(added, lambda: set_added(0))) if card]
    return screen(
        people_title_bar(lambda: set_editing((None,)), start_import),
        section_title("Who can I call? I need…"),
        need_picker(need, set_need),
        *notices,
        section_title(f"For {need.value} support" if need else "Your people"),
        *message_everyone_button(messaging, shown, need),
        *cards,
        *gatherings_section([person for person in shown if is_gathering(person)], card_for, need is not None),
        more_links(page),
        *crisis_section(tend),
    )


def people_title_bar(add, start_import) -> ft.Control:
    return title_bar("People", [
        said_as(ft.FilledButton, "Add", "Add someone", icon=ft.Icons.PERSON_ADD_ALT, on_click=add),
        said_as(ft.TextButton, "Import", "Import from a contacts file", icon=ft.Icons.UPLOAD_FILE,
                on_click=start_import),
    ])


def nobody_yet(need: Support | None) -> ft.Control:
    return ft.Text(f"No one saved yet gives {need.value} support. You can add someone, or use a crisis line below."
                   if need else "Add the people and services you could turn to. Even one helps.")


def contacts_added_notice(added: int, on_ok) -> ft.Control | None:
    """How many people a contacts file just added, until OK; None when it added none."""
    if not added:
        return None
    return notice_card(f"Added {added} {'person' if added == 1 else 'people'} from your contacts file.",
                       [ft.TextButton("OK", on_click=on_ok)])


def more_links(page: ft.Page) -> ft.Control:
    return ft.Row(
        [
            ft.TextButton("Your circle", icon=ft.Icons.HUB_OUTLINED, on_click=lambda: page.navigate(CIRCLE_ROUTE)),
            ft.TextButton("How to support me", icon=ft.Icons.VOLUNTEER_ACTIVISM_OUTLINED,
                          on_click=lambda: page.navigate(SUPPORT_CARD_ROUTE)),
        ],
        wrap=True,
    )


def crisis_section(tend: Tend) -> list[ft.Control]:
    """The country's crisis lines close the list, always."""
    lines = tend.crisis.lines_for(tend.settings.country)
    return [
        section_title("Crisis lines"),
        *([crisis_line_card(tend, line) for line in lines] or emergency_controls(tend)),
        CountryPicker(),  # right here: a guess can be wrong, and a trip to Settings is one too many
        *([] if lines else fallback_controls(tend)),
    ]
