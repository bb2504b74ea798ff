"""Whether a desktop window can be opened here, asked before Flet tries and fails halfway."""

import os
import platform


def desktop_window_problem() -> str | None:
    """A plain sentence saying why no desktop window can be had, or None when one can."""
    if os.environ.get("FLET_PLATFORM") in ("android", "ios") or os.environ.get("FLET_APP_STORAGE_DATA"):
        return None  # a packaged app: Flet's own client is the window
    if platform.system() == "Linux" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return "There is no desktop display here."
    try:
        from flet_desktop import ensure_client_cached

        ensure_client_cached()  # downloads Flet's desktop client on first run
    except Exception as error:  # noqa: BLE001 - any failure means: no window, use the browser
        return f"Tend could not get its desktop window ({type(error).__name__})."
    return None
