"""Readers for rubric and dossier files; every error they raise names file, line and field."""
