"""A generated news archive: articles that differ, with paragraphs planted in two articles each.

Sentences are combined from the examples/ pages and from templates with places,
organisations, projects, names and figures drawn at random, so that no two
articles share a long paragraph unless one is planted: 20 copied word for word
and 20 copied nearly (characters changed, or a clause added).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import regex

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PLACES = ["市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市", "西海岸新区", "高新区"]
OFFICES = ["商务局", "发展改革局", "住房城乡建设局", "交通运输局", "教育局", "卫生健康委", "民政局", "文化和旅游局", "农业农村局", "市场监管局"]
PROJECTS = ["老旧小区改造", "城市更新", "地铁沿线配套", "社区食堂", "养老服务驿站", "口袋公园", "公交专用道", "智慧停车", "中小学扩容",
            "农贸市场升级", "污水管网", "滨海步道", "产业园标准厂房", "冷链物流中心", "新能源充电站"]
ACTIONS = ["加快推进", "全面启动", "基本完成", "集中开工", "扎实推进", "提前完成", "分批实施", "统筹推进"]
FIGURES = ["总投资{n}亿元", "惠及居民{k}户", "新增就业岗位{k}个", "建成面积{n}万平方米", "覆盖{s}个街道", "完成年度计划的{p}%", "同比增长{p}%"]
CLOSES = ["群众获得感明显增强", "受到周边居民普遍欢迎", "相关工作将持续推进", "确保年底前全部完工", "为高质量发展注入新动能",
          "进一步方便了市民生活", "下一步将加强跟踪问效", "后续还将分批推出更多举措"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "海晓建明志国文华丽军伟静敏强磊洋艳娜涛超"
PERIODS = ["今年以来", "一季度", "前两个月", "上半年", "1至5月", "去年全年", "近三年来", "“十四五”以来"]
METRICS = ["固定资产投资", "社会消费品零售总额", "外贸进出口总值", "接待游客人次", "新登记市场主体", "规模以上工业增加值"]
STAGES = ["主体施工", "设备安装", "竣工验收", "招标"]
GAINS = ["出门更方便了", "环境变好了", "孩子上学不再发愁", "买菜近了许多"]
ADDED_CLAUSE = "，记者在现场看到，施工人员正在紧张作业"


@dataclass
class Article:
    id: str
    date: str
    headline: str
    byline: str
    paragraphs: list[str]

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def _example_sentences() -> list[str]:
    text = (EXAMPLES / "clean-article.txt").read_text(encoding="utf-8")
    return [s for s in regex.findall(r"[^。\n]{12,}。", text) if not s.startswith(("#", "□")) and "本报" not in s]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _figure(rng: random.Random) -> str:
    return rng.choice(FIGURES).format(n=round(rng.uniform(1, 300), 1), k=rng.randint(120, 98000), s=rng.randint(3, 40), p=round(rng.uniform(1, 99), 1))


def _sentence(rng: random.Random) -> str:
    place, office, project = rng.choice(PLACES), rng.choice(OFFICES), rng.choice(PROJECTS)
    form = rng.randrange(6)
    if form == 0:
        return f"{rng.choice(PERIODS)}，{place}{rng.choice(ACTIONS)}{project}项目{rng.randint(2, 90)}个，{_figure(rng)}，{rng.choice(CLOSES)}。"
    if form == 1:
        return f"{place}{office}负责人{_name(rng)}介绍，{project}工作坚持问需于民，{_figure(rng)}，{rng.choice(CLOSES)}。"
    if form == 2:
        return f"据{place}{office}统计，{rng.choice(PERIODS)}全区{rng.choice(METRICS)}达到{round(rng.uniform(10, 900), 1)}亿元，{_figure(rng)}。"
    if form == 3:
        return f"在{place}{rng.choice(['东', '西', '南', '北'])}部片区，{project}已进入{rng.choice(STAGES)}阶段，{_figure(rng)}。"
    if form == 4:
        return f"居民{_name(rng)}告诉记者，{project}完成后{rng.choice(GAINS)}，{rng.choice(CLOSES)}。"
    return f"{place}将围绕{project}出台{rng.randint(3, 30)}项具体措施，计划到{rng.randint(2025, 2030)}年{_figure(rng)}。"


def _paragraph(rng: random.Random, examples: list[str]) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 3))]
    if rng.random() < 0.3:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(examples))
    return "".join(sentences)


def _nearly(rng: random.Random, paragraph: str, kind: int) -> str:
    """A near copy: a clause added before the last full stop, or three Chinese characters changed."""
    if kind % 2 == 0:
        return paragraph[:-1] + ADDED_CLAUSE + "。"
    chars = list(paragraph)
    han = [i for i, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for i in rng.sample(han, 3):
        chars[i] = rng.choice("新老大小东西南北中")
    return "".join(chars)


def build_archive(count: int = 2000, planted: int = 20, seed: int = 16) -> tuple[list[Article], set[tuple[str, str]]]:
    """`count` articles and the planted pairs (source id, copy id): `planted` exact, `planted` near."""
    rng = random.Random(seed)
    examples = _example_sentences()
    articles = []
    for number in range(count):
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        paragraphs = [_paragraph(rng, examples) for _ in range(rng.randint(3, 5))]
        paragraphs[0] = f"本报{month}月{day}日讯 （记者 {_name(rng)}）" + paragraphs[0]
        articles.append(Article(
            f"a{number:05d}", f"2024-{month:02d}-{day:02d}", f"{rng.choice(PLACES)}{rng.choice(ACTIONS)}{rng.choice(PROJECTS)}",
            f"记者 {_name(rng)}", paragraphs,
        ))
    chosen = rng.sample(range(count), planted * 4)
    pairs = set()
    for k in range(planted * 2):
        source, copy = articles[chosen[2 * k]], articles[chosen[2 * k + 1]]
        paragraph = max(source.paragraphs[1:], key=len)
        copied = paragraph if k < planted else _nearly(rng, paragraph, k)
        copy.paragraphs.insert(rng.randint(1, len(copy.paragraphs)), copied)
        pairs.add((source.id, copy.id))
    return articles, pairs


def write_jsonl(articles: list[Article], path: Path) -> None:
    import json

    with path.open("w", encoding="utf-8") as stream:
        for a in articles:
            stream.write(json.dumps({"id": a.id, "date": a.date, "headline": a.headline, "byline": a.byline, "body": a.body}, ensure_ascii=False) + "\n")


def write_parquet(articles: list[Article], path: Path, row_group_size: int = 250) -> None:
    import pyarrow
    import pyarrow.parquet

    columns = {"id": [a.id for a in articles], "date": [a.date for a in articles], "headline": [a.headline for a in articles],
               "byline": [a.byline for a in articles], "body": [a.body for a in articles]}
    pyarrow.parquet.write_table(pyarrow.table(columns), path, row_group_size=row_group_size)
