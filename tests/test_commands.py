import pytest

from annotator.commands import AddQuote, AddSpan, DeleteQuote, DeleteSpan, SetStatus, UpdateQuote, UpdateSpan
from annotator.domain import Document, Mention, Span
from annotator.store import Store

TEXT = "Foreign Minister Ana Rusu said “we will not yield” in Valdor."


@pytest.fixture
def doc(store):
    doc_id, _ = store.add_document(Document(TEXT, {"source": "t.txt"}))
    return doc_id


def spans(store, doc_id):
    return [(s.start, s.end, s.label) for s in store.spans(doc_id)]


def test_add_span_then_undo_then_redo(store, doc):
    cmd = AddSpan(doc, 17, 25, "PERSON")
    change = cmd.apply(store)
    assert change.doc_ids == {doc} and change.kinds == {"spans"}
    assert spans(store, doc) == [(17, 25, "PERSON")]
    cmd.revert(store)
    assert spans(store, doc) == []
    cmd.apply(store)
    assert spans(store, doc) == [(17, 25, "PERSON")]
    assert [r["action"] for r in store.log(doc)][-3:] == ["add_span", "undo_add_span", "add_span"]


def test_adding_over_overlapping_spans_replaces_them_and_undo_brings_them_back(store, doc):
    store.insert_span(Span(17, 20, "ORG", "model:m", doc_id=doc))
    store.insert_span(Span(21, 25, "GPE", "model:m", doc_id=doc))
    store.insert_span(Span(54, 60, "GPE", "model:m", doc_id=doc))
    cmd = AddSpan(doc, 17, 25, "PERSON")
    cmd.apply(store)
    assert spans(store, doc) == [(17, 25, "PERSON"), (54, 60, "GPE")]
    cmd.revert(store)
    assert spans(store, doc) == [(17, 20, "ORG"), (21, 25, "GPE"), (54, 60, "GPE")]


def test_delete_and_relabel_and_resize_revert_exactly(store, doc):
    span = store.insert_span(Span(17, 25, "ORG", "model:m", doc_id=doc))
    relabel = UpdateSpan(span.id, label="PERSON")
    relabel.apply(store)
    assert store.span(span.id).label == "PERSON" and store.span(span.id).origin == "human"
    relabel.revert(store)
    assert store.span(span.id).label == "ORG" and store.span(span.id).origin == "model:m"
    resize = UpdateSpan(span.id, start=0, end=25)
    resize.apply(store)
    assert spans(store, doc) == [(0, 25, "ORG")]
    resize.revert(store)
    delete = DeleteSpan(span.id)
    delete.apply(store)
    assert spans(store, doc) == []
    delete.revert(store)
    assert spans(store, doc) == [(17, 25, "ORG")] and store.span(span.id).id == span.id


def test_resize_beyond_the_text_fails_and_changes_nothing(store, doc):
    span = store.insert_span(Span(17, 25, "PERSON", doc_id=doc))
    with pytest.raises(ValueError):
        UpdateSpan(span.id, end=len(TEXT) + 5).apply(store)
    assert spans(store, doc) == [(17, 25, "PERSON")]


def test_quote_add_set_speaker_resize_delete(store, doc):
    add = AddQuote(doc, 32, 49)
    add.apply(store)
    [q] = store.quotes(doc)
    assert TEXT[q.start : q.end] == "we will not yield" and q.speaker is None
    speaker = UpdateQuote(q.id, speaker=Mention(17, 25))
    speaker.apply(store)
    assert store.quote(q.id).speaker == Mention(17, 25)
    speaker.revert(store)
    assert store.quote(q.id).speaker is None
    resize = UpdateQuote(q.id, start=35)
    resize.apply(store)
    assert TEXT[store.quote(q.id).start : store.quote(q.id).end] == "will not yield"
    delete = DeleteQuote(q.id)
    delete.apply(store)
    assert store.quotes(doc) == []
    delete.revert(store)
    assert store.quote(q.id).start == 35
    add_again = AddQuote(doc, 0, 7)
    add_again.apply(store)
    add_again.revert(store)
    assert len(store.quotes(doc)) == 1


def test_status_and_bad_status(store, doc):
    cmd = SetStatus(doc, "done")
    cmd.apply(store)
    assert store.document(doc).status == "done"
    cmd.revert(store)
    assert store.document(doc).status == "new"
    with pytest.raises(ValueError, match="status must be one of"):
        SetStatus(doc, "finished").apply(store)


def test_every_action_is_saved_at_once(tmp_path):
    path = tmp_path / "live.db"
    writer = Store(path)
    doc_id, _ = writer.add_document(Document(TEXT, {"source": "t.txt"}))
    AddSpan(doc_id, 17, 25, "PERSON").apply(writer)
    reader = Store(path)  # another connection sees it without any save step or close
    assert spans(reader, doc_id) == [(17, 25, "PERSON")]


def test_replacing_machine_annotations_keeps_the_analysts_and_undo_restores_the_old(store, doc):
    from annotator.commands import ReplaceMachineAnnotations
    from annotator.domain import Quote

    store.insert_span(Span(17, 25, "PERSON", "human", doc_id=doc))
    store.insert_span(Span(54, 60, "ORG", "model:old", doc_id=doc))
    cmd = ReplaceMachineAnnotations(doc, [Span(54, 60, "GPE", "model:new"), Span(17, 20, "ORG", "model:new")],
                                    [Quote(32, 49, origin="rule:quotes")])
    change = cmd.apply(store)
    assert change.kinds == {"spans", "quotes"}
    assert spans(store, doc) == [(17, 25, "PERSON"), (54, 60, "GPE")]  # the overlap with the analyst's span is dropped
    assert [(q.start, q.end) for q in store.quotes(doc)] == [(32, 49)]
    cmd.revert(store)
    assert spans(store, doc) == [(17, 25, "PERSON"), (54, 60, "ORG")]
    assert store.quotes(doc) == []
