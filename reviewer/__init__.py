"""reviewer: reviews practice sales voicemails offline."""

__version__ = "0.1.0"
