"""Near-duplicate clusters and splits on a set with planted near-duplicates (invented texts), and the commands."""

import random

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.curation.dedup import clusters, jaccard, shingles
from annotator.curation.split import Item, assign, ratios_of

SYLLABLES = ["ka", "lo", "mi", "ren", "tus", "va", "dor", "pel", "qui", "sto", "bra", "nel", "fo", "gri"]


def article(rng, words=300):
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(words)) + "."


def edited(rng, text, changes):
    words = text.split()
    for i in rng.sample(range(len(words)), changes):
        words[i] = "zzz" + str(i)
    return " ".join(words)


@pytest.fixture
def planted():
    """60 distinct articles; 5 of them get near-copies (1 to 3 words changed), one gets a copy with 12 changed."""
    rng = random.Random(7)
    texts = {i: article(rng) for i in range(1, 61)}
    expected = []
    next_id = 100
    for base in (3, 17, 29, 41, 58):
        group = [base]
        for changes in (1, 3)[: 1 + base % 2]:
            texts[next_id] = edited(rng, texts[base], changes)
            group.append(next_id)
            next_id += 1
        expected.append(sorted(group))
    texts[200] = edited(rng, texts[10], 12)  # 12 words of 300 changed: Jaccard about 0.66, not a near-duplicate
    return texts, expected


def test_planted_near_duplicates_are_found_and_nothing_else(planted):
    texts, expected = planted
    got = clusters(sorted(texts.items()), threshold=0.8)
    assert got == sorted(expected)
    assert 0.3 < jaccard(shingles(texts[10]), shingles(texts[200])) < 0.8
    for group in got:
        for other in group[1:]:
            assert jaccard(shingles(texts[group[0]]), shingles(texts[other])) >= 0.8


def test_threshold_changes_what_counts(planted):
    texts, _ = planted
    assert [10, 200] not in clusters(sorted(texts.items()), threshold=0.8)
    loose = clusters(sorted(texts.items()), threshold=0.5)
    assert any({10, 200} <= set(g) for g in loose)
    with pytest.raises(ValueError):
        clusters([], threshold=0)


def test_split_keeps_clusters_whole_follows_ratios_and_the_seed(planted):
    texts, expected = planted
    cluster_of = {i: g[0] for g in expected for i in g}
    items = [Item(i, cluster_of.get(i)) for i in sorted(texts)]
    ratios = ratios_of(0.8, 0.1, 0.1)
    split = assign(items, ratios, seed=1)
    assert set(split) == set(texts)
    for group in expected:
        assert len({split[i] for i in group}) == 1
    n = len(texts)
    for name, share in ratios.items():
        assert abs(sum(1 for v in split.values() if v == name) - share * n) <= 3
    assert assign(items, ratios, seed=1) == split
    assert assign(items, ratios, seed=2) != split


def test_stratified_split_keeps_shares_per_source():
    items = [Item(i, None, "wire" if i % 3 else "local") for i in range(1, 91)]
    split = assign(items, ratios_of(0.5, 0.25, 0.25), seed=4)
    for stratum in ("wire", "local"):
        names = [split[it.doc_id] for it in items if it.stratum == stratum]
        assert abs(names.count("train") - len(names) / 2) <= 1


def test_ratios_must_sum_to_one():
    with pytest.raises(ValueError, match="sum to 1"):
        ratios_of(0.8, 0.3, 0.1)


def test_dupes_and_split_commands_store_and_print(tmp_path, planted):
    texts, expected = planted
    feed = tmp_path / "feed"
    feed.mkdir()
    for i, text in texts.items():
        (feed / f"{i:03}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "a.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["import", str(feed), "--db", str(db), "--no-preannotate"]).exit_code == 0
    result = runner.invoke(cli, ["dupes", "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert f"{len(expected)} cluster(s) of near-duplicates" in result.stderr
    assert "003.txt" in result.stdout and "100.txt" in result.stdout
    result = runner.invoke(cli, ["split", "--db", str(db), "--seed", "5", "--stratify", "source"])
    assert result.exit_code == 0, result.stderr
    from annotator.store import Store

    store = Store(db, create=False, write=False)
    docs = {d.meta["source"]: d for d in store.documents()}
    store.close()
    for group in expected:
        members = [docs[f"{i:03}.txt"] for i in group]
        assert len({d.cluster for d in members}) == 1 and members[0].cluster is not None
        assert len({d.split for d in members}) == 1
    assert all(d.split in ("train", "dev", "test") for d in docs.values())
    exported = runner.invoke(cli, ["export", "--db", str(db), "--split", "test", "-o", "-"])
    assert exported.stdout.count("\n") == sum(1 for d in docs.values() if d.split == "test")
    bad = runner.invoke(cli, ["split", "--db", str(db), "--train", "0.9"])
    assert bad.exit_code == 2 and "sum to 1" in bad.stderr


def test_dupes_and_split_refuse_a_missing_database_and_create_nothing(tmp_path):
    for command in ("dupes", "split"):
        result = CliRunner().invoke(cli, [command, "--db", str(tmp_path / "none" / "x.db")])
        assert result.exit_code == 2, result.output
        assert not (tmp_path / "none").exists()
