"""The word lists the typo rules read are data with rules of their own."""

from newslint.lexicon import lexicon, read_data
from newslint.rules.typo import builtin_miswritten


def test_miswritten_list_is_sorted_unique_and_well_formed():
    lines = read_data("miswritten.tsv")
    wrong_forms = [line.split("\t")[0] for line in lines]
    assert wrong_forms == sorted(wrong_forms)
    assert len(wrong_forms) == len(set(wrong_forms))
    assert len(lines) >= 1000
    for line in lines:
        wrong, right, *context = line.split("\t")
        assert wrong != right, line
        assert len(wrong) == len(right), line
        assert sum(a != b for a, b in zip(wrong, right)) <= 2, line
        assert len(context) <= 1, line


def test_no_wrong_form_is_the_more_common_spelling():
    # jieba's lexicon is built from web text and records misspellings too, so a
    # wrong form may appear in it; it must never be the usual spelling.
    words = lexicon()
    for wrong, (right, context) in builtin_miswritten().items():
        if context is None:
            wrong_count, right_count = words.frequency(wrong), words.frequency(right)
            assert wrong_count <= right_count or right_count < 10, (wrong, wrong_count, right, right_count)


def test_no_wrong_form_is_part_of_another_entry_s_correction():
    rights = {right for right, _ in builtin_miswritten().values()}
    for wrong in builtin_miswritten():
        assert not any(wrong in right for right in rights), wrong


def test_reduplication_list_is_sorted_and_unique():
    words = read_data("reduplications.txt")
    assert words == sorted(set(words))
    assert all(len(w) == 2 for w in words)


def test_new_words_are_sorted_short_and_missing_from_jieba():
    from newslint.lexicon import LONGEST_WORD, _load_dictionary, _new_words

    words = _new_words()
    assert words == sorted(set(words))
    dictionary = _load_dictionary()
    for word in words:
        assert 2 <= len(word) <= LONGEST_WORD, word
        assert dictionary.is_added(word), f"{word} is already in jieba's dictionary"


def test_look_alike_groups_are_distinct_characters():
    groups = read_data("look-alikes.txt")
    for group in groups:
        assert len(group) >= 2 and len(set(group)) == len(group), group
    assert len(groups) == len(set(groups))
