"""How data files written by older versions of Tend are brought up to date.

Every data file is a JSON object of tables. Its schema version sits in a
`_meta` table:

    {"_meta": {"1": {"schema": 1}}, "records": {"<uuid>": {...}, ...}}

A file without `_meta` predates versioning and counts as version 0.
`STEPS[n]` turns a version-n file into a version n+1 file, so the current
version is `len(STEPS)`. Steps are pure dict-to-dict functions; they never
touch the disk. To change the format, append a step and never edit an old one.
"""

from collections.abc import Callable, Sequence

META_TABLE = "_meta"
META_ID = "1"
RECORDS_TABLE = "records"

Migration = Callable[[dict], dict]


def _updated_from_created(tables: dict) -> dict:
    """Version 0 records had no `updated`: start it at `created`."""
    records = {
        record_id: {**doc, "updated": doc.get("updated", doc.get("created"))} if "created" in doc else dict(doc)
        for record_id, doc in tables.get(RECORDS_TABLE, {}).items()
    }
    return {**tables, RECORDS_TABLE: records}


STEPS: tuple[Migration, ...] = (_updated_from_created,)
CURRENT_SCHEMA = len(STEPS)


def schema_of(tables: dict) -> int:
    """The schema version a file says it has (0 if it predates versioning)."""
    meta = tables.get(META_TABLE, {}).get(META_ID, {})
    version = meta.get("schema", 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ValueError(f"schema version {version!r} is not a whole number")
    return version


def with_schema(tables: dict, version: int) -> dict:
    """`tables` marked as being at `version`."""
    return {**tables, META_TABLE: {META_ID: {"schema": version}}}


def migrated(tables: dict, steps: Sequence[Migration] = STEPS) -> dict:
    """`tables` brought to the newest version `steps` know, applying each step in order."""
    version = schema_of(tables)
    if version > len(steps):
        raise ValueError(f"schema {version} is newer than this app knows ({len(steps)})")
    for step in steps[version:]:
        tables = step(tables)
    return with_schema(tables, len(steps))
