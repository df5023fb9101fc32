"""The document's span reader (Store.spans): the same spans, in the same order, as reading each row whole."""

import pytest

from annotator.domain import Document, Span
from annotator.store import _SPAN_SELECT, Store, _tuple_span


def plain(store: Store, doc_id: int, include_rejected: bool = False) -> list[Span]:
    """Every column of every row through ``_tuple_span``, ordered by SQLite: what the reader must equal."""
    return store._of_document(_SPAN_SELECT, _tuple_span, doc_id, include_rejected)


@pytest.fixture
def doc(store):
    doc_id, _ = store.add_document(Document("Ana met Bo in Oslo and Lima. " * 20, {"source": "a.txt"}))
    rows = [Span(14, 18, "GPE", "model:sm", doc_id=doc_id), Span(0, 3, "PERSON", doc_id=doc_id),
            Span(0, 7, "PERSON", "model:sm", doc_id=doc_id), Span(0, 3, "ORG", "model:lg", doc_id=doc_id),
            Span(8, 10, "PERSON", "model:sm", doc_id=doc_id, state="rejected"),
            Span(23, 27, "GPE", "rule:x", doc_id=doc_id, state="accepted", analyst="bo"),
            *(Span(30 * k, 30 * k + 3, "PERSON", "model:sm", doc_id=doc_id) for k in range(1, 15))]
    with store.action("seed", undoable=False):
        store.insert_spans(doc_id, rows)
    return doc_id


@pytest.mark.parametrize("include_rejected", [False, True])
def test_the_reader_gives_the_spans_every_column_gives_in_start_end_id_order(store, doc, include_rejected):
    read = store.spans(doc, include_rejected=include_rejected)
    whole = plain(store, doc, include_rejected)
    assert read == whole and [s.id for s in read] == [s.id for s in whole]
    assert [(s.created_at, s.modified_at, repr(s), hash(s)) for s in read] == \
           [(s.created_at, s.modified_at, repr(s), hash(s)) for s in whole]
    assert [(s.start, s.end, s.id) for s in read] == sorted((s.start, s.end, s.id) for s in read)
    assert ("rejected" in {s.state for s in read}) is include_rejected


def test_without_times_the_spans_are_equal_and_carry_no_times(store, doc):
    bare = store.spans(doc, times=False)
    assert bare == store.spans(doc) and bare
    assert {(s.created_at, s.modified_at) for s in bare} == {(None, None)}
    assert all(s.created_at for s in store.spans(doc))
    with pytest.raises(AttributeError):  # still frozen
        bare[0].label = "ORG"  # type: ignore[misc]


def test_rows_written_by_hand_with_no_state_or_a_null_analyst_read_as_span_fills_them(store, doc):
    with store.conn:
        store.conn.execute("UPDATE spans SET state = '', analyst = NULL WHERE label = 'GPE'")
    read = {s.id: s for s in store.spans(doc)}
    for s in plain(store, doc):
        assert read[s.id] == s and read[s.id].state == s.state != ""
        if s.label == "GPE":
            assert read[s.id].analyst is None and read[s.id].state == ("added" if s.origin == "human" else "suggested")


def test_a_foreign_value_that_is_not_text_falls_back_to_reading_rows_whole(tmp_path):
    store = Store(tmp_path / "f.db")
    doc_id, _ = store.add_document(Document("Ana met Bo.", {"source": "a.txt"}))
    with store.action("seed", undoable=False):
        store.insert_spans(doc_id, [Span(0, 3, "PERSON", doc_id=doc_id), Span(8, 10, "PERSON", doc_id=doc_id)])
    with store.conn:  # an integer where text belongs, as another program might have written
        store.conn.execute("UPDATE spans SET analyst = X'00ff' WHERE start = 8")  # a blob: kept as bytes
    assert store.spans(doc_id) == plain(store, doc_id)
    assert [s.analyst for s in store.spans(doc_id)] == [store.analyst, b"\x00\xff"]
    store.close()


def test_many_distinct_values_in_one_column_still_read_right(store):
    doc_id, _ = store.add_document(Document("x " * 400, {"source": "a.txt"}))
    with store.action("seed", undoable=False):  # more labels than the number-per-combination reader takes
        store.insert_spans(doc_id, [Span(2 * k, 2 * k + 1, f"L{k}", doc_id=doc_id) for k in range(200)])
    assert store.spans(doc_id) == plain(store, doc_id) and len(store.spans(doc_id)) == 200


def test_labels_with_quotes_and_unicode_are_matched_as_values_not_sql(store):
    doc_id, _ = store.add_document(Document("abcdefgh", {"source": "a.txt"}))
    labels = ["it's", 'say "x"', "é\u0301😀", "' OR 1=1 --"]
    with store.action("seed", undoable=False):
        store.insert_spans(doc_id, [Span(k, k + 1, lab, doc_id=doc_id) for k, lab in enumerate(labels)])
    assert [s.label for s in store.spans(doc_id)] == labels


def test_an_empty_document_has_no_spans(store):
    doc_id, _ = store.add_document(Document("nothing here", {"source": "a.txt"}))
    assert store.spans(doc_id) == [] and store.spans(doc_id, times=False) == []



def test_spans_at_gives_every_span_of_exactly_that_extent_rejected_ones_included_in_id_order(store, doc):
    other, _ = store.add_document(Document("Ana met Bo in Oslo and Lima. " * 20 + "!", {"source": "b.txt"}))
    with store.action("seed", undoable=False):
        store.insert_spans(other, [Span(0, 3, "PERSON", doc_id=other)])
        store.insert_spans(doc, [Span(8, 10, "ORG", doc_id=doc)])
    for start, end in [(0, 3), (8, 10), (0, 7), (1, 3), (500, 503)]:
        expected = sorted((s for s in plain(store, doc, include_rejected=True) if (s.start, s.end) == (start, end)),
                          key=lambda s: s.id)
        assert store.spans_at(doc, start, end) == expected
    assert {s.state for s in store.spans_at(doc, 8, 10)} == {"rejected", "added"}
    assert [s.doc_id for s in store.spans_at(other, 0, 3)] == [other]
