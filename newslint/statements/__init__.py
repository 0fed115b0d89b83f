"""Read the arithmetic statements statistics copy is made of.

Statistical releases and economic reports state a handful of relations between
figures, in a handful of ways (after the NBS's own release style):

- a total and its parts: 进出口总值30.13万亿元……其中，出口17.44万亿元……进口12.69万亿元;
  分城乡看，城镇……乡村……; 第一产业……第二产业……第三产业……;
- a part named after 其中, or M of N (37个行业中有21个), that cannot exceed its whole;
- a share: 占年初预算数109466万元的90.9%, 占一般公共预算支出的64.7%, 占比10.47%;
- a gap in percentage points: 增长5.5%，高于GDP增速0.2个百分点; 快于序时进度3.4个百分点;
- a count against the items listed: 江苏、浙江、安徽三省; 从五个方面……一是……五是.

This module finds them and hands the number rules plain statements; it decides
nothing about right or wrong. What never adds is left out here: per-capita and
average figures, prices and indices, rates, approximations, ranges.
"""

from __future__ import annotations

from ..document import Article, Document
from ..numbers import Quantity, block_quantities
from .claims import ArticleStatements
from .counts import _counts_after_lists, _counts_then_lists, _counts_then_numbered, _counts_then_ordinals, _counts_then_rates
from .parts import _breakdowns, _counted_breakdowns, _differences, _listed_parts, _m_of_n, _part_ofs
from .points import _gaps_from_one_base, _points
from .reading import _GROWTH, _clause_before, _is_amount, _period_months, _sentence_before
from .shares import _breakdown_shares, _periods_before, _shares, _shares_of_counts, _shares_of_one_whole, _structures


def statements(doc: Document, article: Article) -> ArticleStatements:
    """Every statement of one article, read once and shared by the number rules."""
    return doc.memo(f"statements:{article.index}", lambda: _read_article(doc, article))


def _read_article(doc: Document, article: Article) -> ArticleStatements:
    result = ArticleStatements([], [], [], [], [], [], [], [], [], [], [])
    amounts_seen: list[Quantity] = []
    rates_seen: list[tuple[Quantity, str]] = []
    clauses: dict[int, str] = {}  # the clause before each amount: what it is of
    periods: dict[int, str] = {}  # the period each amount's paragraph opens with: when it is of
    period = _period_months(" ".join(b.text for b in article.blocks[:4]))
    blocks = [b for b in article.blocks if b.kind.value in ("body", "list-item", "subhead")]
    percents: list[Quantity] = []
    for position, block in enumerate(blocks):
        quantities = block_quantities(doc, block)
        amounts = [q for q in quantities if _is_amount(block, q)]
        clauses.update((q.start, _clause_before(block, q)) for q in amounts)
        periods.update(_periods_before(block, amounts))
        rates = [(q, _sentence_before(block, q)) for q in quantities if q.is_percent and not q.in_range and _GROWTH.search(_clause_before(block, q))]
        result.breakdowns.extend(_breakdowns(amounts, amounts_seen, clauses))
        result.breakdowns.extend(_counted_breakdowns(block, amounts, clauses))
        result.part_ofs.extend(_part_ofs(block, quantities, amounts))
        result.part_ofs.extend(_m_of_n(block))
        result.listed_parts.extend(_listed_parts(block, amounts))
        result.differences.extend(_differences(block, quantities))
        result.shares.extend(_shares(block, quantities, amounts, amounts_seen, result.breakdowns, result.part_ofs, clauses, periods))
        result.share_sets.extend(_shares_of_one_whole(block, quantities, amounts))
        result.structures.extend(_structures(block))
        result.shares.extend(_shares_of_counts(block, quantities))
        result.points.extend(_points(block, quantities, rates, rates_seen, period))
        result.gap_pairs.extend(_gaps_from_one_base(block, quantities, rates))
        result.counts.extend(_counts_after_lists(block))
        result.counts.extend(_counts_then_ordinals(block, blocks[position + 1 : position + 12]))
        result.counts.extend(_counts_then_lists(block))
        result.counts.extend(_counts_then_numbered(block, blocks[position + 1 : position + 32]))
        result.counts.extend(_counts_then_rates(block))
        amounts_seen.extend(amounts)
        rates_seen.extend(rates)
        percents.extend(q for q in quantities if q.is_percent)
    result.breakdown_shares.extend(_breakdown_shares(doc, result.breakdowns, percents))
    return result
