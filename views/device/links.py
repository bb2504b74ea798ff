"""Opening tel:, sms:, mailto: and web links through Flet's URL launcher, never waiting on it forever."""

import asyncio

import flet as ft

LAUNCH_TIMEOUT_SECONDS = 5


async def open_link(url: str) -> bool:
    """True when the device accepted the link; False when it refused or did not answer in time."""
    try:
        await asyncio.wait_for(ft.UrlLauncher().launch_url(url), LAUNCH_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - a client without a launcher, a refusal or a timeout all mean "not opened"
        return False
    return True
