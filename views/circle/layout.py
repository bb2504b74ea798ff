"""Where everything in the circle picture goes: pure geometry (no flet), so it can be tested at any size.

The person is in the middle; around them one sector per kind of support (and one for people not sorted yet), each
cut into three rings by how recently they were in touch. Angles run clockwise from the top, in radians.
"""

import math
from dataclasses import dataclass

from storage.circle.rules import Circle, Member, Ring
from storage.people.model import Support

GAP = 6
"""Space between two dots, and between a dot and a sector's edge."""


@dataclass(frozen=True)
class Sector:
    support: Support | None
    """None: the people given no kind of support yet."""
    start: float
    sweep: float
    badge_x: float
    badge_y: float
    empty: bool


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    sector: int
    ring: Ring
    member: Member | None
    """None for a "+3" dot standing for the `hidden` ones that didn't fit."""
    hidden: tuple[Member, ...] = ()


@dataclass(frozen=True)
class Layout:
    size: float
    centre_radius: float
    ring_edges: tuple[float, float, float, float]
    """Inner edge of the nearest ring, then the outer edge of each ring."""
    dot: float
    badge: float
    named: bool
    """Room for a name under each dot (wide pictures), else initials only."""
    sectors: tuple[Sector, ...]
    dots: tuple[Dot, ...]


def point(centre: float, radius: float, angle: float) -> tuple[float, float]:
    return centre + radius * math.sin(angle), centre - radius * math.cos(angle)


def layout_of(circle: Circle, size: float) -> Layout:
    """Everything placed in a `size` × `size` square; in each sector and ring the nearest, then by name, first."""
    dot = min(44.0, max(26.0, size / 12))
    badge = min(32.0, max(24.0, size / 14))
    centre = size / 2
    centre_radius = max(22.0, size * 0.08)
    inner = centre_radius + 4
    outer = centre - badge - 4
    # The nearest ring is the shortest way round, so it is given the widest band: room for more than one there.
    near, middle = (outer - inner) * 0.38, (outer - inner) * 0.33
    edges = (inner, inner + near, inner + near + middle, outer)
    narrowest = min(near, middle, outer - edges[2])
    named = narrowest >= 46  # room for a 30 px dot and its name below
    if named:
        dot = min(dot, narrowest - 16)
    row = dot + GAP + (16 if named else 0)
    supports = [*Support, *([None] if circle.unsorted else [])]
    sweep = 2 * math.pi / len(supports)
    sectors, dots = [], []
    for index, support in enumerate(supports):
        start = index * sweep - sweep / 2
        members = [m for m in circle.members if (support in m.supports if support else not m.supports)]
        bx, by = point(centre, centre - badge / 2 - 2, start + sweep / 2)
        sectors.append(Sector(support, start, sweep, bx, by, not members))
        for ring in Ring:
            in_ring = [m for m in members if m.ring is ring]
            spots = _spots(centre, edges[ring], edges[ring + 1], start, sweep, dot, row, named)
            dots += _filled(spots, in_ring, index, ring)
    return Layout(size, centre_radius, edges, dot, badge, named, tuple(sectors), tuple(dots))


def _spots(centre, low, high, start, sweep, dot, row, named) -> list[tuple[float, float]]:
    """Where dots fit in one sector of one ring: rows from the middle of the band outwards, each row centred; named
    dots further apart, so no dot covers its neighbour's name (which is wider than the dot, and below it)."""
    rows = max(1, int((high - low) // row))
    radii = [low + (high - low) / 2 + (i - (rows - 1) / 2) * row for i in range(rows)]
    step = dot + GAP + (20 if named else 0)
    found = []
    for radius in radii:
        pad = (dot / 2 + GAP / 2) / radius
        usable = sweep - 2 * pad
        count = int(usable * radius // step) + 1 if usable >= 0 else 0
        middle = start + sweep / 2
        found += [point(centre, radius, middle + (j - (count - 1) / 2) * step / radius) for j in range(count)]
    return found


def _filled(spots, members: list[Member], sector: int, ring: Ring) -> list[Dot]:
    """One dot per member while they fit; the last spot becomes "+N" for those that don't."""
    if len(members) <= len(spots):
        return [Dot(x, y, sector, ring, m) for (x, y), m in zip(spots, members)]
    if not spots:
        return []
    shown = len(spots) - 1
    dots = [Dot(x, y, sector, ring, m) for (x, y), m in zip(spots[:shown], members)]
    x, y = spots[shown]
    return [*dots, Dot(x, y, sector, ring, None, tuple(members[shown:]))]
