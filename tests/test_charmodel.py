"""The character model read two ways: with numpy for blocks, in plain Python for a few characters."""


def test_the_short_scorer_gives_the_model_s_probabilities_without_numpy():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from newslint.charfile import ShortScorer, open_model
    from newslint.charmodel import model

    chars = model()
    short = ShortScorer(*open_model())
    alphabet = st.sampled_from(list("的了在是中国人民经济发展全市今年增长亿元记者报道。，、“”ABC12３ａ𠮷"))

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=24))
    def same(text):
        expected = [float(x) for x in chars.logprobs(text)]
        assert [round(x, 4) for x in short.logprobs(text)] == [round(x, 4) for x in expected]

    same()


def test_a_lost_full_stop_reads_so_and_a_cut_does_not():
    from newslint.charfile import sentence_end_gain

    assert sentence_end_gain("这正是中国制度的优势！我对中国战胜疫情充满信心，对中国未来经济发展充满信心", "几天前，我通过视频平台发布了一段讲述。") > 0
    assert sentence_end_gain("政府、机构、居民协同出力，才能更好地撑起养老保障网", "春节将至，许多人千里奔波回故乡，陪父母过个年。") > 0
    assert sentence_end_gain("市大数据局将持续优化“鲁通码”功能服务，进一步", "提升群众办事便利度。") < 0
