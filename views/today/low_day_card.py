"""After a low check-in, a gentle offer: would talking to someone help? People for the support you pick, and your
safety plan. Dismissed, it stays away for the rest of the day."""

from datetime import datetime

import flet as ft

from storage.messages.model import DayKind, MessageKind
from storage.people.model import Person, Support, people_for
from views.context import use_tend
from views.guard import component
from views.help.crisis_lines import crisis_help
from views.help.get_help import SAFETY_PLAN_ROUTE
from views.kit.need_picker import need_picker
from views.messages.picker import Messaging, message_button, message_everyone_button, use_messaging
from views.people.card import SUPPORT_NOT_SET, reach_buttons
from views.people.reaching_out import ReachingOut, last_reached_words, use_reaching_out
from views.people.your_people import use_people


@component
def LowDayCard(on_dismiss) -> ft.Control:
    tend = use_tend()
    page = ft.context.page
    need, set_need = ft.use_state(None)
    reaching = use_reaching_out()
    messaging = use_messaging(DayKind.HARD_DAY)
    people = use_people().people.values()
    now = tend.now()
    chosen = people_for(need, people, reaching.last_contacts)[:5] if need else []
    offers = []
    if need and not chosen:
        offers = [ft.Text(f"No one saved gives {need.value} support yet. You can call these, here or under "
                          "'Get help now':")]
    elif need is Support.CRISIS:
        offers = [ft.Text("You can call these, here or under 'Get help now':")]
    if need is Support.CRISIS or (need and not chosen):
        offers += crisis_help(tend)
    if chosen:
        offers += [person_offer(person, need, reaching, messaging, now) for person in chosen]
        offers += message_everyone_button(messaging, chosen, need)
    return ft.Card(
        ft.Container(
            ft.Column(
                [
                    ft.Text("Would talking to someone help?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                    ft.Text("It's okay to have a hard day. If it would help, pick what you need:"),
                    need_picker(need, set_need, with_anyone=False),
                    *offers,
                    *([reaching.notice] if reaching.notice else []),
                    *([messaging.notice] if messaging.notice else []),
                    ft.Row(
                        [
                            ft.TextButton("Open my safety plan", icon=ft.Icons.HEALTH_AND_SAFETY_OUTLINED,
                                          on_click=lambda: page.navigate(SAFETY_PLAN_ROUTE)),
                            ft.TextButton("Not now", on_click=on_dismiss),
                        ],
                        wrap=True,
                        alignment=ft.MainAxisAlignment.END,
                    ),
                ],
                spacing=8,
            ),
            padding=16,
        ),
    )


def person_offer(person: Person, need: Support, reaching: ReachingOut, messaging: Messaging,
                 now: datetime) -> ft.Control:
    """One person for the support picked: their name, when you last reached out, Call, Text and a message."""
    return ft.Column([ft.Text(person.name, weight=ft.FontWeight.BOLD),
                      *([ft.Text(SUPPORT_NOT_SET, italic=True)] if not person.supports else []),
                      ft.Text(last_reached_words(person, reaching.last_contacts, now)),
                      ft.Row([*reach_buttons(person, reaching.reach),
                              message_button(messaging, person, MessageKind(need.value))], wrap=True)], spacing=4)
