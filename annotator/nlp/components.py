"""The quote finder as a short pipeline of registered spaCy components, each writing to the Doc.

    quote marks -> cues -> candidate speakers -> attribution -> kinds and confidence

``annotator_quotes`` runs the five in order (``nlp.add_pipe("annotator_quotes")`` after NER; the
``spacy_factories`` entry point makes the name known without importing annotator). Each stage reads
only what the stages before it wrote; the last one leaves the results as ``doc.spans["quotes"]``
with ``span._.kind``, ``._.speaker``, ``._.speaker_mention``, ``._.cue``, ``._.source_of``,
``._.confidence``, ``._.origin`` and ``._.chars`` (the exact character range between the marks)
and removes the working state. ``annotator_line_breaks`` goes before the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.domain import Mention, Quote
from annotator.nlp.article import Article
from annotator.nlp.cues import Cue, find_cues
from annotator.nlp.once import text_of
from annotator.nlp.quote_marks import MarkedQuote, find_marked_quotes

QUOTES_KEY = "quotes"
CUES_KEY = "quote_cues"
STATE = "annotator.quotes"  # doc.user_data key of the working state between stages
DONE = "annotator.quotes.done"  # set once the spans hold the results

for _name in ("kind", "speaker", "speaker_mention", "cue", "source_of", "confidence", "origin", "chars"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


@Language.component("annotator_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser sees the text."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not tok.is_space:
            tok.is_sent_start = True
    return doc


def _state(doc: Doc) -> dict:
    return doc.user_data.setdefault(STATE, {})


@Language.component("annotator_quote_marks")
def quote_marks(doc: Doc) -> Doc:
    """Stage 1: paired quotation marks (characters only) -> ``doc.spans["quotes"]``, kind unknown yet."""
    marked = find_marked_quotes(text_of(doc))
    _state(doc)["marks"] = marked
    spans = []
    for q in marked:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        span._.chars = (q.start, q.end)
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans
    return doc


@Language.component("annotator_cues")
def cues(doc: Doc) -> Doc:
    """Stage 2: reporting cues (verbs, "according to", "in a statement") -> ``doc.spans["quote_cues"]``."""
    doc.spans[CUES_KEY] = [Span(doc, c.start, c.end, label=c.kind) for c in find_cues(doc)]
    return doc


@Language.component("annotator_candidates")
def candidates(doc: Doc) -> Doc:
    """Stage 3: the article's geometry (quote-aware sentences, paragraphs) and its table of named
    mentions, the candidate speakers; built once from the marks and cues of stages 1 and 2."""
    state = _state(doc)
    marked: list[MarkedQuote] = state.get("marks", [])
    found = [Cue(s.start, s.end, s.label_) for s in doc.spans.get(CUES_KEY, [])]
    state["article"] = Article(doc, marked, found) if marked and len(doc) else None
    return doc


@Language.component("annotator_attribution")
def attribution(doc: Doc) -> Doc:
    """Stage 4: each quote's attribution (its cue, the speaker that cue names, pronouns and
    descriptions resolved against the mention table; else a layout, else a carried speaker)."""
    from annotator.nlp.quotes import attribute_all

    art = _state(doc).get("article")
    if art is not None:
        attribute_all(art)
    return doc


@Language.component("annotator_quote_kinds")
def quote_kinds(doc: Doc) -> Doc:
    """Stage 5: quote, term or title, and calibrated confidence; the results onto the spans."""
    from annotator.nlp.quotes import results

    art = doc.user_data.pop(STATE, {}).get("article")
    write(doc, results(art) if art is not None else [])
    return doc


def write(doc: Doc, found: list[Quote]) -> None:
    """Put the found quotes on ``doc.spans["quotes"]`` with their attributes as span extensions."""
    spans = []
    for q in found:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        span._.chars = (q.start, q.end)
        span._.kind = q.kind
        span._.confidence = q.confidence
        span._.origin = q.origin
        for name in ("speaker", "speaker_mention", "cue", "source_of"):
            m = getattr(q, name)
            setattr(span._, name, doc.char_span(m.start, m.end, alignment_mode="expand") if m is not None else None)
        spans.append(span)
    doc.spans[QUOTES_KEY] = spans
    doc.spans.pop(CUES_KEY, None)
    doc.user_data[DONE] = True


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotes the component left on ``doc.spans["quotes"]``, as domain objects."""

    def mention(span: Span | None) -> Mention | None:
        return Mention(span.start_char, span.end_char) if span is not None else None

    out = []
    for span in doc.spans.get(QUOTES_KEY, []):
        start, end = span._.chars or (span.start_char, span.end_char)
        out.append(
            Quote(
                start=start,
                end=end,
                speaker=mention(span._.speaker),
                speaker_mention=mention(span._.speaker_mention),
                cue=mention(span._.cue),
                confidence=span._.confidence if span._.confidence is not None else 1.0,
                origin=span._.origin or "rule:quotes",
                kind=span._.kind or "quote",
                source_of=mention(span._.source_of),
            )
        )
    return out


STAGES = (quote_marks, cues, candidates, attribution, quote_kinds)


@Language.component("annotator_quotes")
def quotes(doc: Doc) -> Doc:
    """All five stages in order: add after NER (``nlp.add_pipe("annotator_quotes")``). An unparsed
    Doc is worked on in a copy with a sound tree and the results written back by character offsets."""
    from annotator.nlp.quotes import find_quotes

    write(doc, find_quotes(doc))
    return doc
