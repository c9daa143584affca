"""The certificate register: certificates, their 36-month terms, the re-evaluation window,
revocations and each product's history, in an SQLite file (:mod:`.store`, :mod:`.schema`).
The rules it keeps, each with the line of Decision 26/2026 it follows, are in
:mod:`.rules`. Nothing here prints; ``ocop_rate.cli.register_ask`` and
``register_change`` are the face."""
