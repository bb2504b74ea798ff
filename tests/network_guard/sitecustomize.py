"""Loaded into Tend's own Python process by tests/test_no_network.py (through PYTHONPATH): records, and refuses,
every attempt to reach an address that is not this machine.

Python raises an audit event before it connects, sends or looks a name up; a hook that raises stops the attempt.
"""

import ipaddress
import os
import sys

RECORD = os.environ.get("TEND_NETWORK_RECORD")
WATCHED = {"socket.connect": 1, "socket.sendto": 1, "socket.sendmsg": 1, "socket.getaddrinfo": 0,
           "socket.gethostbyname": 0, "socket.gethostbyaddr": 0, "socket.getnameinfo": 0}
"""Audit event → which of its arguments holds the address or name."""
LOOPBACK_NAMES = {"localhost", "localhost.", "ip6-localhost", "ip6-loopback", ""}


def host_of(address):
    if isinstance(address, tuple):
        address = address[0] if address else None
    if isinstance(address, bytes):
        address = address.decode("ascii", "replace")
    return address


def is_this_machine(address) -> bool:
    host = host_of(address)
    if not isinstance(host, str):
        return True  # no address at all: a lookup for binding, or a send on a connected socket
    if host.lower() in LOOPBACK_NAMES or host.startswith("/") or host.startswith("\0"):
        return True  # loopback by name, or a Unix socket's path
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a name to look up elsewhere: that is the network


def note(line: str) -> None:
    with open(RECORD, "a", encoding="utf-8") as record:
        record.write(line + "\n")


def guard(event: str, args: tuple) -> None:
    position = WATCHED.get(event)
    if position is None:
        return
    address = args[position] if len(args) > position else None
    if is_this_machine(address):
        return
    note(f"refused {event} {address!r}")
    raise ConnectionRefusedError(f"Tend's test guard refused {event} to {address!r}")


if RECORD:
    sys.addaudithook(guard)
    note(f"guard active in {os.getpid()}")
