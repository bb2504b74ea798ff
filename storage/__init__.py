"""Tend's model layer: durable storage and the rules over it. Nothing here imports flet.

Open data with `storage.store.persistence.Store.open(data_dir, now)`; see that module
for the file format and `storage.store.migrations` for how it changes over time.
"""
