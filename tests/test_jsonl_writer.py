"""The JSONL writer: orjson for a whole record, the part-by-part path for what orjson refuses (a lone surrogate,
an integer beyond 64 bits, a key that is not text), the same bytes for everything both can write."""

import io
import json
import math
import sqlite3

import orjson
import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.domain import Document, Quote, Span
from annotator.formats.jsonl import dumps_record, write_records
from annotator.formats.records import finite
from annotator.store import Store

TEXT = "Pera Krunn 🌉 met Oskar\r\nLind.\u2028\tThen \"Lind\" left 👋\\ \x00\x1f\x7f é ‎שלום‎ e\u0301.\n"


def tricky() -> dict:
    """A record with everything orjson writes: emoji, CRLF, controls, quotes, backslashes, right-to-left, combining
    marks, floats where orjson's digits are not Python's repr (1e-05, 2e-07), big floats, 64-bit edges, NaN."""
    return {
        "id": 1, "text": TEXT, "meta": {"source": "wire/a.txt", "score": 1e-05, "tiny": 2e-07, "huge": 1e16,
                                        "third": 1 / 3, "neg": -0.0, "u64": 2**64 - 1, "i64": -(2**63),
                                        "nested": [{"ok": True, "none": None, "e": 5e-324}], "nan": math.nan},
        "spans": [{"id": 7, "start": 0, "end": 10, "label": "PERSON", "text": TEXT[0:10], "confidence": 0.875}],
    }  # fmt: skip


def with_meta(**extra) -> dict:
    record = tricky()
    record["meta"].update(extra)
    return record


def test_a_record_orjson_can_write_is_written_by_orjson_compact_and_unescaped():
    line = dumps_record(tricky())
    assert line == orjson.dumps(tricky())
    assert b", " not in line.replace(TEXT.encode(), b"") and "🌉".encode() in line and b"\\r\\n" in line
    back = json.loads(line)
    assert back["text"] == TEXT and back["meta"]["nan"] is None and back["meta"]["u64"] == 2**64 - 1


@pytest.mark.parametrize("value, written", [
    ("a\ud800b", b'"a\\ud800b"'),                        # a lone high surrogate: its escape, the rest as it is
    ("\udfff🌉\r\n\ud83c", b'"\\udfff\xf0\x9f\x8c\x89\\r\\n\\ud83c"'),  # low, a real pair, CRLF, high at the end
    (2**64, b"18446744073709551616"),                    # beyond 64 bits: json.dumps' digits
    (-(2**63) - 1, b"-9223372036854775809"),
    (10**40, b"1" + b"0" * 40),
])  # fmt: skip
def test_what_orjson_refuses_changes_only_its_own_bytes(value, written):
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(value)
    slow = dumps_record(with_meta(odd=value))
    fast = dumps_record(with_meta(odd="SENTINEL"))
    assert slow == fast.replace(b'"SENTINEL"', written)
    assert json.loads(slow)["meta"]["odd"] == value  # read back, it is the same value


def test_keys_that_are_not_text_are_written_as_json_dumps_writes_them():
    record = with_meta(keys={7: "seven", 2.5: "float", False: "no", None: "none", "text": "\ud800"})
    line = dumps_record(record)
    stdlib = json.dumps(record["meta"]["keys"], ensure_ascii=False, separators=(",", ":")).replace("\ud800", "\\ud800")
    assert line == dumps_record(with_meta(keys="SENTINEL")).replace(b'"SENTINEL"', stdlib.encode())
    with pytest.raises(TypeError, match="keys must be"):
        dumps_record(with_meta(keys={(1, 2): "tuple"}))


def test_the_part_by_part_path_nests_lists_and_objects_like_orjson():
    """A lone surrogate deep in lists inside objects: every other part is what orjson writes for it."""
    deep = {"a": [1, {"b": ["x", "\ud800", 2.5e-06]}, [], {}], "c": 2**70}
    line = dumps_record(deep)
    assert line == b'{"a":[1,{"b":["x","\\ud800",' + orjson.dumps(2.5e-06) + b']},[],{}],"c":1180591620717411303424}'


def test_write_records_writes_utf8_lines_through_the_buffer_or_as_text():
    records = [tricky(), with_meta(odd="\ud800"), {"id": 3}]
    expected = b"".join(dumps_record(r) + b"\n" for r in records)
    binary = io.BytesIO()
    with io.TextIOWrapper(binary, encoding="utf-8", newline="\n") as text_file:
        text_file.write("")  # nothing pending, but the writer flushes the text layer first all the same
        assert write_records(records, text_file) == 3
        text_file.flush()
        assert binary.getvalue() == expected
    plain = io.StringIO()
    assert write_records(records, plain) == 3
    assert plain.getvalue().encode("utf-8") == expected


def test_a_short_write_is_followed_by_the_rest():
    """A pipe whose reader went away takes part of a write and says so by its count: the rest is written next
    (and raises there), never dropped."""

    class Trickle(io.RawIOBase):
        def __init__(self):
            self.got = bytearray()

        def writable(self):
            return True

        def write(self, data):
            taken = bytes(data[:1000])
            self.got += taken
            return len(taken)

    sink = Trickle()
    text_file = io.TextIOWrapper(sink, encoding="utf-8", newline="\n")  # unbuffered: each short write shows
    records = [with_meta(n=i, pad="x" * 5000) for i in range(3)]
    assert write_records(records, text_file) == 3
    assert bytes(sink.got) == b"".join(dumps_record(r) + b"\n" for r in records)


def test_finite_names_each_nan_and_leaves_the_record_alone_without_one():
    record = {"id": 4, "meta": {"source": "a", "deep": [1.5, {"x": -math.inf}]}, "spans": [], "claims": [],
              "quotes": [{"confidence": math.nan}, {"confidence": 0.5}],
              "rejected": {"spans": [], "quotes": [], "claims": [{"confidence": math.inf}]}}
    noted: list[str] = []
    clean = finite(record, noted)
    assert noted == ["document 4: meta.deep[1].x (-inf)", "document 4: quotes[0].confidence (nan)",
                     "document 4: rejected.claims[0].confidence (inf)"]
    assert clean["meta"]["deep"] == [1.5, {"x": None}] and clean["quotes"][1] == {"confidence": 0.5}
    ordinary = {**record, "meta": {"source": "a", "n": 3}, "quotes": [{"confidence": 1.0}],
                "rejected": {"spans": [], "quotes": [], "claims": []}}
    assert finite(ordinary, noted) is ordinary and len(noted) == 3
    only_a_quote = {**ordinary, "quotes": [{"confidence": 0.5}, {"confidence": math.inf}]}  # meta all plain
    assert finite(only_a_quote, noted)["quotes"][1] == {"confidence": None}
    assert noted[3:] == ["document 4: quotes[1].confidence (inf)"]


def test_an_export_with_a_lone_surrogate_and_a_huge_number_in_meta_is_written_not_a_traceback(tmp_path):
    """Another program left a \\ud800 escape and a 30-digit number in a meta cell: the line is still valid UTF-8
    JSON with that escape and those digits, every other byte as orjson writes it."""
    db = tmp_path / "odd.db"
    store = Store(db)
    doc_id, _ = store.add_document(Document(TEXT.replace("\r\n", "\n"), {"source": "a.txt"}))
    store.insert_span(Span(0, 10, "PERSON", doc_id=doc_id))
    store.insert_quote(Quote(40, 44, doc_id=doc_id, confidence=0.1234))
    store.close()

    def export(meta: str) -> bytes:
        conn = sqlite3.connect(db)
        with conn:
            conn.execute("UPDATE documents SET meta = ? WHERE id = ?", [meta, doc_id])
        conn.close()
        out = tmp_path / "out.jsonl"
        result = CliRunner().invoke(cli, ["export", "--db", str(db), "-o", str(out)])
        assert result.exit_code == 0, result.output
        return out.read_bytes()

    odd = export('{"source": "a.txt", "x": "bad \\ud800 here", "n": 123456789012345678901234567890}')
    plain = export('{"source": "a.txt", "x": "SENTINEL", "n": 7}')
    assert odd == plain.replace(b'"SENTINEL"', b'"bad \\ud800 here"').replace(b'"n":7', b'"n":123456789012345678901234567890')
    record = json.loads(odd)
    assert record["meta"]["x"] == "bad \ud800 here" and record["meta"]["n"] == 123456789012345678901234567890
    assert record["quotes"][0]["confidence"] == 0.123 and record["spans"][0]["text"] == "Pera Krunn"
