"""Opening Tend with the phone's fingerprint, face or screen lock, through the flet-local-auth extension, where the
platform has it and nowhere else.

Only built Android and iPhone apps carry the extension (Flet's ready-made desktop window and the web mode don't, and
registering a service a client doesn't know upsets it), so it is offered on phones only, and every call has a
timeout in case a build lacks it.
"""

import asyncio

import flet as ft

PHONES = (ft.PagePlatform.ANDROID, ft.PagePlatform.IOS)
ANSWER_TIMEOUT_SECONDS = 3
PROMPT_TIMEOUT_SECONDS = 120  # a person at the phone's own unlock prompt


async def device_unlock(page):
    """The phone's own unlock service, or None where there is none (noticed within a few seconds)."""
    if page.web or page.platform not in PHONES:
        return None
    try:
        from flet_local_auth import LocalAuthentication
    except ImportError:
        return None
    service = LocalAuthentication()
    try:
        supported = await asyncio.wait_for(service.is_device_supported(), ANSWER_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - no answer in time, or an error: either way, not on this device
        return None
    return service if supported else None


async def unlocked_by_device(service) -> bool:
    """True when the person passed the phone's fingerprint, face or screen-lock check."""
    try:
        return bool(await asyncio.wait_for(service.authenticate("Open Tend"), PROMPT_TIMEOUT_SECONDS))
    except Exception:  # noqa: BLE001 - cancelled, failed or unanswered: the PIN still works
        return False
