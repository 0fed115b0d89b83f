"""Spans and repeated words: the same answers as the scans they replace."""

from hypothesis import given
from hypothesis import strategies as st

from newslint.spans import Spans, used_more_than_once

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=12)


@given(spans, st.integers(-2, 70))
def test_spans_cover_what_a_scan_would(pairs, offset):
    assert Spans(pairs).covers(offset) == any(start <= offset < end for start, end in pairs)


def test_overlapping_and_empty_spans():
    covered = Spans([(5, 9), (2, 6), (12, 12)])
    assert [k for k in range(14) if covered.covers(k)] == [2, 3, 4, 5, 6, 7, 8]
    assert not Spans([])


@given(st.text(alphabet="优粮产供、", max_size=40), st.lists(st.text(alphabet="优粮产供", min_size=1, max_size=3), max_size=6))
def test_repeated_words_count_as_str_count_does(text, words):
    assert used_more_than_once(text, words) == {word for word in words if text.count(word) > 1}


def test_a_term_used_twice_in_copy():
    copy = "坚持优粮优产、优粮优供，推动优粮优价。"
    assert used_more_than_once(copy, ["优粮", "优价", "优产", "优优"]) == {"优粮"}
