"""The rules read a Doc's text through ``once.text_of``: spaCy's ``doc.text`` joins every token's text anew on each
access (about 3.5 ms for a news article), and one such call per claim pass cost pre-annotation 3% (session 11)."""

from __future__ import annotations

import ast
from pathlib import Path

import annotator.nlp

NLP = Path(annotator.nlp.__file__).parent


def _doc_text_reads(tree: ast.AST) -> list[int]:
    """Lines reading ``<x>.text`` where ``<x>`` is a name ``doc`` or an attribute ``….doc``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "text":
            owner = node.value
            if (isinstance(owner, ast.Name) and owner.id == "doc") or (
                    isinstance(owner, ast.Attribute) and owner.attr == "doc"):
                found.append(node.lineno)
    return found


def test_no_rule_joins_the_doc_text_itself():
    offenders = {}
    for path in sorted(NLP.glob("*.py")):
        if path.name == "once.py":  # the one place that joins it, once per Doc
            continue
        lines = _doc_text_reads(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            offenders[path.name] = lines
    assert offenders == {}, f"read the text with once.text_of(doc): {offenders}"


def test_the_check_finds_a_doc_text_read():
    assert _doc_text_reads(ast.parse("def f(doc, q):\n    return doc.text[q.start:q.end] + q.doc.text")) == [2, 2]
