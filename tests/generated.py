"""Generated pages of plausible copy with known slips, for large-input tests."""

from __future__ import annotations

import random

PLACES = ["市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市"]
SUBJECTS = ["外贸企业", "城市书房", "老旧小区", "公交线路", "社区食堂", "养老驿站", "口袋公园", "停车泊位", "充电桩", "菜市场"]
VERBS = ["新建", "改造", "开通", "提升", "启用", "整治", "扩建", "更新"]
CLOSES = ["受到周边居民欢迎", "方便了市民出行", "群众获得感明显增强", "相关工作将持续推进", "年底前全部完成"]


def paragraph(rng: random.Random, slip: bool) -> str:
    place, subject, verb, close = rng.choice(PLACES), rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(CLOSES)
    comma = "," if slip else "，"  # a half-width comma in Chinese copy: one punct finding each
    return (
        f"今年以来，{place}加快{verb}{subject}，第{rng.randint(2, 6000)}号方案已经公布{comma}{close}。"
        f"{place}相关负责人介绍，{subject}{verb}工作坚持问需于民，项目编号{rng.randint(10000, 99999)}已于近日完成验收。"
    )


def page(rng: random.Random, articles: int = 12, paragraphs: int = 8) -> str:
    parts = []
    for _ in range(articles):
        parts.append(f"## {rng.choice(PLACES)}{rng.choice(VERBS)}{rng.choice(SUBJECTS)}{rng.randint(2, 99)}处\n")
        parts.append(f"□本报记者 {rng.choice('孙李王张刘陈')}{rng.choice('海晓建明')}{rng.choice('宁梅军华')}\n")
        body = [paragraph(rng, slip=k % 3 == 0) for k in range(paragraphs)]
        body[0] = f"本报{rng.randint(1, 12)}月{rng.randint(1, 28)}日讯 " + body[0]
        parts.extend(p + "\n" for p in body)
    return "\n".join(parts)


def batch(total_bytes: int, seed: int = 15) -> list[str]:
    """Pages of copy adding up to about total_bytes of UTF-8."""
    rng = random.Random(seed)
    pages, size = [], 0
    while size < total_bytes:
        text = page(rng)
        pages.append(text)
        size += len(text.encode("utf-8"))
    return pages
