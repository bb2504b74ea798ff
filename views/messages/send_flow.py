"""What Send does in the message picker: open the links for the people ticked one after another (a tap for each
next one, as a browser opens one app at a time), and say what could not be reached. Drawn in
views.messages.composer."""

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from storage.messages.model import MessageKind
from storage.messages.send_plan import SendPlan, addresses, plan_sending
from storage.people.model import Person, Way
from views.context import use_tend
from views.device.links import open_link
from views.kit.taps import use_tap_gate


@dataclass(frozen=True)
class Progress:
    """Sending one link after another: the links and who could not be reached, and how many were opened."""

    plan: SendPlan
    opened: int

    @property
    def links(self):
        return self.plan.links

    @property
    def left_out(self) -> str:
        return self.plan.left_out

    @property
    def done(self) -> bool:
        return self.opened >= len(self.plan.links)

    def sent_to(self) -> list[tuple[Person, Way]]:
        """Everyone whose link was opened, with the way it went."""
        return [(person, sending.way) for sending in self.links[:self.opened] for person in sending.people]


@dataclass(frozen=True)
class MessageSending:
    problem: str | None
    set_problem: Callable[[str | None], None]
    progress: Progress | None
    send: Callable
    send_next: Callable


def use_message_sending(recipients: Callable[[], list[Person]], text: Callable[[], str],
                        kind: Callable[[], MessageKind], *, together: bool, greet: bool) -> MessageSending:
    """`recipients`, `text` and `kind` answer what the picker holds at the tap (see kit.draft)."""
    tend = use_tend()
    problem, set_problem = ft.use_state(None)
    progress, set_progress = ft.use_state(None)
    taps = use_tap_gate()

    async def open_from(plan: SendPlan, index: int) -> None:
        if await open_link(plan.links[index].link):
            set_progress(Progress(plan, index + 1))
        else:
            tend.tell("This device could not open a messaging app. You can copy your message and send it to "
                      f"{addresses(plan.links[index])} yourself.")

    async def send(way: Way | None = None) -> None:
        if not taps.accepts(("send", way)):
            return
        with taps.running(("send", way)):  # the launcher answers within open_link's timeout
            try:
                plan = plan_sending(recipients(), text(), kind(), together=together, greet=greet, chosen=way)
            except ValueError as refused:  # Refused, or a number or address that can't be put in a link
                set_problem(str(refused))
                return
            set_problem(None)
            await open_from(plan, 0)

    async def send_next() -> None:
        if taps.accepts(("next", progress.opened)):
            await open_from(progress.plan, progress.opened)

    return MessageSending(problem, set_problem, progress, send, send_next)
