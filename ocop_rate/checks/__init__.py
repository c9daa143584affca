"""Checks for CI: rubric lints (``validate``), rubric change impact (``diff``) and golden
expectations (``check``). Plain functions returning result values; reports render them."""
