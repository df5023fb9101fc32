"""annotator: a desktop annotation tool for news analysts (entities, quotes, speakers, claims)."""

__version__ = "0.1.0"
