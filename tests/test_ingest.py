"""Ingest: every input format, dates from manifests and datelines, and every kind of bad input
reported as an InputProblem (never raised) while the rest is still read."""

from __future__ import annotations

import io
import json
import pathlib
from pathlib import Path

import pytest

from dyad.ingest import (
    find_dateline,
    normalize_date,
    read_inputs,
    read_jsonl_binary,
    read_jsonl_stream,
)
from dyad.records import Article, InputProblem

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
EXAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def split(results):
    results = list(results)
    articles = [r for r in results if isinstance(r, Article)]
    problems = [r for r in results if isinstance(r, InputProblem)]
    assert len(articles) + len(problems) == len(results)
    return articles, problems


# --- plain text, manifest, datelines ---------------------------------------------------------


def test_seed_folder_uses_manifest_ids_and_dates():
    articles, problems = split(read_inputs([EXAMPLE_CORPUS]))
    assert problems == []
    assert [a.id for a in articles] == [
        "000_4aacbefe7d403d23",
        "001_b1bd290e18ea460c",
        "002_22ae88da44042ebd",
        "003_6b3e7d6caff0f75d",
        "004_c082953bc7ab4014",
    ]
    assert [a.published for a in articles] == [
        "2022-09-07", "2024-08-21", "2023-11-23", "2024-08-21", "2023-05-24",
    ]  # fmt: skip
    assert articles[0].text.startswith("BEIJING: China's top lawmaker Li Zhanshu")
    assert articles[0].origin.endswith("000_4aacbefe7d403d23.txt")


def test_text_file_without_manifest_takes_stem_and_dateline(tmp_path):
    (tmp_path / "iso.txt").write_text("2023-11-23 08:48\nXi met Volodin in Beijing.\n")
    (tmp_path / "written.txt").write_text("By Jane Doe\nSeptember 7, 2022\nLi met Putin.\n")
    (tmp_path / "none.txt").write_text("Li met Putin on Wednesday.\n")
    articles, problems = split(read_inputs([tmp_path]))
    assert problems == []
    dates = {a.id: a.published for a in articles}
    assert dates == {"iso": "2023-11-23", "written": "2022-09-07", "none": None}


def test_manifest_date_wins_and_bad_manifest_row_is_reported():
    articles, problems = split(read_inputs([FIXTURES / "corpus"]))
    by_id = {a.id: a for a in articles}
    # The manifest's date beats the "Published: September 7, 2022" line in the text.
    assert by_id["m-alpha"].published == "2024-08-21"
    assert by_id["m-bad"].published is None
    assert by_id["dateline"].published == "2023-11-23"  # extensionless file, dateline
    reasons = {p.origin.rsplit("/", 1)[-1]: p.reason for p in problems}
    assert "not a date" in reasons["manifest.csv:3"]
    assert "unsupported file type '.csv'" in reasons["table.csv"]
    # hidden files and the manifest itself are not articles
    assert not any("hidden" in a.origin or a.origin.endswith("manifest.csv") for a in articles)


def test_dateline_only_near_the_top_and_only_full_dates():
    assert find_dateline("Thursday, November 23, 2023\nText.") == "2023-11-23"
    assert find_dateline("Updated 7 Sept 2022, 10:02 am\nText.") == "2022-09-07"
    assert find_dateline("In March 2022 the talks began.") is None  # no day
    deep = "\n".join(["Paragraph."] * 10 + ["2020-01-02"])
    assert find_dateline(deep) is None
    long_line = "The treaty of " + "x " * 60 + "was signed on September 7, 2022 in Moscow."
    assert find_dateline(long_line) is None  # a date inside a sentence is the event's


def test_normalize_date_forms():
    assert normalize_date("2022-09-07") == "2022-09-07"
    assert normalize_date("2023-05-24T23:30:00+08:00") == "2023-05-24"  # printed day kept
    assert normalize_date("2024-08-21T10:00:00Z") == "2024-08-21"
    assert normalize_date("September 7, 2022") == "2022-09-07"
    assert normalize_date("2022-02-30") is None
    assert normalize_date("next Tuesday") is None
    assert normalize_date(20220907) is None


def test_colliding_stems_get_distinct_ids(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(f"Story from {sub}.\n")
    articles, _ = split(read_inputs([tmp_path]))
    ids = [a.id for a in articles]
    assert ids[0] == "story" and ids[1].startswith("story~") and len(set(ids)) == 2


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_and_metadata():
    (article,) = read_inputs([FIXTURES / "article.html"])
    assert isinstance(article, Article)
    assert article.id == "article"
    assert article.title == "Xi meets Russian Duma speaker Volodin"
    assert article.published == "2023-11-23"
    assert article.author == "Jane Doe"
    assert article.url == "https://news.example.com/2023/11/23/xi-volodin"
    assert article.source == "Example Wire"
    assert "Chinese leader Xi Jinping met Vyacheslav Volodin" in article.text
    assert "Skip to content" not in article.text and "Copyright" not in article.text


def test_html_without_article_text_is_a_problem():
    (problem,) = read_inputs([FIXTURES / "navonly.html"])
    assert isinstance(problem, InputProblem)
    assert problem.reason == "no article text found in HTML"


# --- JSONL ------------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines():
    path = FIXTURES / "articles.jsonl"
    articles, problems = split(read_inputs([path]))
    assert [a.id for a in articles] == ["a1", "a6", "8"]
    a1, a6, a8 = articles
    assert a1.published == "2022-09-07" and a1.origin == f"{path}:1"
    assert a6.published == "2023-05-24" and a6.source == "Gondor Times"  # via the HTML path
    assert a6.text.startswith("Gondor accused Arnor")
    assert a8.url == "https://example.org/8"
    reasons = {p.origin: p.reason for p in problems}
    assert set(reasons) == {f"{path}:{n}" for n in (2, 3, 4, 7, 8)}  # line 5 is blank
    assert reasons[f"{path}:2"].startswith("malformed JSON")
    assert reasons[f"{path}:3"] == "missing or empty 'id'"
    assert reasons[f"{path}:4"] == "missing 'text' (or 'html')"
    assert "not an ISO date" in reasons[f"{path}:7"]
    assert "expected a JSON object" in reasons[f"{path}:8"]


def test_read_jsonl_stream_from_strings():
    lines = [json.dumps({"id": "x", "text": "A met B."}), "{oops", json.dumps({"id": "y"})]
    articles, problems = split(read_jsonl_stream(lines, "mem"))
    assert [a.id for a in articles] == ["x"]
    assert [p.origin for p in problems] == ["mem:2", "mem:3"]


def test_stdin_dash_reads_jsonl():
    data = b'{"id": "s1", "text": "A met B."}\n\xff\xfe bad bytes\n{"id": "s2", "text": "C met D."}\n'
    articles, problems = split(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert [a.id for a in articles] == ["s1", "s2"]
    assert problems[0].origin == "<stdin>:2" and "invalid UTF-8" in problems[0].reason


class _CountingStream(io.BytesIO):
    """Records how far the reader has read, to prove it streams."""

    def readline(self, size=-1):  # type: ignore[override]
        line = super().readline(size)
        self.max_pos = self.tell()
        return line


def test_jsonl_is_streamed_not_loaded_whole():
    body = b"".join(b'{"id": "%d", "text": "Line %d."}\n' % (i, i) for i in range(20000))
    stream = _CountingStream(body)
    first = next(read_jsonl_binary(stream, "big.jsonl"))
    assert isinstance(first, Article) and first.id == "0"
    assert stream.max_pos < 1000 < len(body)


def test_overlong_jsonl_line_is_reported_and_reading_goes_on():
    data = (
        json.dumps({"id": "big", "text": "x " * 5000}) + "\n"
        + json.dumps({"id": "ok", "text": "A met B."}) + "\n"
    ).encode()  # fmt: skip
    articles, problems = split(read_jsonl_binary(io.BytesIO(data), "f.jsonl", max_line_bytes=1000))
    assert [a.id for a in articles] == ["ok"]
    assert problems[0].origin == "f.jsonl:1"
    assert "one article may be at most" in problems[0].reason


# --- feeds ------------------------------------------------------------------------------------


def test_rss_items_become_articles():
    articles, problems = split(read_inputs([FIXTURES / "feed.rss"]))
    assert [a.title for a in articles] == ["Li Qiang arrives in Moscow", "Mishustin visits Beijing"]
    li, mishustin = articles
    assert li.id == "ew-2024-0820-li"
    assert li.url == "https://news.example.com/2024/08/20/li-qiang-moscow"
    assert li.published == "2024-08-20"
    assert li.source == "Example Wire: Asia"
    # full content preferred over the summary; HTML stripped; paragraphs on their own lines
    assert li.text == (
        "Chinese Premier Li Qiang arrived in Moscow on Tuesday for talks with Russian Prime "
        "Minister Mikhail Mishustin.\nLi will also meet President Vladimir Putin, Russian media reported."
    )
    assert mishustin.text.startswith("Russian Prime Minister Mikhail Mishustin signed")
    assert "<p>" not in mishustin.text
    assert [p.origin.rsplit("/", 1)[-1] for p in problems] == ["feed.rss#item3"]


def test_atom_entry_and_sniffed_feed(tmp_path):
    (article,) = read_inputs([FIXTURES / "feed.atom"])
    assert article.published == "2022-09-07"
    assert article.author == "Sam Lee" and article.source == "Example Atom Desk"
    sniffed = tmp_path / "feed_without_extension"
    sniffed.write_bytes((FIXTURES / "feed.atom").read_bytes())
    (same,) = read_inputs([sniffed])
    assert isinstance(same, Article) and same.text == article.text


def test_xml_that_is_not_a_feed(tmp_path):
    path = tmp_path / "data.xml"
    path.write_text("<?xml version='1.0'?><root><a>1</a></root>")
    (problem,) = read_inputs([path])
    assert isinstance(problem, InputProblem)


# --- bad input --------------------------------------------------------------------------------


def test_missing_path_and_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n")
    results = list(read_inputs([tmp_path / "nope.txt", tmp_path / "empty.txt", tmp_path / "blank.txt"]))
    assert [(type(r).__name__, r.reason) for r in results] == [
        ("InputProblem", "no such file or directory"),
        ("InputProblem", "empty file"),
        ("InputProblem", "empty text"),
    ]
    assert results[0].origin == str(tmp_path / "nope.txt")


def test_binary_files_are_reported(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "nul.txt").write_bytes(b"text\x00with nul")
    (tmp_path / "ok.txt").write_text("Arnor met Gondor.")
    articles, problems = split(read_inputs([tmp_path]))
    assert [a.id for a in articles] == ["ok"]
    assert len(problems) == 2 and all("binary" in p.reason for p in problems)


def test_invalid_utf8(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Arnor met Gondor." + b"\x81\x8d\x90 more")  # not UTF-8, not cp1252
    (problem,) = read_inputs([bad])
    assert isinstance(problem, InputProblem)
    assert problem.reason.startswith("invalid UTF-8 at byte 17")


def test_cp1252_text_is_accepted(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Caf\u00e9 talks: \u201cwe agree\u201d, the minister said.".encode("cp1252"))
    (article,) = read_inputs([legacy])
    assert isinstance(article, Article)
    assert article.text == "Caf\u00e9 talks: \u201cwe agree\u201d, the minister said."


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Arnor met Gondor.".encode("utf-16"))
    (article,) = read_inputs([path])
    assert isinstance(article, Article) and article.text == "Arnor met Gondor."


def test_50mb_text_file_is_reported_not_read(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:  # sparse: no 50 MB actually written
        fh.truncate(50 * 1024 * 1024)

    def refuse(self):  # reading it whole would defeat the point of the check
        raise AssertionError(f"read {self}")

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    (problem,) = read_inputs([big])
    assert isinstance(problem, InputProblem)
    assert problem.reason == "file is 50.0 MB; one article may be at most 5.0 MB"


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("Arnor met Gondor. " * 100)
    (problem,) = read_inputs([path], max_article_bytes=1000)
    assert isinstance(problem, InputProblem)
    assert problem.reason == "file is 1.8 KB; one article may be at most 1000 bytes"
    (article,) = read_inputs([path])
    assert isinstance(article, Article)


def test_json_array_file(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"id": "j1", "text": "A met B."}, {"id": "j2"}], indent=2))
    articles, problems = split(read_inputs([path]))
    assert [a.id for a in articles] == ["j1"]
    assert problems[0].origin == f"{path}:[1]"


@pytest.mark.parametrize("name", ["unknown.bin"])
def test_unknown_extension_named_explicitly_is_sniffed(tmp_path, name):
    path = tmp_path / name
    path.write_text("Arnor met Gondor.")
    (article,) = read_inputs([path])
    assert isinstance(article, Article) and article.id == "unknown"


def test_other_code_pages_are_not_mistaken_for_cp1252(tmp_path):
    cyrillic = "Президент России Владимир Путин встретился с председателем КНР в Москве."
    (tmp_path / "ru.txt").write_bytes(cyrillic.encode("cp1251"))
    (problem,) = read_inputs([tmp_path / "ru.txt"])
    assert isinstance(problem, InputProblem) and problem.reason.startswith("invalid UTF-8 at byte 0")
    # an HTML page declares its charset, and that is honoured
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>'
        f"<p>{cyrillic}</p><p>Стороны обсудили торговлю и энергетику, сообщил Кремль.</p>"
        "</article></body></html>"
    )
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    (article,) = read_inputs([tmp_path / "ru.html"])
    assert isinstance(article, Article) and article.text.startswith(cyrillic)
