"""After a low check-in, a gentle offer: would talking to someone help? People for the support you pick, and your
safety plan. Dismissed, it stays away for the rest of the day."""


import flet as ft

from storage.people.model import people_for
from views.context import use_tend
from views.guard import component
from views.help.get_help import SAFETY_PLAN_ROUTE
from views.people.screen import need_picker
from views.people.card import reach_buttons
from views.people.reaching_out import last_reached_words, use_reaching_out
from views.reminders.due import use_reminding


@component
def LowDayCard(on_dismiss) -> ft.Control:
    tend = use_tend()
    page = ft.context.page
    need, set_need = ft.use_state(None)
    reaching = use_reaching_out()
    people = use_reminding().people.values()
    now = tend.now()
    chosen = people_for(need, people, reaching.last_contacts)[:5] if need else []
    if need and not chosen:
        offers = [ft.Text(f"No one saved gives {need.value} support yet. The crisis lines under 'Get help now' "
                          "are there for you any time.")]
    else:
        offers = [
            ft.Column([ft.Text(person.name, weight=ft.FontWeight.BOLD),
                       ft.Text(last_reached_words(person, reaching.last_contacts, now)),
                       ft.Row(reach_buttons(person, reaching.reach), wrap=True)], spacing=4)
            for person in chosen
        ]
    return ft.Card(
        ft.Container(
            ft.Column(
                [
                    ft.Text("Would talking to someone help?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                    ft.Text("It's okay to have a hard day. If it would help, pick what you need:"),
                    need_picker(need, set_need, with_anyone=False),
                    *offers,
                    *([reaching.notice] if reaching.notice else []),
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
