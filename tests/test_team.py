"""Several analysts: merging their databases (nothing lost, nothing doubled, twice is harmless), their exports
joining a team file, each analyst's status kept apart, the layers an export takes, and the gold layer."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from annotator.api import open_project
from annotator.cli import cli
from annotator.commands import TakeVersions
from annotator.domain import Document, Mention, Quote, Span
from annotator.store import GOLD, Store, team
from annotator.team import codings, majority, merge, version_key

TEXTS = [
    "Ana Rusu said Belarus will not join the union. The Kremlin said nothing.",
    "“We decide for ourselves,” Lukashenko said in Minsk on Monday.",
    "Putin met Lukashenko in Sochi. Both spoke of a union state.",
]


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def lead(tmp_path):
    """A database with three documents and machine suggestions, as a lead hands it out."""
    path = tmp_path / "lead.db"
    s = Store(path, analyst="lead")
    with s.action("import", undoable=False):
        for text in TEXTS:
            doc_id, _ = s.add_document(Document(text, {"source": f"d{len(text)}.txt"}))
            for needle, label in (("Lukashenko", "PERSON"), ("Belarus", "GPE"), ("Minsk", "GPE"), ("Putin", "PERSON")):
                if needle in text:
                    s.insert_span(Span(*find(text, needle), label, "model:test@1", doc_id=doc_id))
    s.close()
    return path


def copy_for(lead, tmp_path, name: str):
    path = tmp_path / f"{name}.db"
    shutil.copy(lead, path)
    return path


def identities(path) -> set:
    s = Store(path, write=False)
    try:
        out = set()
        for doc_id in s.document_ids():
            doc = s.document(doc_id)
            for item in (*s.spans(doc_id, True), *s.quotes(doc_id, True), *s.claims(doc_id, True)):
                out.add((doc.hash, team._identity(item)))
        return out
    finally:
        s.close()


def code_two(lead, tmp_path):
    """ana and ben code the same copies differently."""
    ana, ben = copy_for(lead, tmp_path, "ana"), copy_for(lead, tmp_path, "ben")
    with open_project(ana, analyst="ana") as p:
        d = p.documents()[0]
        p.add_span(d.id, *find(d.text, "Ana Rusu"), "PERSON")
        p.add_span(d.id, *find(d.text, "Kremlin"), "ORG")
        belarus = next(s for s in p.spans(d.id) if s.label == "GPE")
        p.delete_spans([belarus.id])  # ana rejects the suggestion
        p.set_status(d.id, "done")
        p.set_note(d.id, "union claim, check")
    with open_project(ben, analyst="ben") as p:
        d = p.documents()[0]
        p.add_span(d.id, *find(d.text, "Ana Rusu"), "PERSON")
        p.add_span(d.id, *find(d.text, "Kremlin"), "GPE")  # disagrees with ana on the label
        belarus = next(s for s in p.spans(d.id) if s.label == "GPE")
        p.accept_spans([belarus.id])
        p.set_status(d.id, "done")
    return ana, ben


def test_merge_keeps_each_analysts_work_once_and_twice_is_harmless(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    target = Store(tmp_path / "team.db", analyst="lead")
    report = merge(target, [(ana, None), (ben, None)])
    assert report.documents_added == 3 and report.documents_matched == 3
    merged = identities(tmp_path / "team.db")
    assert identities(ana) <= merged and identities(ben) <= merged
    assert len(merged) == len(identities(ana) | identities(ben))  # nothing doubled
    doc = target.document_ids()[0]
    assert team.reviews(target, doc) == {"ana": ("done", "union claim, check"), "ben": ("done", "")}
    assert report.conflicts == []  # both done, one note: nothing differs
    again = merge(target, [(ana, None), (ben, None)])
    assert (again.spans, again.quotes, again.claims, again.documents_added) == (0, 0, 0, 0)
    assert again.already > 0 and identities(tmp_path / "team.db") == merged
    target.close()


def test_merge_reports_conflicting_statuses_and_keeps_both(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    with open_project(ben, analyst="ben") as p:
        p.set_status(p.documents()[0].id, "flagged")
    target = Store(tmp_path / "team.db")
    report = merge(target, [(ana, None), (ben, None)])
    doc = target.document_ids()[0]
    assert team.reviews(target, doc)["ben"][0] == "flagged" and team.reviews(target, doc)["ana"][0] == "done"
    assert [d for d, _ in report.conflicts] == [doc]
    assert "ana: done" in report.conflicts[0][1] and "ben: flagged" in report.conflicts[0][1]
    target.close()


def test_codings_follow_what_each_analyst_decided(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    target = Store(tmp_path / "team.db")
    merge(target, [(ana, None), (ben, None)])
    doc_id = target.document_ids()[0]
    text = target.document(doc_id).text
    by = codings(target, doc_id)
    assert sorted(by) == ["ana", "ben"]
    said = {name: sorted((text[s.start:s.end], s.label) for s in c.spans) for name, c in by.items()}
    assert said["ana"] == [("Ana Rusu", "PERSON"), ("Kremlin", "ORG")]  # Belarus rejected: not hers
    assert said["ben"] == [("Ana Rusu", "PERSON"), ("Belarus", "GPE"), ("Kremlin", "GPE")]
    assert target.document(doc_id).id == doc_id
    row = target.db.execute("SELECT disagreement FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    assert row is not None and 0 < row <= 1  # they disagree on Kremlin and Belarus
    untouched = target.document_ids()[1]  # both left it: one analyst at most, no figure
    assert target.db.execute("SELECT disagreement FROM documents WHERE id = ?", [untouched]).fetchone()[0] is None
    target.close()


@pytest.mark.parametrize("seed", range(6))
def test_merge_loses_nothing_over_random_edits(lead, tmp_path, seed):
    rng = random.Random(seed)
    paths = []
    for name in ("ana", "ben", "cy"):
        path = copy_for(lead, tmp_path, name)
        with open_project(path, analyst=name) as p:
            for _ in range(12):
                d = rng.choice(p.documents())
                spans = p.spans(d.id)
                move = rng.random()
                if move < 0.4 or not spans:
                    a = rng.randrange(0, len(d.text) - 5)
                    p.add_span(d.id, a, a + rng.randint(1, 5), rng.choice(["PERSON", "ORG", "GPE"]))
                elif move < 0.6:
                    p.delete_spans([rng.choice(spans).id])
                elif move < 0.8:
                    p.relabel_span(rng.choice(spans).id, rng.choice(["PERSON", "ORG", "LOC"]))
                else:
                    p.set_status(d.id, rng.choice(["done", "skipped", "flagged"]))
        paths.append(path)
    target = Store(tmp_path / "team.db")
    merge(target, [(p, None) for p in paths])
    first = identities(tmp_path / "team.db")
    union = set().union(*(identities(p) for p in paths))
    assert first == union
    merge(target, [(p, None) for p in reversed(paths)])
    assert identities(tmp_path / "team.db") == first
    assert target.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    target.close()


def test_a_document_in_one_file_only_is_added_and_named_sources_say_whose(lead, tmp_path):
    ana = copy_for(lead, tmp_path, "ana")
    with open_project(ana, analyst="x") as p:  # the file's own name for its analyst is overridden
        doc_id, _ = p.store.add_document(Document("Only ana has this one: Tavnia declared independence."))
        p.set_status(doc_id, "done")
    target = Store(tmp_path / "team.db")
    report = merge(target, [(ana, "ana")])
    assert report.documents_added == 4
    added = target.find_by_hash(Document("Only ana has this one: Tavnia declared independence.").hash)
    assert team.reviews(target, added) == {"ana": ("done", "")}
    target.close()


def test_exports_join_a_team_file_as_each_analysts(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    run = CliRunner().invoke
    for name, path in (("ana", ana), ("ben", ben)):
        out = tmp_path / f"{name}.jsonl"
        assert run(cli, ["export", "--db", str(path), "-o", str(out)]).exit_code == 0
    team_db = tmp_path / "team.db"
    first = run(cli, ["import", str(tmp_path / "ana.jsonl"), "--db", str(team_db), "--analyst", "ana"])
    assert first.exit_code == 0, first.output
    second = run(cli, ["import", str(tmp_path / "ben.jsonl"), "--db", str(team_db), "--analyst", "ben"])
    assert second.exit_code == 0, second.output
    assert "as ben's" in second.output
    s = Store(team_db, write=False)
    doc = s.find_by_hash(Document(TEXTS[0]).hash)
    assert team.reviews(s, doc) == {"ana": ("done", "union claim, check"), "ben": ("done", "")}
    labels = sorted((x.analyst, x.label) for x in s.spans(doc) if x.state != "suggested")
    assert ("ana", "ORG") in labels and ("ben", "GPE") in labels
    before = len(s.spans(doc, include_rejected=True))
    s.close()
    again = run(cli, ["import", str(tmp_path / "ben.jsonl"), "--db", str(team_db), "--analyst", "ben"])
    assert again.exit_code == 0
    s = Store(team_db, write=False)
    assert len(s.spans(doc, include_rejected=True)) == before  # importing it twice adds nothing
    s.close()


def test_majority_takes_what_most_analysts_hold():
    from annotator.curation.agreement import Coding

    text = "Ana Rusu met Putin in Minsk."
    rusu, putin, minsk = find(text, "Ana Rusu"), find(text, "Putin"), find(text, "Minsk")
    by = {
        "a": Coding(spans=[Span(*rusu, "PERSON"), Span(*minsk, "GPE")]),
        "b": Coding(spans=[Span(*rusu, "PERSON"), Span(*minsk, "LOC"), Span(*putin, "PERSON")]),
        "c": Coding(spans=[Span(*rusu, "PERSON"), Span(*minsk, "GPE")]),
    }
    kept = majority(by, text)
    assert sorted((text[s.start:s.end], s.label) for s in kept.spans) == [("Ana Rusu", "PERSON"), ("Minsk", "GPE")]
    by["c"] = Coding(spans=[Span(*rusu, "ORG")])  # Minsk now GPE / LOC / nothing: no two agree
    assert [(text[s.start:s.end], s.label) for s in majority(by, text).spans] == [("Ana Rusu", "PERSON")]


def test_gold_layer_is_apart_and_exported_alone(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    team_db = tmp_path / "team.db"
    target = Store(team_db, analyst="lead")
    merge(target, [(ana, None), (ben, None)])
    doc_id = target.document_ids()[0]
    text = target.document(doc_id).text
    by = codings(target, doc_id)
    kremlin_org = next(s for s in by["ana"].spans if text[s.start:s.end] == "Kremlin")
    with open_project(team_db, analyst="lead") as p:
        (made,) = p.run(TakeVersions(doc_id, [kremlin_org, kremlin_org]))
        assert len(made) == 1 and made[0].analyst == "lead" and made[0].state == "added"
        assert all(s.label != "ORG" or s.analyst == "ana" for s in p.spans(doc_id))  # not in the analysts' layer
        p.store.layer = GOLD
        assert [(s.start, s.end, s.label) for s in p.spans(doc_id)] == [(kremlin_org.start, kremlin_org.end, "ORG")]
        p.undo(doc_id)
        assert p.spans(doc_id) == []
        p.redo(doc_id)
        p.store.layer = ""
    target.close()
    run = CliRunner().invoke
    out = tmp_path / "gold.jsonl"
    result = run(cli, ["export", "--db", str(team_db), "--layer", "gold", "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(r["id"], [(s["text"], s["label"]) for s in r["spans"]]) for r in records] == [(doc_id, [("Kremlin", "ORG")])]
    ana_out = tmp_path / "ana-layer.jsonl"
    assert run(cli, ["export", "--db", str(team_db), "--layer", "analyst:ana", "-o", str(ana_out)]).exit_code == 0
    (rec,) = [json.loads(line) for line in ana_out.read_text().splitlines()]
    assert sorted(s["text"] for s in rec["spans"]) == ["Ana Rusu", "Kremlin"]
    bad = run(cli, ["export", "--db", str(team_db), "--layer", "best"])
    assert bad.exit_code == 2 and "--layer is one of" in bad.output


def test_merge_command_and_its_bad_input(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    run = CliRunner().invoke
    team_db = tmp_path / "team.db"
    ok = run(cli, ["merge", str(ana), f"ben={ben}", "-o", str(team_db)])
    assert ok.exit_code == 0, ok.output
    assert "merged 2 source(s)" in ok.output
    missing = run(cli, ["merge", str(tmp_path / "nope.db"), "-o", str(team_db)])
    assert missing.exit_code == 2 and "file not found" in missing.output
    itself = run(cli, ["merge", str(team_db), "-o", str(team_db)])
    assert itself.exit_code == 2 and "target database itself" in itself.output
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = identities(team_db)
    refused = run(cli, ["merge", str(ana), str(foreign), "-o", str(team_db)])
    assert refused.exit_code == 2 and len(refused.output.strip().splitlines()) == 1
    assert identities(team_db) == before  # one transaction: nothing of ana merged again either way, nothing half


def test_quotes_and_claims_survive_a_merge_with_their_links(lead, tmp_path):
    ana = copy_for(lead, tmp_path, "ana")
    with open_project(ana, analyst="ana") as p:
        d = p.documents()[1]
        words = find(d.text, "We decide for ourselves")
        q = p.add_quote(d.id, *words, speaker=find(d.text, "Lukashenko"))
        p.claim_from_quote(q.id, "sovereignty", "favour")
    target = Store(tmp_path / "team.db")
    merge(target, [(ana, None)])
    doc = target.find_by_hash(Document(TEXTS[1]).hash)
    (quote,) = target.quotes(doc)
    (claim,) = target.claims(doc)
    assert quote.speaker == Mention(*find(TEXTS[1], "Lukashenko")) and claim.quote_id == quote.id
    assert version_key(claim, TEXTS[1])[1:3] == ("sovereignty", "favour")
    assert isinstance(quote, Quote)
    target.close()


def test_the_api_merges_measures_and_adjudicates(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    with open_project(tmp_path / "team.db", analyst="lead") as p:
        report = p.merge(ana, f"ben={ben}")
        assert report.sources == 2 and report.spans > 0
        result = p.agreement()
        assert result["analysts"] == ["ana", "ben"] and result["documents"] == 1
        spans = result["spans"]
        assert 0 < spans["f1_exact"] < 1 and spans["units_single"] == 1  # Belarus: only ben kept it
        doc_id = p.store.find_by_hash(Document(TEXTS[0]).hash)
        version = codings(p.store, doc_id)["ben"].spans[0]
        (made,) = p.take_into_gold(doc_id, [version])
        assert made.analyst == "lead" and p.spans(doc_id) == [s for s in p.spans(doc_id) if s.analyst != "lead"]


def test_two_files_by_the_same_name_are_warned_about_and_named_sources_keep_them_apart(lead, tmp_path):
    paths = []
    for name in ("one", "two"):
        path = copy_for(lead, tmp_path, name)
        with open_project(path, analyst="root") as p:  # both analysts left the OS user as their name
            d = p.documents()[0]
            p.add_span(d.id, *find(d.text, "Kremlin"), "ORG" if name == "one" else "GPE")
        paths.append(path)
    run = CliRunner().invoke
    result = run(cli, ["merge", *map(str, paths), "-o", str(tmp_path / "team.db")])
    assert result.exit_code == 0 and "both record work as root" in result.output
    named = run(cli, ["merge", f"ana={paths[0]}", f"ben={paths[1]}", "-o", str(tmp_path / "named.db")])
    assert named.exit_code == 0 and "warning" not in named.output
    s = Store(tmp_path / "named.db", write=False)
    doc = s.find_by_hash(Document(TEXTS[0]).hash)
    assert sorted(codings(s, doc)) == ["ana", "ben"]
    s.close()


def test_agreement_command_prints_a_table_and_json_and_says_when_nothing_compares(lead, tmp_path):
    ana, ben = code_two(lead, tmp_path)
    run = CliRunner().invoke
    team_db = tmp_path / "team.db"
    assert run(cli, ["merge", str(ana), str(ben), "-o", str(team_db)]).exit_code == 0
    table = run(cli, ["agreement", str(team_db)])
    assert table.exit_code == 0 and "ana, ben" in table.output and "F1 exact" in table.output
    data = json.loads(run(cli, ["agreement", str(team_db), "--format", "json"]).stdout)
    assert data["analysts"] == ["ana", "ben"] and data["documents"] == 1
    for kind in ("spans", "quotes", "claims"):
        assert {"f1_exact", "f1_overlap", "alpha", "units_single"} <= set(data[kind])
    assert data["spans"]["kappa"] is not None  # two analysts: Cohen's kappa too
    only_person = json.loads(run(cli, ["agreement", str(team_db), "--label", "PERSON", "--format", "json"]).stdout)
    assert only_person["spans"]["f1_exact"] == 1.0  # both marked Ana Rusu, nothing else PERSON
    alone = run(cli, ["agreement", str(ana)])
    assert alone.exit_code == 0 and "no document was coded by two or more analysts" in alone.output
    missing = run(cli, ["agreement", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and len(missing.output.strip().splitlines()) == 1


def test_taking_versions_matches_gold_by_content_not_by_times(lead, tmp_path):
    """A version taken again is not copied twice, and one named in ``instead`` is taken out of gold, even
    though gold's copies carry their own times (analysts' versions were made earlier)."""
    ana, ben = code_two(lead, tmp_path)
    with open_project(tmp_path / "team.db", analyst="lead") as p:
        p.merge(ana, f"ben={ben}")
        doc_id = p.store.find_by_hash(Document(TEXTS[0]).hash)
        by = codings(p.store, doc_id)
        first, second = by["ana"].spans[0], by["ben"].spans[0]
        assert first.created_at and second.created_at
        p.take_into_gold(doc_id, [first])
        assert p.take_into_gold(doc_id, [first]) == []  # held already
        p.run(TakeVersions(doc_id, [second], [first]))
        old, p.store.layer = p.store.layer, "gold"
        try:
            held = [(s.start, s.end, s.label) for s in p.store.spans(doc_id)]
        finally:
            p.store.layer = old
        assert held == [(second.start, second.end, second.label)] or first == second
