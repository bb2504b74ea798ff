"""The circle as a picture: you in the middle, your people, groups and places around you in one sector per kind of
support, nearer the middle when you were in touch more recently.

Built from a Stack of positioned containers over a canvas of rings, so every dot is its own node that a screen reader
names ("Sam, emotional support, in touch this week"). Each sector carries its kind's icon, the legend below names
them in words, and the words under the picture say everything it shows: colour is never the only sign.
"""

import math

import flet as ft
import flet.canvas as cv

from storage.circle.rules import Circle, Member, Ring, names_in_words
from storage.people.gatherings import PersonKind
from storage.people.model import Support
from views.circle.layout import Dot, Layout, Sector, layout_of

KIND_ICONS = {
    Support.EMOTIONAL: ft.Icons.FAVORITE_OUTLINE,
    Support.PRACTICAL: ft.Icons.HANDYMAN_OUTLINED,
    Support.INFORMATIONAL: ft.Icons.LIGHTBULB_OUTLINE,
    Support.PEER: ft.Icons.DIVERSITY_3,
    Support.PROFESSIONAL: ft.Icons.MEDICAL_SERVICES_OUTLINED,
    Support.CRISIS: ft.Icons.SOS_OUTLINED,
    None: ft.Icons.HELP_OUTLINE,
}
LABEL_WIDTH = 100
"""Room beside the circle for a kind's name."""
MEMBER_ICONS = {PersonKind.GROUP: ft.Icons.GROUPS_OUTLINED, PersonKind.PLACE: ft.Icons.PLACE_OUTLINED}
# Material's container colours and the text colours made for them (tone 90 on 10 in light, 30 on 90 in dark): far
# above WCAG AA's 4.5:1 in both themes. Neighbouring sectors differ; the icon and the words say which is which.
SECTOR_COLOURS = (
    (ft.Colors.PRIMARY_CONTAINER, ft.Colors.ON_PRIMARY_CONTAINER),
    (ft.Colors.SECONDARY_CONTAINER, ft.Colors.ON_SECONDARY_CONTAINER),
    (ft.Colors.TERTIARY_CONTAINER, ft.Colors.ON_TERTIARY_CONTAINER),
)


def sector_name(support: Support | None) -> str:
    return f"{support.value} support" if support else "no kind chosen yet"


def initials(name: str) -> str:
    """'Sam Lee' → 'SL', 'dee' → 'D': what fits in a dot."""
    words = [word for word in name.split() if word[:1].isalnum()] or [name]
    return "".join(word[0] for word in words[:2]).upper()


def circle_picture(circle: Circle, summary: str, size: float, width: float) -> ft.Control:
    """The picture, a `size` px circle in the middle of `width`, spoken as `summary` and then each dot in turn;
    where there is room beside the circle, each kind's name stands by its icon."""
    picture = layout_of(circle, size)
    margin = max(0.0, (width - size) / 2)
    labelled = margin >= LABEL_WIDTH
    drawn = [
        _rings(picture),
        *[_badge(picture, index, sector) for index, sector in enumerate(picture.sectors)],
        *([_sector_label(picture, sector) for sector in picture.sectors] if labelled else []),
        _you(picture),
        *[control for dot in picture.dots for control in _dot(picture, dot)],
    ]
    for control in drawn:  # the layout's places are in the circle's square: shift them to the middle of `width`
        control.left = (control.left or 0) + margin
    return ft.Semantics(container=True, label=summary,
                        content=ft.Stack(drawn, width=size + 2 * margin, height=size))


def _sector_label(picture: Layout, sector: Sector) -> ft.Control:
    """'Emotional' beside its icon: to the left of icons on the left half, else to the right."""
    gap = picture.badge / 2 + 6
    on_left = sector.badge_x < picture.size / 2 - 1
    text = ft.Text(sector.support.word if sector.support else "Not sorted yet", size=13, width=LABEL_WIDTH - 8,
                   no_wrap=True, overflow=ft.TextOverflow.ELLIPSIS, color=ft.Colors.ON_SURFACE_VARIANT,
                   text_align=ft.TextAlign.RIGHT if on_left else ft.TextAlign.LEFT)
    left = sector.badge_x - gap - (LABEL_WIDTH - 8) if on_left else sector.badge_x + gap
    return ft.Container(ft.Semantics(exclude_semantics=True, content=text), left=left, top=sector.badge_y - 9)


def _rings(picture: Layout) -> ft.Control:
    """Alternate shading per sector, the three rings and the lines between sectors; drawing only, nothing spoken."""
    centre, outer = picture.size / 2, picture.ring_edges[-1]
    shapes = []
    for index, sector in enumerate(picture.sectors):
        shade = ft.Colors.SURFACE_CONTAINER_HIGH if index % 2 else ft.Colors.SURFACE_CONTAINER
        # Flutter's arcs start at three o'clock; the layout's angles start at twelve.
        shapes.append(cv.Arc(centre - outer, centre - outer, 2 * outer, 2 * outer, sector.start - math.pi / 2,
                             sector.sweep, use_center=True, paint=ft.Paint(color=shade)))
    line = ft.Paint(color=ft.Colors.OUTLINE_VARIANT, stroke_width=1, style=ft.PaintingStyle.STROKE)
    shapes += [cv.Circle(centre, centre, radius, paint=line) for radius in picture.ring_edges[1:]]
    for sector in picture.sectors:
        x, y = math.sin(sector.start), -math.cos(sector.start)
        shapes.append(cv.Line(centre + x * picture.centre_radius, centre + y * picture.centre_radius,
                              centre + x * outer, centre + y * outer, paint=line))
    return ft.Container(ft.Semantics(exclude_semantics=True,
                                     content=cv.Canvas(shapes, width=picture.size, height=picture.size)), left=0, top=0)


def _badge(picture: Layout, index: int, sector: Sector) -> ft.Control:
    """The kind's icon at the edge of its sector; hollow where nobody gives it yet."""
    background, ink = SECTOR_COLOURS[index % len(SECTOR_COLOURS)]
    size = picture.badge
    return ft.Container(
        ft.Icon(KIND_ICONS[sector.support], size=size * 0.6,
                color=ft.Colors.ON_SURFACE_VARIANT if sector.empty else ink),
        left=sector.badge_x - size / 2, top=sector.badge_y - size / 2, width=size, height=size,
        alignment=ft.Alignment.CENTER, shape=ft.BoxShape.CIRCLE,
        bgcolor=ft.Colors.SURFACE if sector.empty else background,
        border=ft.Border.all(1, ft.Colors.OUTLINE),
    )


def _you(picture: Layout) -> ft.Control:
    radius = picture.centre_radius
    centre = picture.size / 2
    return ft.Container(
        ft.Text("You", weight=ft.FontWeight.BOLD, color=ft.Colors.ON_PRIMARY, size=max(12.0, radius * 0.45),
                no_wrap=True),
        left=centre - radius, top=centre - radius, width=2 * radius, height=2 * radius,
        alignment=ft.Alignment.CENTER, shape=ft.BoxShape.CIRCLE, bgcolor=ft.Colors.PRIMARY,
    )


def _spoken(dot: Dot, support: Support | None) -> str:
    if dot.member is not None:
        return f"{dot.member.spoken}, {sector_name(support)}"
    names = names_in_words(m.name for m in dot.hidden)
    return f"{len(dot.hidden)} more for {sector_name(support)}, {dot.hidden[0].ring.words}: {names}"


def _dot(picture: Layout, dot: Dot) -> list[ft.Control]:
    """One person, group or place (a circle with initials, a rounded square with an icon), or "+3" for those that
    didn't fit; with the name below it on wide pictures."""
    sector = picture.sectors[dot.sector]
    background, ink = SECTOR_COLOURS[dot.sector % len(SECTOR_COLOURS)]
    size = picture.dot
    member: Member | None = dot.member
    if member is not None and member.kind in MEMBER_ICONS:
        inside = ft.Icon(MEMBER_ICONS[member.kind], size=size * 0.6, color=ink)
    else:
        words = initials(member.name) if member else f"+{len(dot.hidden)}"
        inside = ft.Text(words, size=max(10.0, size * 0.34), weight=ft.FontWeight.BOLD, color=ink, no_wrap=True)
    round_shape = member is None or member.kind is PersonKind.PERSON
    shown = ft.Container(
        ft.Semantics(exclude_semantics=True, content=inside),
        width=size, height=size, alignment=ft.Alignment.CENTER, clip_behavior=ft.ClipBehavior.HARD_EDGE,
        bgcolor=background,
        shape=ft.BoxShape.CIRCLE if round_shape else ft.BoxShape.RECTANGLE,
        border_radius=None if round_shape else ft.BorderRadius.all(size * 0.25),
        # A faded ring for those not in touch for a while: distance says it first, the words say it too.
        border=ft.Border.all(2 if dot.ring is Ring.NEAR else 1, ink),
    )
    controls = [ft.Container(ft.Semantics(label=_spoken(dot, sector.support), container=True, content=shown),
                             left=dot.x - size / 2, top=dot.y - size / 2)]
    if picture.named and member is not None:
        width = size + 18
        name = ft.Text(member.name, size=11, width=width, max_lines=1, overflow=ft.TextOverflow.ELLIPSIS,
                       text_align=ft.TextAlign.CENTER, color=ft.Colors.ON_SURFACE)
        controls.append(ft.Container(ft.Semantics(exclude_semantics=True, content=name),
                                     left=dot.x - width / 2, top=dot.y + size / 2 + 1))
    return controls
