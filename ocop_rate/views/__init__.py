"""Subjects build views; formats draw them. :mod:`ocop_rate.views.registry` says which
formats each subject has and which function draws each; the per-subject modules
(:mod:`~ocop_rate.views.batch`, :mod:`~ocop_rate.views.round`, …) build what is drawn."""
