"""Validated, immutable values: rubrics, dossiers and ratings. Imports nothing of ours but
the one date reader (``ocop_rate.models.days``)."""
