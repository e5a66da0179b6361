"""Chinese and Japanese text: word counts, diff tokens and word changes (issue 11).

The texts are hand-written for these tests.
"""

from __future__ import annotations

from newskit.diff import diff_articles, unified_lines, word_ops
from newskit.model import Article
from newskit.sentences import tokens, words
from newskit.text import word_count

ZH_A = "今天北京的天气很好，我们去公园散步。下午我们在湖边吃了午饭。"
ZH_B = "今天上海的天气很差，我们在家里看书。下午我们在湖边吃了晚饭。"
JA_A = "東京の株価は昨日大きく上がった。政府は新しい経済政策を発表した。"
JA_B = "大阪の株価は今日少し下がった。政府は新しい経済政策を発表した。"


def _art(body: list[str], id: str) -> Article:
    return Article(source=f"{id}.txt", start=1, end=1, title=id.upper(), body=body, id=id)


# -- word counts -----------------------------------------------------------------------


def test_word_count_counts_each_chinese_character() -> None:
    # 27 characters and 4 marks of punctuation, which count for nothing
    assert word_count(ZH_A) == 27
    # a 150-character article is 150 words, not the 4 runs between spaces it once was
    body = ["。".join(["我们在湖边吃了午饭"] * 5) + "。"] * 3 + ["北京", "上海 天津"]
    assert _art(body, "zh").word_count == 3 * 45 + 2 + 4


def test_word_count_japanese_and_mixed_scripts() -> None:
    assert word_count("東京の株価は昨日大きく上がった。") == 15
    # Latin words and numbers among the characters are words of their own
    assert word_count("「東京」で2019年、iPhone 11が売れた。") == 3 + 1 + 1 + 1 + 1 + 4
    # Korean sets its words apart with spaces: counted as Latin text is
    assert word_count("서울에서 회의가 열렸다.") == 3


def test_word_count_of_other_text_is_unchanged() -> None:
    for text in ("The U.S.-led coalition — 3.5bn", "Straße 5. Næste år.", "", "  a  b  "):
        assert word_count(text) == len(text.split())


# -- diff ------------------------------------------------------------------------------


def test_tokens_of_chinese_are_characters() -> None:
    lead, toks = tokens(ZH_A)
    assert lead + "".join(t.text + t.tail for t in toks) == ZH_A
    assert [t.key for t in toks] == words(ZH_A)
    assert [t.text for t in toks][:9] == ["今", "天", "北", "京", "的", "天", "气", "很", "好，"]
    assert all(t.tail == "" for t in toks)
    text = "「東京」で2019年、iPhoneが 売れた。"
    lead, toks = tokens(text)
    assert lead == "「" and lead + "".join(t.text + t.tail for t in toks) == text
    assert " ".join(t.key for t in toks).split() == words(text)
    assert [t.text for t in toks][:6] == ["東", "京」", "で", "2019", "年、", "iPhone"]


def test_word_ops_mark_the_changed_characters() -> None:
    ops = word_ops("下午我们在湖边吃了午饭。", "下午我们在湖边吃了晚饭。")
    assert [(o.op, o.a, o.b) for o in ops] == [
        ("equal", "下午我们在湖边吃了", "下午我们在湖边吃了"),
        ("replace", "午", "晚"),
        ("equal", "饭。", "饭。"),
    ]


def test_diff_of_changed_chinese_sentences() -> None:
    d = diff_articles(_art([ZH_A], "a"), _art([ZH_B], "b"))
    assert (d.a.words, d.b.words) == (27, 27)
    first, second = d.pairs
    assert not first.identical and not second.identical
    assert first.marked() == "今天[-北京-]{+上海+}的天气很[-好，-]{+差，+}我们[-去公园散步。-]{+在家里看书。+}"
    assert unified_lines(d)[3:] == [
        "-今天[-北京-]的天气很[-好，-]我们[-去公园散步。-]",
        "+今天{+上海+}的天气很{+差，+}我们{+在家里看书。+}",
        "-下午我们在湖边吃了[-午-]饭。",
        "+下午我们在湖边吃了{+晚+}饭。",
    ]
    # the characters two changed sentences share are shown as shared
    assert [o.a for o in first.ops if o.op == "equal"] == ["今天", "的天气很", "我们"]


def test_diff_of_japanese_sentences() -> None:
    d = diff_articles(_art([JA_A], "a"), _art([JA_B], "b"))
    changed, same = d.pairs
    assert same.identical
    assert changed.marked_a() == "[-東京-]の株価は[-昨-]日[-大きく上-]がった。"
    assert changed.marked_b() == "{+大阪+}の株価は{+今+}日{+少し下+}がった。"


def test_unrelated_chinese_sentences_are_not_paired() -> None:
    d = diff_articles(_art(["中国经济今年增长了百分之六。"], "a"), _art(["我们明天去北京看望朋友。"], "b"))
    assert d.pairs == () and (d.share_a, d.share_b) == (0.0, 0.0)


def test_latin_word_ops_keep_their_spaces() -> None:
    ops = word_ops("the harbour budget", "the rail budget")
    assert [(o.op, o.a, o.b, o.glue) for o in ops][:2] == [
        ("equal", "the", "the", " "), ("replace", "harbour", "rail", " ")
    ]
    # dedupe's keys of CJK text are still one a character
    assert words(ZH_A)[:3] == ["今", "天", "北"]
