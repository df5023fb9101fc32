"""What goes into a spaCy DocBin, as plain data: spaCy itself is called by ``annotator.nlp.tokens``.

``doc.ents``: the spans that do not overlap (longest kept); ``doc.spans["sc"]``: every span;
``doc.spans["quotes"]``: the quotes, label ``QUOTE``, with their speakers in ``doc.user_data["quote_speakers"]``
(``[quote_start, quote_end, speaker_start, speaker_end, speaker_text]``, speaker parts null when unknown);
``doc.cats``: empty (annotator has no document labels yet); ``doc.user_data["annotator"]``: id and source.
"""

from __future__ import annotations

from typing import Any

from annotator.formats.spans import non_overlapping


def example(record: dict[str, Any]) -> dict[str, Any]:
    text = record["text"]
    speakers = []
    for q in record["quotes"]:
        sp = q["speaker"] or {}
        speakers.append([q["start"], q["end"], sp.get("start"), sp.get("end"), sp.get("text")])
    return {
        "text": text,
        "ents": [(s["start"], s["end"], s["label"]) for s in non_overlapping(record["spans"])],
        "spans": [(s["start"], s["end"], s["label"]) for s in record["spans"]],
        "quotes": [(q["start"], q["end"], "QUOTE") for q in record["quotes"]],
        "cats": {},
        "user_data": {"quote_speakers": speakers,
                      "annotator": {"id": record["id"], "source": record["meta"].get("source", "")}},
    }
