"""What time it is for Tend, and in which time zone: the system's, or, for tests, a moment written in a file.

Every screen asks `Tend.now()` instead of the system clock, so a test can move time forward (say, to when a
reminder comes due) by rewriting one file, and never waits for real minutes.
"""

import os
from datetime import datetime, timezone, tzinfo
from pathlib import Path
from typing import Callable, Mapping
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

CLOCK_FILE_VARIABLE = "TEND_CLOCK_FILE"
_ZONEINFO_ROOT = "zoneinfo/"


def local_zone(environ: Mapping[str, str] = os.environ, localtime: Path = Path("/etc/localtime")) -> tzinfo:
    """The named zone (so daylight saving is followed) from TZ or the system's link; else today's fixed offset."""
    names = [environ.get("TZ", "").lstrip(":")]
    if localtime.is_symlink():
        target = str(localtime.resolve())
        names.append(target.split(_ZONEINFO_ROOT, 1)[1] if _ZONEINFO_ROOT in target else "")
    for name in filter(None, names):
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return datetime.now().astimezone().tzinfo or timezone.utc


def clock_for(zone: tzinfo, environ: Mapping[str, str] = os.environ) -> Callable[[], datetime]:
    """The system clock in `zone`, or the moment in the file named by TEND_CLOCK_FILE (read at every call)."""
    path = environ.get(CLOCK_FILE_VARIABLE)
    if not path:
        return lambda: datetime.now(zone)
    return lambda: datetime.fromisoformat(Path(path).read_text().strip()).astimezone(zone)
