"""Commands inside one action: review states, overlaps kept, undo and redo from the journal."""

import pytest

from annotator.commands import (
    AcceptAll,
    AcceptClaims,
    AcceptSpans,
    AddQuote,
    AddSpan,
    ClaimFromQuote,
    ClaimFromText,
    DeleteQuotes,
    DeleteSpans,
    SetStatus,
    UpdateQuote,
    UpdateSpan,
    _word_at,
    suggested_target,
)
from annotator.domain import ChangeKind, Document, Mention, Span
from annotator.store import Store

TEXT = "Foreign Minister Ana Rusu said “we will not yield” in Valdor."


@pytest.fixture
def doc(store):
    doc_id, _ = store.add_document(Document(TEXT, {"source": "t.txt"}))
    return doc_id


def spans(store, doc_id, include_rejected=False):
    return [(s.start, s.end, s.label) for s in store.spans(doc_id, include_rejected)]


def run(store, *commands, label="test"):
    with store.action("test", label=label) as act:
        results = [c.apply(store) for c in commands]
    return act.change(), results


def test_add_span_then_undo_then_redo(store, doc):
    change, [span] = run(store, AddSpan(doc, 17, 25, "PERSON"))
    assert change.doc_ids == {doc} and change.kinds == {ChangeKind.SPANS} and change.span_ids == {span.id}
    assert spans(store, doc) == [(17, 25, "PERSON")] and span.state == "added" and span.analyst == store.analyst
    entry, undone = store.undo(doc)
    assert entry.label == "test" and undone.span_ids == {span.id}
    assert spans(store, doc) == []
    store.redo(doc)
    assert spans(store, doc) == [(17, 25, "PERSON")] and store.span(span.id).id == span.id


def test_a_partial_overlap_adds_beside_and_deletes_nothing(store, doc):
    whole = store.insert_span(Span(17, 25, "PERSON", "model:m", doc_id=doc))
    run(store, AddSpan(doc, 21, 25, "EVENT"))
    assert spans(store, doc) == [(17, 25, "PERSON"), (21, 25, "EVENT")]
    assert store.span(whole.id).state == "suggested"  # untouched


def test_the_exact_extent_relabels_the_span_and_its_own_label_accepts_it(store, doc):
    s = store.insert_span(Span(17, 25, "ORG", "model:m", doc_id=doc))
    run(store, AddSpan(doc, 17, 25, "PERSON"))
    assert spans(store, doc) == [(17, 25, "PERSON")]
    assert store.span(s.id).state == "edited" and store.span(s.id).origin == "model:m"
    t = store.insert_span(Span(54, 60, "GPE", "model:m", doc_id=doc))
    run(store, AddSpan(doc, 54, 60, "GPE"))
    assert store.span(t.id).state == "accepted" and len(store.spans(doc)) == 2


def test_deleting_a_proposal_rejects_it_and_deleting_ones_own_span_removes_it(store, doc):
    machine = store.insert_span(Span(17, 25, "PERSON", "model:m", doc_id=doc))
    mine = store.insert_span(Span(54, 60, "GPE", doc_id=doc))
    change, _ = run(store, DeleteSpans([machine.id, mine.id]))
    assert change.span_ids == {machine.id, mine.id}
    assert spans(store, doc) == []
    assert spans(store, doc, include_rejected=True) == [(17, 25, "PERSON")]
    assert store.span(machine.id).state == "rejected"
    with pytest.raises(KeyError):
        store.span(mine.id)
    store.undo(doc)
    assert spans(store, doc) == [(17, 25, "PERSON"), (54, 60, "GPE")]
    assert store.span(machine.id).state == "suggested"


def test_adding_by_hand_where_a_proposal_was_rejected_revives_it_without_a_duplicate(store, doc):
    machine = store.insert_span(Span(17, 25, "PERSON", "model:m", doc_id=doc))
    run(store, DeleteSpans([machine.id]))
    _, [back] = run(store, AddSpan(doc, 17, 25, "PERSON"))
    assert back.id == machine.id and back.state == "accepted"
    assert len(store.spans(doc, include_rejected=True)) == 1


def test_relabel_resize_and_accept(store, doc):
    span = store.insert_span(Span(17, 25, "ORG", "model:m", doc_id=doc))
    run(store, AcceptSpans([span.id]))
    assert store.span(span.id).state == "accepted"
    run(store, UpdateSpan(span.id, label="PERSON"))
    assert store.span(span.id).label == "PERSON" and store.span(span.id).state == "edited"
    run(store, UpdateSpan(span.id, start=0, end=25))
    assert spans(store, doc) == [(0, 25, "PERSON")]
    store.undo(doc)
    store.undo(doc)
    assert spans(store, doc) == [(17, 25, "ORG")] and store.span(span.id).state == "accepted"


def test_resize_beyond_the_text_fails_and_changes_nothing(store, doc):
    span = store.insert_span(Span(17, 25, "PERSON", doc_id=doc))
    entries = len(store.log())
    with pytest.raises(ValueError):
        run(store, UpdateSpan(span.id, end=len(TEXT) + 5))
    assert spans(store, doc) == [(17, 25, "PERSON")] and len(store.log()) == entries


def test_a_failing_command_rolls_back_the_whole_action(store, doc):
    a = store.insert_span(Span(17, 25, "PERSON", doc_id=doc))
    entries = len(store.log())
    with pytest.raises(KeyError):
        run(store, DeleteSpans([a.id]), UpdateSpan(999999, label="ORG"))
    assert spans(store, doc) == [(17, 25, "PERSON")] and len(store.log()) == entries


def test_quote_add_set_speaker_resize_delete(store, doc):
    _, [q] = run(store, AddQuote(doc, 32, 49))
    assert TEXT[q.start : q.end] == "we will not yield" and q.speaker is None and q.state == "added"
    run(store, UpdateQuote(q.id, speaker=Mention(17, 25)))
    assert store.quote(q.id).speaker == Mention(17, 25)
    store.undo(doc)
    assert store.quote(q.id).speaker is None
    run(store, UpdateQuote(q.id, start=35))
    assert TEXT[store.quote(q.id).start : store.quote(q.id).end] == "will not yield"
    run(store, DeleteQuotes([q.id]))
    assert store.quotes(doc) == [] and store.quotes(doc, include_rejected=True) == []  # the analyst's own: gone
    store.undo(doc)
    assert store.quote(q.id).start == 35


def test_status_and_bad_status(store, doc):
    change, [previous] = run(store, SetStatus(doc, "done"))
    assert previous == "new" and change.kinds == {ChangeKind.STATUS}
    assert store.document(doc).status == "done"
    store.undo(doc)
    assert store.document(doc).status == "new"
    with pytest.raises(ValueError, match="status must be one of"):
        run(store, SetStatus(doc, "finished"))


def test_every_action_is_saved_at_once(tmp_path):
    path = tmp_path / "live.db"
    writer = Store(path)
    doc_id, _ = writer.add_document(Document(TEXT, {"source": "t.txt"}))
    run(writer, AddSpan(doc_id, 17, 25, "PERSON"))
    reader = Store(path)  # another connection sees it without any save step or close
    assert spans(reader, doc_id) == [(17, 25, "PERSON")]


def test_a_new_action_ends_the_redo_history(store, doc):
    run(store, AddSpan(doc, 17, 25, "PERSON"))
    store.undo(doc)
    assert store.next_redo(doc) is not None
    run(store, AddSpan(doc, 54, 60, "GPE"))
    assert store.next_redo(doc) is None and store.redo(doc) is None
    assert spans(store, doc) == [(54, 60, "GPE")]


def test_undo_refuses_when_the_rows_changed_since_and_stays_undoable(store, doc):
    _, [span] = run(store, AddSpan(doc, 17, 25, "PERSON"))
    run(store, UpdateSpan(span.id, label="ORG"), label="relabel")
    other = Store(store.path)  # another program deletes the span behind our back
    with other.action("outside"):
        other.db.execute("UPDATE spans SET label = 'GPE' WHERE id = ?", [span.id])
    from annotator.store import UndoConflict

    with pytest.raises(UndoConflict, match="cannot undo 'relabel'"):
        store.undo(doc)
    assert store.span(span.id).label == "GPE"
    assert store.next_undo(doc).label == "relabel"  # still there, not silently dropped


def test_setting_a_quotes_speaker_moves_the_claimant_of_its_suggested_claims_only(store):
    from annotator.domain import Claim, Quote

    text = "Ana Rusu met Ion Popa. “Valdor is ours,” Rusu said. “Valdor decides,” Popa said."
    doc_id, _ = store.add_document(Document(text, {"source": "t.txt"}))
    ana, ion, rusu = Mention(0, 8), Mention(13, 21), Mention(40, 44)
    first = (text.index("Valdor is"), text.index(",”"))
    second = (text.index("Valdor decides"), text.index("decides") + 7)
    with store.action("seed", undoable=False):
        q1 = store.insert_quote(Quote(*first, speaker=ana, speaker_mention=rusu, origin="rule:q", doc_id=doc_id))
        q2 = store.insert_quote(Quote(*second, speaker=ana, origin="rule:q", doc_id=doc_id))
        made = [store.insert_claim(Claim("territory", (Mention(*first),), claimant=c, quote_id=q1.id, origin=o,
                                         doc_id=doc_id)) for c, o in ((ana, "rule:claims"), (rusu, "rule:claims"),
                                                                       (ana, "human"))]
        other = store.insert_claim(Claim("sovereignty", (Mention(*second),), claimant=ana, quote_id=q2.id,
                                         origin="rule:claims", doc_id=doc_id))
    change, _ = run(store, UpdateQuote(q1.id, speaker=ion))
    claimants = {c.id: c.claimant for c in store.claims(doc_id)}
    assert [claimants[c.id] for c in made] == [ion, ion, ana]  # the analyst's own claim keeps its claimant
    assert claimants[other.id] == ana  # another quote's claim is not touched
    assert {c.state for c in store.claims(doc_id) if c.id in (made[0].id, made[1].id)} == {"suggested"}
    assert ChangeKind.CLAIMS in change.kinds and len(store.history(doc_id)) == 1  # one action, one entry
    store.undo(doc_id)
    assert {c.id: c.claimant for c in store.claims(doc_id)} == {made[0].id: ana, made[1].id: rusu,
                                                                   made[2].id: ana, other.id: ana}
    assert store.quote(q1.id).speaker == ana


# -- AddQuote and a speaker change read only what they need (indexed store queries); held equal to a whole read --

QUOTED = "Ana Rusu said “we will not yield, never” and Ion Popa said “we will see” today in Valdor." + " More." * 200


def _quotes_whole(store, doc_id, start, end):
    """What AddQuote looked at before: the document's every quote (rejected included), those of exactly this
    extent, in the reader's order."""
    return [q for q in store.quotes(doc_id, include_rejected=True) if (q.start, q.end) == (start, end)]


def _following_whole(store, quote):
    """The claims a speaker change moved before: read from the document's every claim."""
    was = {m for m in (quote.speaker, quote.speaker_mention) if m is not None}
    evidence = Mention(quote.start, quote.end)
    return [c for c in store.claims(quote.doc_id) if c.state == "suggested" and c.claimant in was
            and (c.quote_id == quote.id or evidence in c.evidence)]


@pytest.fixture
def crowded(store):
    """Quotes that overlap, nest, touch end to start and share an extent, in every review state, in both layers;
    suggested claims on them and beside them, some with a claimant that is no speaker, some made from a quote
    whose evidence is elsewhere, some with evidence whose numbers contain a quote's start; evidence cells
    written by hand. Returns (document, its quotes, the claims with those cells)."""
    from annotator.domain import Claim, Quote

    doc_id, _ = store.add_document(Document(QUOTED, {"source": "q.txt"}))
    other, _ = store.add_document(Document(QUOTED + " Other.", {"source": "other.txt"}))  # (one text: one document)
    ana, ion, popa = Mention(0, 8), Mention(44, 52), Mention(48, 52)
    a, b = QUOTED.index("we will not"), QUOTED.index("we will see")
    extents = [(a, a + 14), (a, a + 14), (a, a + 25), (a + 3, a + 14), (a + 14, a + 25), (b, b + 11),
               (b, b + 7), (b + 7, b + 11), (b, b + 11), (a + 1, a + 2), (a + 11, a + 12)]
    states = ["suggested", "rejected", "accepted", "edited", "added"]
    with store.action("seed", undoable=False):
        quotes = []
        for n, (start, end) in enumerate(extents):
            state, origin = states[n % 5], "human" if states[n % 5] == "added" else "rule:q"
            speaker = (ana, ion, None)[n % 3]
            quotes.append(store.insert_quote(Quote(start, end, speaker=speaker, speaker_mention=popa if n % 4 == 1
                                                   else None, origin=origin, state=state, doc_id=doc_id)))
        store.insert_quote(Quote(a, a + 14, speaker=ana, origin="rule:q", doc_id=other))  # another document
        n = 0
        for q in quotes:
            for claimant in (ana, ion, popa, None):
                for evidence in ((Mention(q.start, q.end),), (Mention(0, 3), Mention(q.start, q.end)),
                                 (Mention(q.start, q.end + 1),), (Mention(10 * q.start + 1, 10 * q.start + 3),)):
                    state = states[n % 5]
                    origin = "human" if state == "added" else "rule:claims"
                    store.insert_claim(Claim("sovereignty", evidence, claimant=claimant, origin=origin, state=state,
                                             quote_id=(q.id if n % 3 == 0 else quotes[n % len(quotes)].id),
                                             doc_id=doc_id))
                    n += 1
        store.layer = "gold"  # a claim of the gold layer is never the analysts'
        store.insert_claim(Claim("sovereignty", (Mention(a, a + 14),), claimant=ana, origin="rule:claims",
                                 state="suggested", quote_id=quotes[0].id, doc_id=doc_id))
        store.insert_quote(Quote(a, a + 14, speaker=ana, origin="rule:q", doc_id=doc_id))
        store.layer = ""
    # cells written by hand or another program: a float, a quoted number, an exponent (no digits of the start in
    # it) name the first quote to the reader; a damaged cell names nothing
    cells = ("not json", f"[[{a}.0, {a + 14}]]", f'[["{a}", {a + 14}]]', f"[[{a / 10}e1, {a + 14}]]")
    hand = [c.id for c in store.claims(doc_id) if c.state == "suggested" and c.claimant == ana
            and c.quote_id != quotes[0].id][:len(cells)]
    for cell, claim_id in zip(cells, hand, strict=True):
        store.conn.execute("UPDATE claims SET evidence = ? WHERE id = ?", [cell, claim_id])
    store.conn.commit()
    return doc_id, quotes, hand


def test_quotes_at_is_the_whole_read_narrowed_to_one_extent(store, crowded):
    doc_id, quotes, _hand = crowded
    extents = {(q.start, q.end) for q in quotes} | {(q.start, q.end + 1) for q in quotes} | {(0, 8)}
    for start, end in sorted(extents):
        assert store.quotes_at(doc_id, start, end) == _quotes_whole(store, doc_id, start, end)
    assert len(store.quotes_at(doc_id, quotes[0].start, quotes[0].end)) == 2  # a suggestion and a rejected one
    store.layer = "gold"
    gold = store.quotes_at(doc_id, quotes[0].start, quotes[0].end)
    assert gold == _quotes_whole(store, doc_id, quotes[0].start, quotes[0].end) and len(gold) == 1
    store.layer = ""


def test_suggested_claims_on_a_quote_are_those_the_whole_read_found(store, crowded):
    doc_id, quotes, hand = crowded
    for q in quotes:
        was = {m for m in (q.speaker, q.speaker_mention) if m is not None}
        expected = _following_whole(store, q)
        assert store.suggested_claims_on(doc_id, q.id, Mention(q.start, q.end), was) == expected
    assert sum(len(_following_whole(store, q)) for q in quotes) > 10  # the test looks at something
    # the cells written by hand are read as the whole reader reads them
    found = {c.id for c in _following_whole(store, quotes[0])}
    assert [i in found for i in hand] == [False, True, True, True]


@pytest.mark.parametrize("nth", range(11))
def test_add_quote_and_a_speaker_change_do_what_they_did(store, crowded, nth):
    """Each command on each quote of the crowded document: the rows it leaves are those the whole read left."""
    doc_id, quotes, _hand = crowded
    q = quotes[nth]
    before_quotes = _quotes_whole(store, doc_id, q.start, q.end)
    taken = next((x for x in before_quotes if x.state in ("rejected", "suggested")), None)
    moved = {c.id for c in _following_whole(store, q) if c.claimant != Mention(60, 64)}
    claims_before = {c.id: c for c in store.claims(doc_id, include_rejected=True)}
    _, (made,) = run(store, AddQuote(doc_id, q.start, q.end))
    if taken is not None:
        assert made.id == taken.id and made.state == "accepted"
    else:
        assert made.id not in {x.id for x in quotes} and made.state == "added"
    run(store, UpdateQuote(q.id, speaker=Mention(60, 64)))
    after = {c.id: c for c in store.claims(doc_id, include_rejected=True)}
    assert {i for i in after if after[i].claimant != claims_before[i].claimant} == moved
    assert all(after[i].claimant == Mention(60, 64) for i in moved)


def test_add_quote_and_a_speaker_change_never_read_the_document_whole(store, crowded, monkeypatch):
    doc_id, quotes, _hand = crowded

    def whole(*_args, **_kwargs):
        raise AssertionError("read the document's every quote or claim")

    for name in ("quotes", "claims", "spans"):
        monkeypatch.setattr(store, name, whole)
    run(store, AddQuote(doc_id, quotes[0].start, quotes[0].end), AddQuote(doc_id, 1, 5),
        UpdateQuote(quotes[0].id, speaker=Mention(60, 64)))


# -- ClaimFromQuote, the object offered for a claim and AcceptAll read only what they need; held equal to whole reads --


def _offered_whole(store, doc_id, evidence):
    """What ClaimFromQuote looked at before: the document's every claim, those with this evidence."""
    return [c for c in store.claims(doc_id) if evidence in c.evidence]


def test_claims_with_evidence_are_those_the_whole_read_found(store, crowded):
    doc_id, quotes, hand = crowded
    extents = {(q.start, q.end) for q in quotes} | {(q.start, q.end + 1) for q in quotes} | {(0, 3), (1, 2), (5, 9)}
    for start, end in sorted(extents):
        assert store.claims_with_evidence(doc_id, Mention(start, end)) == _offered_whole(store, doc_id, Mention(start, end))
    first = Mention(quotes[0].start, quotes[0].end)
    found = {c.id for c in store.claims_with_evidence(doc_id, first)}
    assert len(found) > 10 and [i in found for i in hand] == [False, True, True, True]  # cells written by hand
    store.layer = "gold"
    gold = store.claims_with_evidence(doc_id, first)
    assert gold == _offered_whole(store, doc_id, first) and len(gold) == 1
    store.layer = ""


@pytest.mark.parametrize("nth", range(11))
def test_claim_from_quote_decides_what_the_whole_read_offered(store, crowded, nth):
    doc_id, quotes, _hand = crowded
    q = quotes[nth]
    offered = _offered_whole(store, doc_id, Mention(q.start, q.end))
    suggestion = next((c for c in offered if c.state == "suggested"), None)
    _, (made,) = run(store, ClaimFromQuote(q.id, "sovereignty", "favour"))
    if suggestion is not None:
        assert made.id == suggestion.id and made.state == "edited"  # (a stance of its own: edited)
    else:
        assert made.state == "added" and made.evidence == (Mention(q.start, q.end),)


# places that overlap, nest, touch end to start and share an extent, in every state and both layers
PLACES = ("In Valdor the Valdor Council met; Upper Reach and Reach elders, Korlan and the Korlanese envoy, "
          "Ana Rusu of Tavn, spoke in Tavn Hall about Valdor and Upper Reach.") + " Later." * 50


@pytest.fixture
def places(store):
    doc_id, _ = store.add_document(Document(PLACES, {"source": "places.txt"}))
    other, _ = store.add_document(Document(PLACES + " Other.", {"source": "other.txt"}))

    def at(word, nth=0):
        i = -1
        for _ in range(nth + 1):
            i = PLACES.index(word, i + 1)
        return i, i + len(word)

    marked = [(at("Valdor"), "GPE"), (at("Valdor", 1), "GPE"), (at("Valdor Council"), "ORG"),
              (at("Upper Reach"), "LOC"), (at("Reach", 1), "LOC"), (at("Reach", 2), "NORP"), (at("Korlan"), "GPE"),
              (at("Korlanese"), "NORP"), (at("Ana Rusu"), "PERSON"), (at("Tavn"), "GPE"), (at("Tavn Hall"), "ORG"),
              (at("Tavn Hall"), "LOC"), (at("Tavn", 1), "GPE"), (at("Upper Reach", 1), "GPE"),
              (at("Upper Reach", 1), "LOC"), ((at("Valdor", 2)[0] - 6, at("Valdor", 2)[1]), "GPE")]
    states = ["suggested", "rejected", "accepted", "edited", "added"]
    with store.action("seed", undoable=False):
        for n, ((start, end), label) in enumerate(marked):
            state = states[n % 5]
            store.insert_span(Span(start, end, label, "human" if state == "added" else "model:m", state=state,
                                   doc_id=doc_id))
        store.insert_span(Span(*at("Ana Rusu"), "GPE", "model:m", doc_id=other))  # another document's
        store.layer = "gold"
        store.insert_span(Span(*at("Ana Rusu"), "GPE", "human", doc_id=doc_id))  # the gold layer's
        store.layer = ""
    return doc_id


def _target_whole(store, doc_id, start, end):
    """suggested_target as it was, reading the document's every span (names of one length: by name)."""
    labels = ("GPE", "LOC", "NORP", "ORG")
    spans = [s for s in store.spans(doc_id) if s.label in labels]
    if not spans:
        return None
    rank = {label: n for n, label in enumerate(labels)}
    inside = [s for s in spans if start <= s.start and s.end <= end]
    if inside:
        best = min(inside, key=lambda s: (rank[s.label], s.start))
        return Mention(best.start, best.end)
    if end > start:
        text = store.document(doc_id).text
        for name in sorted({text[s.start:s.end] for s in spans if s.label != "ORG"}, key=lambda n: (-len(n), n)):
            at = _word_at(text, name, start, end)
            if at is not None:
                return Mention(at, at + len(name))
    before = [s for s in spans if s.end <= start]
    best = max(before, key=lambda s: (s.end, -rank[s.label])) if before else min(spans, key=lambda s: s.start)
    return Mention(best.start, best.end)


def test_the_object_offered_is_the_one_the_whole_read_offered(store, places):
    cut = sorted({0, 1, 2, 3, 8, 9, len(PLACES) - 1, len(PLACES)}
                 | {x for s in store.spans(places, include_rejected=True) for x in (s.start - 1, s.start, s.end, s.end + 1)})
    seen = set()
    for start in cut:
        for end in cut:
            if 0 <= start <= end <= len(PLACES):
                expected = _target_whole(store, places, start, end)
                assert suggested_target(store, places, start, end) == expected, (start, end)
                seen.add(expected)
    assert len(seen) > 8  # many different answers: inside, named inside, before, the first
    assert suggested_target(store, places, 0, 0) == Mention(3, 9)  # nothing before: the first place
    empty, _ = store.add_document(Document("No places here at all.", {"source": "none.txt"}))
    assert suggested_target(store, empty, 0, 5) is None
    store.layer = "gold"
    assert suggested_target(store, places, 0, 5) == _target_whole(store, places, 0, 5) == Mention(*[
        (s.start, s.end) for s in store.spans(places)][0])
    store.layer = ""


def test_accept_all_accepts_what_the_whole_read_found(store, crowded, places):
    from annotator.domain import Claim, Quote

    doc_id, quotes, _hand = crowded
    with store.action("seed", undoable=False):  # spans in every state, a quote and a claim of no confidence given
        for n, state in enumerate(["suggested", "rejected", "accepted", "edited", "added", "suggested"]):
            store.insert_span(Span(n, n + 4, "GPE", "human" if state == "added" else "model:m", state=state,
                                   doc_id=doc_id))
        store.insert_quote(Quote(2, 9, origin="rule:q", state="suggested", confidence=0.5, doc_id=doc_id))
        store.insert_claim(Claim("contest", (Mention(2, 9),), origin="rule:claims", state="suggested",
                                 confidence=0.79, doc_id=doc_id))
    store.conn.execute("UPDATE quotes SET confidence = NULL WHERE id = ?", [quotes[0].id])
    store.conn.execute("UPDATE claims SET confidence = NULL, state = '' WHERE id IN (SELECT id FROM claims"
                       " WHERE origin != 'human' AND state = 'suggested' LIMIT 3)")  # machine rows with no state
    store.conn.commit()
    expected = ([s.id for s in store.spans(doc_id) if s.state == "suggested"],
                [q.id for q in store.quotes(doc_id) if q.state == "suggested" and q.confidence >= 0.8],
                [c.id for c in store.claims(doc_id) if c.state == "suggested" and c.confidence >= 0.8])
    assert (store.suggested_ids("spans", doc_id), store.suggested_ids("quotes", doc_id, 0.8),
            store.suggested_ids("claims", doc_id, 0.8)) == expected
    assert all(expected) and quotes[0].id in expected[1]
    others = {s.id: s.state for s in store.spans(places, include_rejected=True)}
    _, (counts,) = run(store, AcceptAll(doc_id, 0.8))
    assert counts == (len(expected[0]), len(expected[1]), len(expected[2]) - 1, 1)  # the damaged cell left alone
    assert all(s.state == "accepted" for s in store.spans_by_id(expected[0]))
    assert [c.state for c in store.claims(doc_id) if c.confidence < 0.8 and c.origin != "human"].count("suggested") > 0
    assert {s.id: s.state for s in store.spans(places, include_rejected=True)} == others  # another document's kept
    assert store.suggested_ids("spans", doc_id) == [] and store.suggested_ids("claims", doc_id, 0.8) == [_hand[0]]
    with pytest.raises(ValueError):
        store.suggested_ids("documents", doc_id)


def test_claims_from_quotes_and_text_and_accept_all_never_read_the_document_whole(store, crowded, places,
                                                                                 monkeypatch):
    doc_id, quotes, _hand = crowded  # (a damaged evidence cell among the claims: Accept all leaves it)
    first = quotes[0]

    def whole(*_args, **_kwargs):
        raise AssertionError("read the document's every span, quote or claim")

    for name in ("quotes", "claims", "spans"):
        monkeypatch.setattr(store, name, whole)
    plain = next(q for q in quotes if q.state == "accepted")
    run(store, ClaimFromQuote(first.id, "sovereignty"), ClaimFromQuote(plain.id, "contest", "against"),
        ClaimFromText(places, 40, 60, "sovereignty"), ClaimFromText(places, 150, 160, "sovereignty"),
        AcceptAll(doc_id), AcceptAll(places))


# -- Accept all with damaged rows: the sound suggestions accepted in one action, the damaged left as they are --


def _rows(store):
    """Every annotation row as it is on disk, and the documents' states (not their last-change time)."""
    tables = {t: store.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("spans", "quotes", "claims")}
    return tables, store.conn.execute("SELECT id, status, note FROM documents ORDER BY id").fetchall()


def test_accept_all_skips_damaged_rows_and_accepts_the_rest_in_one_action(store, crowded, places):
    from annotator.domain import Accepted, Quote

    doc_id, _quotes, hand = crowded  # hand[0]'s evidence cell is "not json"; the other hand cells read as numbers
    with store.action("seed", undoable=False):
        bad_span = store.insert_span(Span(0, 3, "GPE", "model:m", doc_id=doc_id)).id
        bad_quote = store.insert_quote(Quote(4, 9, origin="rule:q", confidence=0.9, doc_id=doc_id)).id
    big = len(QUOTED) + 5  # offsets another program wrote past the text's end
    store.conn.execute('UPDATE spans SET "end" = ? WHERE id = ?', [big, bad_span])
    store.conn.execute("UPDATE quotes SET speaker_start = 2, speaker_end = ? WHERE id = ?", [big, bad_quote])
    store.conn.commit()
    assert store.damaged("claims", doc_id, store.suggested_ids("claims", doc_id)) == [hand[0]]
    assert store.damaged("spans", doc_id, store.suggested_ids("spans", doc_id)) == [bad_span]
    assert store.damaged("quotes", doc_id, store.suggested_ids("quotes", doc_id)) == [bad_quote]
    wanted = {t: store.suggested_ids(t, doc_id, None if t == "spans" else 0.8) for t in ("spans", "quotes", "claims")}
    before = _rows(store)
    entries = len(store.log())

    change, (done,) = run(store, AcceptAll(doc_id, 0.8))
    assert done == Accepted(len(wanted["spans"]) - 1, len(wanted["quotes"]) - 1, len(wanted["claims"]) - 1, damaged=3)
    assert len(store.log()) == entries + 1  # one journal entry
    assert store.suggested_ids("spans", doc_id) == [bad_span]
    assert store.suggested_ids("quotes", doc_id, 0.8) == [bad_quote]
    assert store.suggested_ids("claims", doc_id, 0.8) == [hand[0]]
    cell = store.conn.execute("SELECT evidence, state, modified_at FROM claims WHERE id = ?", [hand[0]]).fetchone()
    assert cell == next(r for r in before[0]["claims"] if r[0] == hand[0])[8:9] + cell[1:] and cell[0] == "not json"
    untouched = {t: {r[0]: r for r in before[0][t]} for t in before[0]}
    now = _rows(store)[0]
    for table, row_id in (("spans", bad_span), ("quotes", bad_quote), ("claims", hand[0])):
        assert next(r for r in now[table] if r[0] == row_id) == untouched[table][row_id]  # byte for byte
    assert change.claim_ids == frozenset(wanted["claims"]) - {hand[0]}

    store.undo(doc_id)
    assert _rows(store) == before  # exactly as it was
    store.redo(doc_id)
    assert store.suggested_ids("claims", doc_id, 0.8) == [hand[0]] and store.suggested_ids("spans", doc_id) == [bad_span]


def _damaged_claim(store, doc, cell: str):
    """A suggested claim whose evidence cell another program overwrote with ``cell``."""
    from annotator.domain import Claim

    with store.action("seed", undoable=False):
        claim = store.insert_claim(Claim("sovereignty", (Mention(0, 7),), origin="rule:c", state="suggested",
                                         doc_id=doc))
    store.conn.execute("UPDATE claims SET evidence = ? WHERE id = ?", [cell, claim.id])
    store.conn.commit()
    return claim


def test_accept_all_with_only_damaged_suggestions_writes_nothing(store, doc):
    from annotator.domain import Accepted

    claim = _damaged_claim(store, doc, "[[0, 7], [3]]")
    entries = len(store.log())
    _, (done,) = run(store, AcceptAll(doc, 0.8))
    assert done == Accepted(0, 0, 0, damaged=1)
    assert len(store.log()) == entries and store.claim(claim.id).state == "suggested"
    with pytest.raises(ValueError):
        store.damaged("documents", doc, [1])


def _save_refuses(store, table, row_id):
    """Whether saving the row accepted, one row at a time as the store's checks go, refuses it."""
    update = {"spans": store.update_span, "quotes": store.update_quote, "claims": store.update_claim}[table]
    try:
        with store.action("probe", undoable=False):
            update(row_id, state="accepted")
            raise LookupError  # (roll the probe back)
    except LookupError:
        return False
    except (ValueError, TypeError):
        return True


SPAN_CELLS = [(0, 3), (-1, 3), (3, 3), (4, 3), (0, 10_000), ("0", 3), (0.5, 3), (1.0, 3), ("x", 3), (0, "x"),
              (0, len(TEXT)), (0, len(TEXT) + 1)]
QUOTE_PARTS = [(None, None), (2, None), (2, 5), (5, 2), (2, 10_000), (-2, 3), (2.5, 4)]
EVIDENCE_CELLS = ["[[0, 7]]", "not json", "[[0, 7], [3]]", "[]", "[[0, 7.0]]", '[["0", 7]]', "[[0, 1000]]", "null",
                  '{"a": 1}', "[[7, 0]]", "[[0, 7, 9]]", '[["x", 7]]']


def test_damaged_is_what_a_save_would_refuse(store, doc):
    from annotator.domain import Claim, Quote

    with store.action("seed", undoable=False):
        spans = [store.insert_span(Span(0, 3, "GPE", "model:m", doc_id=doc)).id for _ in SPAN_CELLS]
        quotes = [store.insert_quote(Quote(0, 7, origin="rule:q", doc_id=doc)).id for _ in QUOTE_PARTS]
        claims = [store.insert_claim(Claim("sovereignty", (Mention(0, 7),), origin="rule:c", state="suggested",
                                           doc_id=doc)).id for _ in EVIDENCE_CELLS]
    for span_id, (start, end) in zip(spans, SPAN_CELLS, strict=True):
        store.conn.execute('UPDATE spans SET start = ?, "end" = ? WHERE id = ?', [start, end, span_id])
    for quote_id, (start, end) in zip(quotes, QUOTE_PARTS, strict=True):
        store.conn.execute("UPDATE quotes SET speaker_start = ?, speaker_end = ? WHERE id = ?", [start, end, quote_id])
    for claim_id, cell in zip(claims, EVIDENCE_CELLS, strict=True):
        store.conn.execute("UPDATE claims SET evidence = ? WHERE id = ?", [cell, claim_id])
    store.conn.commit()
    for table, ids in (("spans", spans), ("quotes", quotes), ("claims", claims)):
        refused = [i for i in ids if _save_refuses(store, table, i)]
        assert sorted(store.damaged(table, doc, ids)) == refused, table
        assert 0 < len(refused) < len(ids)  # (both kinds among them)
    assert store.damaged("claims", doc, claims[:2]) == [claims[1]]  # only the rows named are looked at


def test_accept_all_is_one_update_for_any_number_of_suggestions(store, doc):
    """The ids go to SQLite as one JSON list, not a placeholder each: more suggestions than SQLite's limit on
    bound variables are accepted in one action, and undone."""
    import sqlite3

    with store.action("seed", undoable=False):
        store.insert_spans(doc, [Span(i % 50, i % 50 + 1, "GPE", "model:m") for i in range(300)])
    store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 100)
    statements = []
    store.conn.set_trace_callback(statements.append)
    _, (done,) = run(store, AcceptAll(doc))
    store.conn.set_trace_callback(None)
    assert done.spans == 300 and store.suggested_ids("spans", doc) == []
    # one statement (the trace repeats its text for each trigger it fires; a row at a time would name each id)
    assert len({s for s in statements if s.startswith("UPDATE spans")}) == 1
    store.undo(doc)
    assert len(store.suggested_ids("spans", doc)) == 300


def test_accepting_one_damaged_claim_says_it_is_damaged_and_changes_nothing(store, doc):
    claim = _damaged_claim(store, doc, "not json")
    before, entries = _rows(store), len(store.log())
    with pytest.raises(ValueError, match="is damaged"):
        run(store, AcceptClaims([claim.id]))
    assert _rows(store) == before and len(store.log()) == entries
