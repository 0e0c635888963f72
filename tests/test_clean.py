"""Clean: debris removed from the seed articles, real sentences kept verbatim, stable hashes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dyad.clean import CleanRules, clean_article, clean_text, clean_with_title, ends_sentence
from dyad.records import Article

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def raw_lines(text: str) -> set[str]:
    return {line.strip() for line in text.splitlines() if line.strip()}


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_lines_are_kept_verbatim_and_cleaning_is_idempotent(prefix):
    raw = seed(prefix)
    cleaned = clean_text(raw)
    assert cleaned and "\n\n" not in cleaned
    # Only whole lines are removed: every cleaned line is a line of the original.
    assert set(cleaned.splitlines()) <= raw_lines(raw)
    assert clean_text(cleaned) == cleaned


def test_seed_000_drops_trailing_related_headlines():
    cleaned = clean_text(seed("000")).splitlines()
    assert len(cleaned) == 30
    assert cleaned[0].startswith("BEIJING: China's top lawmaker Li Zhanshu arrived in Vladivostok")
    assert cleaned[-1].startswith("Li is scheduled to visit Moscow to meet with the two chambers")
    text = "\n".join(cleaned)
    assert "special human rights session" not in text
    assert "prepare for whatever comes next" not in text


def test_seed_001_drops_navigation_captions_and_repeats():
    cleaned = clean_text(seed("001"))
    lines = cleaned.splitlines()
    for debris in ("Skip to content", "Hot-TopicsNewschinaworld", "Read also:", "Comments", "Latest"):
        assert debris not in lines
    # the photo caption printed twice goes entirely
    assert "makes his arrival at Vnukovo Airport" not in cleaned
    standfirst = (
        "China's second-highest ranking official journeys to Russia to reinforce relationships, "
        "with the Ukraine conflict persisting."
    )
    assert lines.count(standfirst) == 1 and lines[0] == standfirst
    assert lines[-1].startswith("Given the ongoing global dynamics")
    assert len(lines) == 17


def test_seed_002_drops_trailers_and_takes_headline_as_title():
    raw = seed("002")
    article = clean_article(Article(id="002", text=raw))
    lines = article.text.splitlines()
    assert article.title == "China\u2019s Xi Meets Top Russian Lawmaker in Sign of Tight Ties"
    assert lines[0] == (
        "Chinese leader Xi Jinping met a top Russian lawmaker, underscoring the warm relations "
        "the nations have forged following the invasion of Ukraine."
    )  # the truncated copy of this lead line is gone
    for start in ("Views:", "2023-11-23", "Listen:", "More:", "--With assistance", "(Updates", "Tags "):
        assert not any(line.startswith(start) for line in lines), start
    assert lines[-1].startswith("China\u2019s exports to Russia have jumped this year")
    assert len(lines) == 10


def test_given_title_is_not_overwritten():
    article = clean_article(Article(id="x", text=seed("002"), title="Given"))
    assert article.title == "Given"


@pytest.mark.parametrize("prefix", ["003", "004"])
def test_clean_seeds_are_unchanged(prefix):
    raw = seed(prefix)
    assert clean_text(raw) == "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def test_content_hash_is_sha256_of_cleaned_text_and_stable():
    raw = seed("001")
    a = clean_article(Article(id="a", text=raw))
    b = clean_article(Article(id="b", text=raw.replace("\n", "\r\n") + "\n\n   \n"))
    assert a.content_hash == hashlib.sha256(a.text.encode("utf-8")).hexdigest()
    assert a.content_hash == b.content_hash  # layout differences do not change identity
    assert clean_article(a).content_hash == a.content_hash
    other = clean_article(Article(id="c", text=seed("003")))
    assert other.content_hash != a.content_hash


def test_clean_article_returns_a_copy():
    original = Article(id="x", text="Skip to content\nArnor met Gondor.", published="2022-09-07")
    cleaned = clean_article(original)
    assert original.text == "Skip to content\nArnor met Gondor." and original.content_hash == ""
    assert cleaned.text == "Arnor met Gondor." and cleaned.published == "2022-09-07"


def test_normalization():
    assert clean_text("  lots   of\tspace\u00a0here.\u200b  \r\n\r\nNext  line.") == (
        "lots of space here.\nNext line."
    )
    assert clean_text("China\u00e2\u20ac\u2122s premier arrived.") == "China\u2019s premier arrived."
    # curly and straight quotes are kept as written
    assert clean_text("He said \u201cyes\u201d and 'no'.") == "He said \u201cyes\u201d and 'no'."


def test_real_sentences_and_short_inputs_survive():
    # A one-line input without a full stop is not mistaken for a headline and emptied.
    assert clean_text("Arnor condemned Gondor") == "Arnor condemned Gondor"
    text = "Tags on luggage were found.\nMenu prices rose sharply.\nShare prices fell."
    assert clean_text(text) == text
    assert clean_text("Russia Ukraine Talks\nThe sides met.") == "The sides met."
    assert clean_with_title("Russia Ukraine Talks\nThe sides met.")[1] == "Russia Ukraine Talks"


def test_ends_sentence():
    assert ends_sentence("He left.") and ends_sentence('He said "no."') and ends_sentence("(He left.)")
    assert ends_sentence("\u201cWe agree,\u201d")
    assert not ends_sentence("Foreign businesses in China prepare for whatever comes next")
    assert not ends_sentence("Read also:")


def test_rules_are_data_and_bad_patterns_fail_loudly(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text("drop:\n  - 'breaking news!'\nlimits:\n  headline_max_words: 3\n")
    loaded = CleanRules.from_yaml(rules)
    assert loaded.headline_max_words == 3
    text = "A met B.\nBreaking news!\nC met D."
    assert clean_with_title(text, loaded)[0] == "A met B.\nC met D."
    assert clean_text(text) == text  # not a bundled pattern
    # the headline limit is read too: a 4-word trailing line is no longer a headline
    assert clean_with_title("A met B.\nOne two three four", loaded)[0] == "A met B.\nOne two three four"
    rules.write_text("drop:\n  - '(unclosed'\n")
    with pytest.raises(ValueError, match="unclosed"):
        CleanRules.from_yaml(rules)


def test_wire_datelines_and_ascii_quotes_survive():
    text = (
        "NAIROBI, Kenya (AP) _\n"
        "Rescuers searched the rubble on Friday.\n"
        "``They paid an awful price,'' she said. ``They risked their lives.''"
    )
    cleaned, title = clean_with_title(text)
    assert cleaned == text and title is None


def test_real_news_text_loses_almost_nothing():
    """TimeBank/AQUAINT news texts have no scraped debris: nearly every line must survive."""
    import re

    from tests.conftest import shared_path

    files = sorted(shared_path("tempeval3").glob("*/*.tml"))
    total = kept = 0
    for path in files:
        body = re.search(r"<TEXT>(.*)</TEXT>", path.read_text(encoding="utf-8"), re.S)
        if not body:
            continue
        text = re.sub(r"<[^>]+>", "", body.group(1))
        lines = [line for line in (" ".join(x.split()) for x in text.splitlines()) if line]
        cleaned = set(clean_text(text).splitlines())
        total += len(lines)
        kept += sum(1 for line in lines if line in cleaned)
    assert total > 1000
    assert kept / total > 0.99


def test_known_title_repeated_as_first_line_is_removed():
    title = "Chinese leader meets the speaker of the lower house of the Russian parliament in Beijing today"
    article = Article(id="h", text=f"{title}\nXi met Volodin on Thursday.", title=title)
    cleaned = clean_article(article)
    assert cleaned.text == "Xi met Volodin on Thursday." and cleaned.title == title
    assert clean_article(cleaned).text == cleaned.text
    # a lone line equal to the title is the whole article, not removed
    assert clean_article(Article(id="t", text=title, title=title)).text == title


def test_a_repeated_paragraph_that_is_the_whole_article_is_kept_once():
    line = "Li Qiang, the Chinese premier, arrives at Vnukovo Airport in Moscow on Tuesday."
    assert clean_text(f"{line}\n{line}") == line
    assert clean_text(f"Share\n{line}\n{line}\nMenu") == line
