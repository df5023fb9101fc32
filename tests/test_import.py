"""Reading .txt and .jsonl inputs: good files, folders, and every kind of bad input."""

import json

from annotator.domain import Document
from annotator.formats.jsonl import FormatError
from annotator.importer import read_all

from .conftest import SEEDS


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, FormatError)]
    return docs, errors


def test_folder_is_read_recursively_and_sources_are_paths_in_the_folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "a" / "deep" / "two.TXT").write_text("Two.\n", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("ignored", encoding="utf-8")
    docs, errors = split(list(read_all([tmp_path / "a"])))
    assert errors == []
    assert sorted(d.meta["source"] for d in docs) == ["deep/two.TXT", "one.txt"]


def test_seeds_all_read_and_crlf_is_normalised():
    docs, errors = split(list(read_all([SEEDS])))
    assert errors == [] and len(docs) >= 1
    for doc in docs:
        assert "\r" not in doc.text and doc.text.strip()


def test_bad_text_files_each_get_one_clear_reason(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("café au lait".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \r\n\t\n")
    (tmp_path / "good.txt").write_bytes("Good “text” 👍\r\n".encode())
    items = list(read_all([tmp_path / "latin1.txt", tmp_path / "binary.txt", tmp_path / "empty.txt",
                           tmp_path / "blank.txt", tmp_path / "missing.txt", tmp_path / "good.txt",
                           tmp_path / "image.png"]))
    docs, errors = split(items)
    assert [d.text for d in docs] == ["Good “text” 👍\n"]
    assert len(errors) == 6
    text = "\n".join(errors)
    assert "latin1.txt: not UTF-8 (bad byte 0xe9" in text
    assert "binary.txt: binary file" in text
    assert "empty.txt: empty file" in text and "blank.txt: empty file" in text
    assert "missing.txt: file not found" in text
    assert "image.png: file not found" in text or "unsupported file type" in text


def test_utf8_bom_and_utf16_files_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffHeadline\r\nBody".encode())
    (tmp_path / "u16.txt").write_bytes("Zoë said “yes”".encode("utf-16"))
    docs, errors = split(list(read_all([tmp_path / "bom.txt", tmp_path / "u16.txt"])))
    assert errors == []
    assert [d.text for d in docs] == ["Headline\nBody", "Zoë said “yes”"]


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": "First article 🇺🇦.\r\nSecond line", "meta": {"url": "http://x", "source": "wire"}}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"meta": {}}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Meta wrong", "meta": "x"}),
        json.dumps({"text": "Third\u2028article", "meta": None}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = split(list(read_all([path])))
    assert [d.text for d in docs] == ["First article 🇺🇦.\nSecond line", "Third\u2028article"]
    assert docs[0].meta == {"url": "http://x", "source": "feed.jsonl", "original_source": "wire", "line": 1}
    assert docs[1].meta["source"] == "feed.jsonl"
    assert [e.split(":")[1] for e in errors] == ["3", "4", "5", "6", "7"]
    assert "not valid JSON" in errors[0] and 'no "text"' in errors[2] and "empty" in errors[3]


def test_jsonl_not_utf8_or_empty(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"text": "caf\xe9"}\n')
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    _, errors = split(list(read_all([bad, empty])))
    assert any("bad.jsonl:1: not UTF-8 (bad byte 0xe9" in e for e in errors)
    assert any("empty.jsonl: no documents" in e for e in errors)


def test_a_file_over_the_size_limit_is_refused_by_name(tmp_path, monkeypatch):
    import annotator.formats.text as text_format

    monkeypatch.setattr(text_format, "MAX_BYTES", 1024 * 1024)
    big = tmp_path / "huge.txt"
    big.write_bytes(b"word " * 300_000)  # 1.5 MB
    docs, errors = split(list(read_all([big])))
    assert docs == [] and len(errors) == 1
    assert errors[0].startswith("huge.txt: 1.4 MB is larger than the 1 MB limit")


def test_one_bad_byte_in_jsonl_costs_its_line_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'\xef\xbb\xbf{"text": "first"}\n{"text": "caf\xe9"}\r\n{"text": "third \xe2\x9c\x93"}\n')
    docs, errors = split(list(read_all([feed])))
    assert [d.text for d in docs] == ["first", "third ✓"]
    assert [d.meta["line"] for d in docs] == [1, 3]
    assert errors == ["feed.jsonl:2: not UTF-8 (bad byte 0xe9 at byte 14 of the line); "
                      "convert the file with: iconv -f LATIN1 -t UTF-8"]


def test_lone_surrogates_and_nan_are_refused_by_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        '{"text": "a \\ud800 b"}',
        '{"text": "fine", "meta": {"author": "x\\udfff"}}',
        '{"text": "numbers", "meta": {"score": NaN}}',
        '{"text": "numbers", "meta": {"score": -Infinity}}',
        '{"text": "pair \\ud83d\\ude00 is an emoji"}',
    ]), encoding="utf-8")
    docs, errors = split(list(read_all([feed])))
    assert [d.text for d in docs] == ["pair 😀 is an emoji"]
    assert [e.split(":")[1] for e in errors] == ["1", "2", "3", "4"]
    assert 'feed.jsonl:1: "text" holds a lone surrogate \\ud800' in errors[0]
    assert 'feed.jsonl:2: "meta" holds a lone surrogate \\udfff' in errors[1]
    assert "NaN is not a JSON number" in errors[2] and "-Infinity is not a JSON number" in errors[3]


def test_a_file_name_that_is_not_utf8_is_refused_by_name_the_others_read(tmp_path):
    import os

    os.mkdir(tmp_path / "in")
    with open(os.path.join(os.fsencode(tmp_path / "in"), b"caf\xe9.txt"), "wb") as f:
        f.write(b"latin-1 name")
    (tmp_path / "in" / "ok.txt").write_text("fine", encoding="utf-8")
    docs, errors = split(list(read_all([tmp_path / "in"])))
    assert [d.meta["source"] for d in docs] == ["ok.txt"]
    assert len(errors) == 1 and "caf\udce9.txt: the file name is not UTF-8" in errors[0]


def test_a_binary_file_named_jsonl_names_twenty_lines_then_counts(tmp_path):
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x89\xff\n" * 100)
    docs, errors = split(list(read_all([junk])))
    assert docs == [] and len(errors) == 21
    assert errors[-1] == "junk.jsonl: 80 more bad lines not listed"


def test_reading_is_lazy_one_file_at_a_time(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    items = read_all([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert next(items).text == "a.txt"
    (tmp_path / "b.txt").write_text("changed after the first was read", encoding="utf-8")
    assert next(items).text == "changed after the first was read"


def test_jsonl_lines_may_end_in_lf_crlf_or_a_lone_cr(tmp_path):
    feed = tmp_path / "mixed.jsonl"
    feed.write_bytes(b'{"text": "one"}\r\n{"text": "two"}\r{"text": "three"}\n\r\n{"text": "four"}')
    docs, errors = split(list(read_all([feed])))
    assert errors == []
    assert [(d.text, d.meta["line"]) for d in docs] == [("one", 1), ("two", 2), ("three", 3), ("four", 5)]
