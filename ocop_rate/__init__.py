"""ocop-rate: rate OCOP products (One Commune One Product) against official scoring rubrics.

The library never prints and never exits; :mod:`ocop_rate.cli` is the only terminal face.
"""

__version__ = "0.1.0"
