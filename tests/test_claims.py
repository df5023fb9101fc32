"""Claims as annotations: the store, commands with undo, the API, re-runs that respect decisions, the codebook's
claim scheme, and export as JSONL, claims-csv and GraphML (read back by networkx). Articles invented here."""

import csv
import io
import json
import sqlite3
from dataclasses import astuple

import networkx as nx
import pytest
from click.testing import CliRunner

import annotator
from annotator.cli import cli
from annotator.codebook import CodebookError, load_codebook, parse_codebook
from annotator.commands import ApplyProposals, ClaimFromQuote, DeleteClaims
from annotator.domain import REJECTED, Claim, Document, Mention, PipelineInfo, Quote, Span

TEXT = ("Tavn minister Odile Rask said on Friday: “No one but Tavn governs the Upper Reach.”\n\n"
        "Rask added that the Korlan claim to the valley was “an insult to every Tavnian.”\n\n"
        "The Korlan government in Visse said the Upper Reach had always been part of Korla.\n")
INFO = PipelineInfo("m", "1", "claims@0.1.0")


def at(needle, text=TEXT):
    i = text.index(needle)
    return Mention(i, i + len(needle))


@pytest.fixture
def project(tmp_path):
    with annotator.open_project(tmp_path / "c.db", analyst="ana") as p:
        doc_id, _ = p.store.add_document(Document(TEXT, meta={"source": "wire/tavn.txt", "date": "2026-11-30"}))
        p.doc_id = doc_id
        yield p


def quote_of(p):
    (q,) = p.store.insert_quotes(p.doc_id, [Quote(at("No one").start, at("Upper Reach.”").end - 1,
                                                   speaker=at("Odile Rask"), origin="human")])
    return q


def test_add_update_delete_are_one_action_each_and_undo(project):
    p = project
    c = p.add_claim(p.doc_id, "sovereignty", [at("No one but Tavn governs the Upper Reach.")],
                    claimant=at("Odile Rask"), object=at("Tavn"), stance="favour", strength=2)
    assert (c.state, c.analyst, c.origin) == ("added", "ana", "human")
    assert p.document(p.doc_id).status == "in_progress"  # the first edit starts the document
    entries = len(p.history(p.doc_id))
    p.update_claim(c.id, stance="against", strength=-1, addressee=at("Korlan"))
    assert len(p.history(p.doc_id)) == entries + 1
    got = p.claims(p.doc_id)[0]
    assert (got.stance, got.strength, got.addressee) == ("against", -1, at("Korlan"))
    p.undo(p.doc_id)
    got = p.claims(p.doc_id)[0]
    assert (got.stance, got.strength, got.addressee) == ("favour", 2, None)
    p.delete_claim(c.id)  # the analyst's own claim goes
    assert p.claims(p.doc_id, include_rejected=True) == []
    p.undo(p.doc_id)
    assert [x.id for x in p.claims(p.doc_id)] == [c.id]
    p.redo(p.doc_id)
    assert p.claims(p.doc_id) == []


def test_claim_from_quote_takes_speaker_and_quote(project):
    p = project
    qid = quote_of(p)
    claim = p.claim_from_quote(qid, "sovereignty")
    quote = p.store.quote(qid)
    assert claim.evidence == (Mention(quote.start, quote.end),)
    assert claim.claimant == at("Odile Rask") and claim.quote_id == qid
    assert claim.target is None  # no polity-like entity in the document to offer


def test_claim_from_quote_offers_the_nearest_polity(project):
    p = project
    p.store.insert_spans(p.doc_id, [Span(*astuple(at("Upper Reach")), "LOC", "model:m@1"),
                                    Span(*astuple(at("Korla.")), "GPE", "model:m@1")])
    claim = p.claim_from_quote(quote_of(p), "territory", "favour")
    assert claim.target == at("Upper Reach")


def test_bad_claims_are_refused_and_nothing_written(project):
    p = project
    before = p.store.log()
    for kwargs, message in [
        ({"type": "sovereignty", "evidence": []}, "evidence"),
        ({"type": "sovereignty", "evidence": [(0, 10_000)]}, "does not fit"),
        ({"type": "sovereignty", "evidence": [(0, 4)], "strength": 5}, "strength"),
        ({"type": "", "evidence": [(0, 4)]}, "type"),
        ({"type": "sovereignty", "evidence": [(0, 4)], "object": (3, 2)}, "object"),
    ]:
        with pytest.raises(ValueError, match=message):
            p.add_claim(p.doc_id, **kwargs)
    with pytest.raises(TypeError, match="no field"):
        p.add_claim(p.doc_id, "sovereignty", [(0, 4)], colour="red")
    assert p.store.log() == before and p.claims(p.doc_id) == []


def test_document_level_stance_needs_no_evidence(project):
    c = project.add_claim(project.doc_id, "other", scope="document", object=at("Korla"), stance="against")
    assert c.scope == "document" and c.evidence == ()


def suggestion(**kw):
    base = dict(claim_type="sovereignty", evidence=(at("No one but Tavn governs the Upper Reach."),),
                claimant=at("Odile Rask"), target=at("Tavn"), stance="favour", origin="rule:claims", confidence=0.9,
                cue="governs")
    return Claim(**{**base, **kw})


def test_rerun_never_revives_a_rejected_or_overwrites_an_edited_claim(project):
    p = project
    report = p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion()]))[0]
    assert report.added_claims == 1
    (c,) = p.claims(p.doc_id)
    assert c.state == "suggested" and c.origin == "rule:claims@0.1.0"
    p.run(DeleteClaims([c.id]))
    assert p.store.claim(c.id).state == REJECTED  # a suggestion is kept, rejected
    report = p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion()]))[0]
    assert (report.added_claims, report.skipped) == (0, 1)
    assert p.claims(p.doc_id) == []
    p.undo(p.doc_id)  # the re-run
    p.undo(p.doc_id)  # the rejection
    p.update_claim(c.id, stance="neutral")
    assert p.store.claim(c.id).state == "edited"
    p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion(stance="against")]))
    (only,) = p.claims(p.doc_id)
    assert (only.id, only.stance) == (c.id, "neutral")


def test_rerun_withdraws_a_suggestion_it_no_longer_makes_and_links_quotes(project):
    p = project
    qid = quote_of(p)
    q = p.store.quote(qid)
    p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion(evidence=(Mention(q.start, q.end),))]))
    (c,) = p.claims(p.doc_id)
    assert c.quote_id == qid
    report = p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[]))[0]
    assert report.withdrawn == 1 and p.claims(p.doc_id, include_rejected=True) == []


def test_accept_all_takes_confident_claims(project):
    p = project
    p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[
        suggestion(), suggestion(evidence=(at("an insult to every Tavnian."),), confidence=0.3, claim_type="contest")]))
    from annotator.commands import AcceptAll

    assert p.run(AcceptAll(p.doc_id, 0.8))[0] == (0, 0, 1, 0)  # spans, quotes, claims accepted; none damaged
    assert sorted(c.state for c in p.claims(p.doc_id)) == ["accepted", "suggested"]


def test_old_placeholder_claims_table_is_migrated(tmp_path):
    """A database from before claims (schema m001-m004) with a row in the placeholder table opens with it kept."""
    from annotator.store import Store

    path = tmp_path / "old.db"
    s = Store(path)
    doc_id, _ = s.add_document(Document(TEXT))
    s.close()
    conn = sqlite3.connect(path)
    conn.executescript("""
        DROP TABLE claims;
        CREATE TABLE claims (id INTEGER PRIMARY KEY, doc_id INTEGER REFERENCES documents(id), start INTEGER NOT NULL,
          "end" INTEGER NOT NULL, claim_type TEXT NOT NULL, stance TEXT, claimant_start INTEGER, claimant_end INTEGER,
          target TEXT, origin TEXT, created_at TEXT);
        INSERT INTO claims VALUES (7, 1, 0, 4, 'sovereignty', 'favour', 14, 24, 'Tavn', 'human', '2026-01-01');
        DELETE FROM _sqlite_migrations WHERE name IN ('m005_claims', 'm007_team');
    """)
    conn.commit()
    conn.close()
    s = Store(path)
    (c,) = s.claims(doc_id)
    assert (c.id, c.evidence, c.claimant, c.note, c.state) == (7, (Mention(0, 4),), Mention(14, 24), "Tavn", "added")
    s.close()


# -- codebook -----------------------------------------------------------------------------------

BASE = '[[entity]]\nlabel = "ORG"\nkey = "o"\ncolor = "#aabbcc"\n'
TYPE = ('[[claim_type]]\nid = "sovereignty"\nname = "Own"\nkey = "1"\ncolor = "#aabbcc"\ndefinition = "d"\n'
        'example = "e"\n')
STANCE = '[[stance]]\nid = "favour"\nname = "Favour"\nkey = "+"\ncolor = "#aabbcc"\nvalue = 1\n'


def test_shipped_codebook_has_every_claim_type_stance_and_aspect():
    book = load_codebook()
    assert [c.id for c in book.claim_types] == ["sovereignty", "contest", "territory", "interference",
                                               "self_determination", "pooling", "other"]
    assert [(s.id, s.value) for s in book.stances] == [("against", -1), ("neutral", 0), ("favour", 1)]
    assert len(book.aspects) == 4
    assert all(c.definition and c.example and c.key for c in book.claim_types)
    keys = [e.key for e in book.entities] + [c.key for c in book.claim_types] + [s.key for s in book.stances]
    assert len(keys) == len(set(keys))
    assert book.stance_by_key("=").id == "favour"


@pytest.mark.parametrize("text, message", [
    (BASE + TYPE.replace('key = "1"', 'key = "o"') + STANCE, "already used by entity ORG"),
    (BASE + TYPE.replace('key = "1"', 'key = "c"') + STANCE, "already used by the window"),
    (BASE + TYPE + TYPE.replace('key = "1"', 'key = "2"') + STANCE, "listed twice"),
    (BASE + TYPE.replace('id = "sovereignty"', 'id = "Own Type"') + STANCE, "lower_case"),
    (BASE + TYPE.replace('example = "e"\n', '') + STANCE, "missing example"),
    (BASE + TYPE + STANCE.replace("value = 1", "value = 3"), "value 3"),
    (BASE + TYPE + STANCE.replace('color = "#aabbcc"', 'color = "red"'), "color 'red'"),
    (BASE + STANCE, r"no \[\[claim_type\]\] tables; add"),
    (BASE + TYPE, r"no \[\[stance\]\] tables; add"),
])
def test_bad_claim_scheme_names_the_line_and_the_fix(text, message):
    with pytest.raises(CodebookError, match=message) as info:
        parse_codebook(text, "team.toml")
    assert "team.toml" in str(info.value)


def test_a_codebook_change_never_orphans_claims(project):
    p = project
    p.add_claim(p.doc_id, "secession_talk", [(0, 4)], stance="wary")
    book = load_codebook()
    claims = p.claims(p.doc_id)
    assert book.unknown_values(claims) == {"type secession_talk": 1, "stance wary": 1}
    assert book.type_name("secession_talk") == "secession_talk (unknown type)"
    assert claims[0].claim_type == "secession_talk"  # kept as it was


# -- export -------------------------------------------------------------------------------------


def coded(tmp_path):
    """Two documents: Rask (named in full once, then by surname) claims Tavn; Visse contests; the outlet too."""
    db = tmp_path / "x.db"
    with annotator.open_project(db, analyst="ana") as p:
        d1, _ = p.store.add_document(Document(TEXT, meta={"source": "wire/tavn.txt", "date": "2026-11-30"}))
        p.add_claim(d1, "sovereignty", [at("No one but Tavn governs the Upper Reach.")], claimant=at("Odile Rask"),
                    object=at("Upper Reach"), stance="favour", strength=2)
        rask = TEXT.index("Rask added")
        p.add_claim(d1, "territory", [at("an insult to every Tavnian.")], claimant=(rask, rask + 4),
                    object=at("Upper Reach"), stance="favour")
        last = TEXT.rindex("Upper Reach")
        p.add_claim(d1, "territory", [at("the Upper Reach had always been part of Korla")],
                    claimant=at("The Korlan government"), object=(last, last + 11), stance="against", strength=-2)
        text2 = "=cmd| Editorial: Korla must respect Tavn.\n"
        d2, _ = p.store.add_document(Document(text2, meta={"source": "ed/korla.txt", "outlet": "The Tavn Herald"}))
        p.add_claim(d2, "interference", [Mention(0, len(text2) - 1)], outlet=True, object=at("Tavn", text2),
                    addressee=at("Korla", text2), stance="favour")
    return db


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_jsonl_claims_have_exact_offsets(tmp_path):
    db = coded(tmp_path)
    out = run("export", "--db", db, "-o", "-")
    assert out.exit_code == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    claims = records[0]["claims"]
    assert [c["type"] for c in claims] == ["sovereignty", "territory", "territory"]
    for c in claims:
        for part in [*c["evidence"], c["claimant"], c["object"]]:
            assert TEXT[part["start"]:part["end"]] == part["text"]
    assert claims[0]["strength"] == 2 and claims[0]["origin"] == "human" and claims[0]["analyst"] == "ana"
    assert records[1]["claims"][0]["outlet"] is True and records[1]["claims"][0]["claimant"] is None
    assert "claim 4" in out.stderr


def test_claims_csv_one_row_per_claim_with_names_merged(tmp_path):
    db = coded(tmp_path)
    out = tmp_path / "c.csv"
    assert run("export", "--db", db, "--format", "claims-csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    assert [r["claimant"] for r in rows[:2]] == ["Odile Rask", "Odile Rask"]  # "Rask" is the same person
    assert rows[0]["date"] == "2026-11-30" and rows[0]["source"] == "wire/tavn.txt"
    assert rows[3]["claimant"] == "outlet: The Tavn Herald" and rows[3]["evidence"].startswith("'=cmd|")


def test_graphml_reads_back_with_networkx(tmp_path):
    db = coded(tmp_path)
    out = tmp_path / "c.graphml"
    assert run("export", "--db", db, "--format", "graphml", "-o", out).exit_code == 0
    g = nx.read_graphml(out)
    edge = g.edges["Odile Rask", "Upper Reach"]
    assert (edge["weight"], edge["favour"], edge["sign"], edge["stance_sum"]) == (2, 2, 1, 3.0)
    assert edge["types"] == "sovereignty;territory"
    against = g.edges["The Korlan government", "Upper Reach"]
    assert (against["sign"], against["against"]) == (-1, 1)
    assert g.nodes["Upper Reach"]["kind"] == "object" and g.nodes["Odile Rask"]["kind"] == "actor"
    assert g.has_edge("outlet: The Tavn Herald", "Tavn")


@pytest.mark.parametrize("claim, message", [
    ({"type": "sovereignty", "evidence": [], "origin": "human", "state": "added"}, "no evidence"),
    ({"type": "sovereignty", "evidence": [{"start": 0, "end": 999}], "origin": "human", "state": "added"}, "fit"),
    ({"type": None, "evidence": [{"start": 0, "end": 4}], "origin": "human", "state": "added"}, "type"),
    ({"type": "x", "evidence": [{"start": 0, "end": 4}], "strength": 9, "origin": "human", "state": "added"},
     "strength"),
    ({"type": "x", "evidence": [{"start": 0, "end": 4, "text": "nope"}], "origin": "human", "state": "added"},
     "the text there"),
    ({"type": "x", "evidence": [{"start": 0, "end": 4}], "origin": "human", "state": "maybe"}, "state"),
])
def test_bad_claims_in_an_import_are_one_line_and_skip_the_record(tmp_path, claim, message):
    record = {"id": 1, "text": TEXT, "meta": {}, "status": "new", "spans": [], "quotes": [], "claims": [claim],
              "rejected": {}}
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = run("import", src, "--db", tmp_path / "d.db", "--no-preannotate")
    assert out.exit_code == 1 and message in out.stderr and "claim 1" in out.stderr
    with annotator.open_project(tmp_path / "d.db") as p:
        assert p.documents() == []


def test_claim_from_quote_is_one_journal_entry(project):
    p = project
    qid = quote_of(p)
    before = len(p.store.log(p.doc_id))
    p.run(ClaimFromQuote(qid, "sovereignty", "favour"))
    assert len(p.store.log(p.doc_id)) == before + 1
    assert [(c.state, c.stance) for c in p.claims(p.doc_id)] == [("added", "favour")]


def test_object_offered_from_inside_the_quote_first(project):
    """A name the model tagged elsewhere is found again inside the quote, before any entity outside it."""
    p = project
    korla = TEXT.index("Korla.")
    p.store.insert_spans(p.doc_id, [Span(korla, korla + 5, "GPE", "model:m@1"),
                                    Span(*astuple(at("Odile Rask")), "PERSON", "model:m@1")])
    text = TEXT
    tavn_in_quote = text.index("Tavn governs")
    p.store.insert_spans(p.doc_id, [Span(0, 4, "NORP", "model:m@1")])  # "Tavn" at the start, as a NORP
    claim = p.claim_from_quote(quote_of(p), "sovereignty")
    assert claim.target == Mention(tavn_in_quote, tavn_in_quote + 4)


def test_c_on_a_suggested_claim_decides_it_instead_of_doubling_it(project):
    p = project
    qid = quote_of(p)
    q = p.store.quote(qid)
    p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion(evidence=(Mention(q.start, q.end),))]))
    (s,) = p.claims(p.doc_id)
    same = p.claim_from_quote(qid, "sovereignty", "favour")
    assert (same.id, same.state) == (s.id, "accepted")
    p.undo(p.doc_id)
    other = p.claim_from_quote(qid, "territory", "against")
    assert (other.id, other.state, other.claim_type, other.stance) == (s.id, "edited", "territory", "against")
    assert len(p.claims(p.doc_id)) == 1


def test_c_finds_a_suggestion_whose_evidence_holds_the_quote_among_others(project):
    p = project
    qid = quote_of(p)
    q = p.store.quote(qid)
    both = (Mention(q.start, q.end), at("an insult to every Tavnian."))
    p.run(ApplyProposals(p.doc_id, [], [], INFO, claims=[suggestion(evidence=both)]))
    (s,) = p.claims(p.doc_id)
    decided = p.claim_from_quote(qid, "sovereignty", "favour")
    assert (decided.id, decided.state, decided.evidence) == (s.id, "accepted", both)
    assert len(p.claims(p.doc_id)) == 1
