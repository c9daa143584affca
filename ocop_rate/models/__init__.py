"""Validated, immutable values: rubrics, dossiers and ratings. Imports nothing of ours."""
