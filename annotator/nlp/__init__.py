"""The only place that imports spaCy: pipelines, pre-annotation, quotes and speakers."""
