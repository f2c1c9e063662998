"""Audit a built site as visitors browsers and validators see it."""
