import pytest

from annotator.domain import Document, OffsetError, Span, check_offsets, content_hash, normalise_text, title_of


def test_normalise_turns_crlf_and_cr_into_lf_and_drops_bom():
    assert normalise_text("\ufeffa\r\nb\rc\n") == "a\nb\nc\n"


def test_normalise_keeps_combining_marks_emoji_and_rtl_untouched():
    text = "Zoe\u0308 said 👍🏽 — مرحبا בעולם"
    assert normalise_text(text) == text


def test_hash_is_of_the_text_and_differs_on_any_change():
    assert content_hash("a") == Document("a").hash
    assert content_hash("a") != content_hash("a ")


@pytest.mark.parametrize("start,end", [(-1, 2), (2, 2), (3, 2), (0, 6), (1.0, 2)])
def test_check_offsets_refuses_what_does_not_fit(start, end):
    with pytest.raises(OffsetError):
        check_offsets("hello", start, end)


def test_span_overlap_is_half_open():
    s = Span(2, 5, "PERSON")
    assert s.overlaps(4, 6) and s.overlaps(0, 3)
    assert not s.overlaps(5, 7) and not s.overlaps(0, 2)


def test_title_is_first_non_empty_line_shortened():
    assert title_of("\n\n  Headline here \nbody") == "Headline here"
    assert len(title_of("x" * 500)) == 90
    assert title_of("   \n") == "(empty)"
