"""Resources shipped in the package as ``annotator.resources``: the default codebook (``codebook.toml``)."""
