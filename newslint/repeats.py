"""Paragraph fingerprints, and the index that finds a paragraph again in other articles.

What duplicate/across-articles keeps of a document is one ParagraphPrint per
long body paragraph: a hash of its comparison key (for exact copies) and a
MinHash signature of the key's character 4-grams (for near copies), with its
place in the document; never its text. The prints of the whole batch are
then indexed in one process: exact copies meet in a dict, near copies in
datasketch's MinHashLSH, and every candidate pair is confirmed on the
signatures before two paragraphs are said to be the same.

datasketch (with scipy) is imported only here, and only when the rule runs:
the plain install does not carry it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .document import Block, Document

SHINGLE_CHARS = 4  # a Chinese word is one to four characters: 4-grams change where a character changes
SIGNATURE_SIZE = 128  # permutations: the Jaccard estimate is within about 0.04 of the truth at 0.7
INSTALL_HINT = "pip install 'newslint[near-duplicates]'"


class MissingLibrary(Exception):
    """datasketch is not installed; the message names the install command."""


@dataclass(frozen=True, slots=True)
class ParagraphPrint:
    """One paragraph as the batch index sees it: its place, an exact key and a MinHash signature."""

    offset: int
    end_offset: int
    line: int
    column: int
    end_line: int
    end_column: int
    exact: bytes  # the comparison key's digest: equal for copies that differ only in spacing and punctuation width
    signature: bytes  # SIGNATURE_SIZE uint32 MinHash values of the key's 4-grams


@dataclass(frozen=True, slots=True)
class Occurrence:
    document: int
    paragraph: ParagraphPrint


@dataclass(frozen=True, slots=True)
class Repeat:
    """A paragraph found in several documents: every occurrence, in batch order, and how alike the least alike pair is."""

    occurrences: tuple[Occurrence, ...]
    exact: bool
    similarity: float

    def documents(self) -> set[int]:
        return {o.document for o in self.occurrences}


def require_datasketch():
    try:
        from datasketch import LeanMinHash, MinHash  # noqa: PLC0415 - only when the rule runs
    except ImportError:
        raise MissingLibrary(f"duplicate/across-articles needs datasketch for near copies: {INSTALL_HINT}") from None
    return MinHash, LeanMinHash


_PERMUTATIONS = None


def _signature(key: str) -> bytes:
    global _PERMUTATIONS
    minhash_class, _ = require_datasketch()
    if _PERMUTATIONS is None:
        _PERMUTATIONS = minhash_class(num_perm=SIGNATURE_SIZE, seed=1).permutations
    minhash = minhash_class(num_perm=SIGNATURE_SIZE, seed=1, permutations=_PERMUTATIONS, scheme="affine32")
    minhash.update_batch(key[i : i + SHINGLE_CHARS].encode("utf-8") for i in range(len(key) - SHINGLE_CHARS + 1))
    return minhash.hashvalues.tobytes()


def paragraph_prints(doc: Document, keyed: Iterable[tuple[Block, str]]) -> tuple[ParagraphPrint, ...]:
    """The prints of these paragraphs of doc, each with its comparison key (the text a copy must share)."""
    return tuple(
        ParagraphPrint(
            block.start, block.end, *doc.position(block.start), *doc.position(block.end),
            hashlib.blake2b(key.encode("utf-8"), digest_size=12).digest(), _signature(key),
        )
        for block, key in keyed
    )


def _similarity(first: bytes, second: bytes) -> float:
    import numpy as np  # noqa: PLC0415 - numpy comes with datasketch's use

    a, b = np.frombuffer(first, dtype=np.uint32), np.frombuffer(second, dtype=np.uint32)
    return float(np.count_nonzero(a == b)) / len(a)


def find_repeats(documents: list[tuple[ParagraphPrint, ...] | None], similarity: float) -> Iterator[Repeat]:
    """Groups of paragraphs, in at least two documents, that are the same or nearly
    (estimated Jaccard similarity of their 4-grams at least `similarity`).

    A group is what copies are linked to, directly or through another copy, so a
    paragraph sent round the wire with a word changed here and a clause added
    there is one group, not several. Copies inside one document are
    duplicate/paragraph's, not this rule's.
    """
    minhash_class, lean_class = require_datasketch()
    from datasketch import MinHashLSH  # noqa: PLC0415

    occurrences = [Occurrence(number, p) for number, prints in enumerate(documents) if prints for p in prints]
    parent = list(range(len(occurrences)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    # Candidates a little below the threshold, so that the estimate, not the banding, decides.
    index = MinHashLSH(threshold=max(0.1, similarity - 0.1), num_perm=SIGNATURE_SIZE)
    first_exact: dict[bytes, int] = {}
    lowest: dict[tuple[int, int], float] = {}
    for number, occurrence in enumerate(occurrences):
        paragraph = occurrence.paragraph
        earlier = first_exact.get(paragraph.exact)
        if earlier is not None:
            join(number, earlier)  # an exact copy is not indexed again: its first copy stands for it
            continue
        first_exact[paragraph.exact] = number
        import numpy as np  # noqa: PLC0415

        signature = lean_class(seed=1, hashvalues=np.frombuffer(paragraph.signature, dtype=np.uint32), scheme="affine32")
        for other in index.query(signature):
            score = _similarity(paragraph.signature, occurrences[other].paragraph.signature)
            if score >= similarity:
                join(number, other)
                lowest[(other, number)] = score
        index.insert(number, signature, check_duplication=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for number in range(len(occurrences)):
        groups[root(number)].append(number)
    scores: dict[int, float] = {}
    for (first, _), score in lowest.items():
        group = root(first)
        scores[group] = min(score, scores.get(group, 1.0))
    for group, members in sorted(groups.items()):
        found = tuple(occurrences[m] for m in members)
        if len({o.document for o in found}) < 2:
            continue
        yield Repeat(found, exact=len({o.paragraph.exact for o in found}) == 1, similarity=scores.get(group, 1.0))
