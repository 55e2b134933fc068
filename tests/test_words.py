"""The one vocabulary (data/words.csv, `greenmetrics.words`): the loader's checks, the note
templates, and what a reader sees: every note of the shipped data in Chinese and English, the
zh workbook without English notes, the en workbook and notebook tables without Chinese outside
the columns that hold people's own words."""

from __future__ import annotations

import ast
import io
import re
import unicodedata
from functools import cache
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from greenmetrics import analysis, export, notes, settings, views, words
from greenmetrics.errors import InputError
from greenmetrics.gazetteer import shipped_gazetteer
from greenmetrics.schemas.readers import REGION_COLUMNS, UNIT_COLUMNS, reader_columns
from greenmetrics.workbook import reader_tables

# ASCII in a Chinese note: only these tokens (units, codes, the comparison word "vs").
ALLOWED_ASCII = {"vs", "ug", "PM2", "GDP", "CO2", "nan", "inf", "None"}
ASCII_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Columns of the en workbook that hold people's own words, written in Chinese: the plans' and
# sources' words (quotes, titles, names as written, scopes, curators' notes), file names and
# units as the plans write them. Every other column reads in English.
EN_CHINESE_COLUMNS = {
    "quote", "source", "source_title", "source_quote", "title_zh", "doc_number", "doc_id", "file",
    "region_zh", "indicator_zh", "issuer_zh", "scope_zh", "commitment_zh", "province_zh",
    "parent_region_zh", "benchmark_region_zh", "benchmark_indicator_zh", "text", "unit",
    "reference_unit", "benchmark_unit",
    *(f"{level}_{c}" for level in ("province", "country", "observation", "context")
      for c in ("source", "source_title", "source_quote")),
    # the observations and their conflicts: each source's title, file and quote; curators' notes
    "note", *(f"{side}_{c}" for side in ("used", "other") for c in ("source", "source_title", "quote")),
}  # fmt: skip


def write(tmp_path, text: str):
    path = tmp_path / "words.csv"
    path.write_text(text, encoding="utf-8")
    return path


# -- the loader --------------------------------------------------------------------------------


def test_the_loader_rejects_a_duplicate_naming_file_and_line(tmp_path):
    path = write(tmp_path, "kind,key,zh,en\nchart,a,甲,a\ntheme,a,甲,a\nchart,a,乙,b\n")
    with pytest.raises(InputError, match=r"words\.csv:4: duplicate chart 'a'"):
        words.read_words(path)


@pytest.mark.parametrize(
    "row",
    [
        "chart,a,甲",  # a cell missing
        "chart,a,,a",  # no Chinese
        "chart,a,甲,",  # no English
        "meaning,a,甲,a",  # a meaning's English is the schema's
        'note,a,"{n}个","{m} of them"',  # fields differ between the languages
    ],
)
def test_the_loader_rejects_a_malformed_row_naming_file_and_line(tmp_path, row):
    path = write(tmp_path, f"kind,key,zh,en\nchart,b,乙,b\n{row}\n")
    with pytest.raises(InputError, match=r"words\.csv:3: "):
        words.read_words(path)


def test_the_loader_rejects_a_wrong_header(tmp_path):
    with pytest.raises(InputError, match=r"words\.csv:1: header"):
        words.read_words(write(tmp_path, "key,zh,en\na,甲,a\n"))


def test_a_word_is_one_row_shared_by_charts_and_tables():
    from greenmetrics import charts

    assert (
        charts.label("on_track", "zh")
        == reader_tables.word("status", "on_track", "zh")
        == "速度足够"
    )
    assert words.code_word("status", "on_track", "en") == "fast enough"
    # the pace (status) and the verdict are two questions in two sets of words
    paces = {words.code_word("status", s, "zh") for s in analysis.STATUSES}
    verdicts = {words.code_word("verdict", v, "zh") for v in analysis.VERDICTS}
    assert not paces & verdicts
    assert charts.style.theme_text("air", "zh") == words.code_word("theme", "air", "zh") == "大气"
    assert charts.label("verdict_no_data", "en") == words.code_word("verdict", "no_data", "en")
    assert charts.style.unit_text("万亩", "en") == "10k mu"
    with pytest.raises(KeyError):
        words.word("status", "no_such_status", "zh")


# -- the notes ---------------------------------------------------------------------------------


def test_notes_read_in_both_languages():
    zh = {
        notes.note("no_observation", area="忻州市忻府区"): "忻州市忻府区无观测数据",
        notes.note("no_benchmark"): "无对标值",
        notes.note(
            "no_comparable_benchmark",
            reasons=notes.note("different_kind", kind="level", other_kind="increment"),
        ): "无可比对标值：类型不同（水平值 vs 增量）",
        notes.note("different_year", year=2030, other_year=2025): "目标年不同：2030年 vs 2025年",
        notes.note("converted", value="10.75", unit="亿亩"): "由10.75亿亩换算",
        notes.note("fall_chained", year=2020, years=[2021, 2023]): (
            "自2020年累计下降（由2021—2023年逐年变化连乘）"
        ),
        notes.note("sources_disagree", n=2, values=["12.5", "13"]): (
            "2个来源不一致（12.5、13），采用要求最高者"
        ),
        # a joined note part by part; a curator's note stays as written, even with a ';'
        notes.join(
            [
                notes.note("converted", value="0.0046", unit="亿亩"),
                notes.note("source_note", text="截至2023年底; 首次突破50%"),
            ],
            separator="；",
        ): "由0.0046亿亩换算；来源备注：截至2023年底; 首次突破50%",
        notes.join(
            [notes.note("status_needs", needed="0.75", n=2, seen="0.25"), notes.note("proxy")]
        ): "剩余2年，每年需进展0.75；实际每年0.25；以代理指标观测",
    }
    for note, chinese in zh.items():
        assert notes.render(note, "zh") == chinese
    assert notes.render(notes.note("no_observation", area="忻州市忻府区"), "en") == (
        "no observation for Xinfu District, Xinzhou"
    )
    converted = notes.note("converted", value="10.75", unit="亿亩")
    assert converted == "converted from 10.75 亿亩"  # the tables' text: arguments as written
    assert notes.render(converted, "en") == "converted from 10.75 100M mu"
    assert notes.render(notes.note("different_year", year=2030, other_year=None), "en") == (
        "different target year: 2030 vs none"
    )


def test_a_count_of_one_reads_in_the_singular_in_every_note_and_chart_text():
    one = notes.note("status_needs", needed="0.5", n=1, seen="0.25")
    assert one == "needs 0.5 a year for 1 year; seen 0.25 a year"
    assert notes.render(notes.note("status_needs", needed="0.5", n=3, seen="0.25"), "en") == (
        "needs 0.5 a year for 3 years; seen 0.25 a year"
    )
    assert words.word("chart", "source_plan_count", "en", n=1, names="Linxia") == (
        "1 local plan (Linxia)"
    )
    assert words.word("chart", "source_plan_count", "en", n=2, names="a, b") == (
        "2 local plans (a, b)"
    )
    gaps = dict(n=1, above=1, equal=0, below=0)
    assert words.word("chart", "subtitle_gaps", "en", **gaps).startswith(
        "Of 1 comparable pair of a target and a benchmark, 1 is more ambitious"
    )
    assert words.fill("{n} {n:plan holds|plans hold}", n=2) == "2 plans hold"


def test_a_note_is_kept_as_codes_and_read_back_from_them_not_from_its_text():
    reasons = notes.join(
        [
            notes.note("different_kind", kind="level", other_kind="increment"),
            notes.note("different_year", year=2025, other_year=None),
        ]
    )
    nested = notes.note("no_comparable_benchmark", reasons=reasons)
    code, args = notes.encode(nested)
    assert code == "no_comparable_benchmark"
    assert args == (
        '[{"reasons":{"args":[{"kind":"level","other_kind":"increment"},'
        '{"other_year":null,"year":2025}],"code":"different_kind;different_year"}}]'
    )
    back = notes.decode(code, args)
    assert back.parts == nested.parts
    assert (
        notes.render(back, "zh")
        == "无可比对标值：类型不同（水平值 vs 增量）；目标年不同：2025年 vs 无年"
    )
    assert notes.encode(notes.note("no_benchmark")) == ("no_benchmark", None)
    assert notes.decode(None) is None and notes.decode("") is None
    # a table gets its code columns when it is checked; the text stays the tables' English
    frame = notes.with_codes(pd.DataFrame({"status_note": [reasons, None]}), "target_gaps")
    assert frame["status_note_code"].iloc[0] == "different_kind;different_year"
    assert frame[["status_note_code", "status_note_args"]].iloc[1].isna().all()
    assert type(frame["status_note"].iloc[0]) is str and frame["status_note"].iloc[0] == reasons


def test_a_note_without_a_template_fails():
    with pytest.raises(KeyError):
        notes.note("no_such_note")
    with pytest.raises(TypeError, match="takes"):
        notes.note("no_observation", region="甲省")  # the template's field is {area}
    with pytest.raises(ValueError, match="no_such_note"):
        notes.decode("no_benchmark;no_such_note", None)
    with pytest.raises(ValueError, match="2 templates but 1"):
        notes.decode("no_benchmark;proxy", '[{"n":1}]')
    # prose in an analysis note column is refused, never passed off as English
    with pytest.raises(ValueError, match="prose"):
        notes.with_codes(pd.DataFrame({"status_note": ["something typed by hand"]}), "target_gaps")
    with pytest.raises(TypeError, match="prose"):
        notes.join([notes.note("proxy"), "a typed remark"])


def note_keys(function: ast.FunctionDef, call: ast.Call) -> set[str] | None:
    """The keys `note(...)` may be called with at `call`, read from the code around it: a string;
    a name, from the strings assigned to it in `function`; an f-string on a name, from the
    strings an enclosing `if name in (...)` allows. None when the code does not tell."""
    key = call.args[0]
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return {key.value}
    if isinstance(key, ast.Name):
        assigned = [
            node.value
            for node in ast.walk(function)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == key.id for t in node.targets)
        ]
        found = {c.value for v in assigned for c in ast.walk(v) if isinstance(c, ast.Constant)}
        return {k for k in found if isinstance(k, str)} or None
    if isinstance(key, ast.JoinedStr) and len(key.values) == 2:
        prefix, value = key.values
        if not (isinstance(prefix, ast.Constant) and isinstance(value.value, ast.Name)):
            return None
        for node in ast.walk(function):
            test = node.test if isinstance(node, ast.If) else None
            if (
                isinstance(test, ast.Compare)
                and isinstance(test.left, ast.Name)
                and test.left.id == value.value.id
                and isinstance(test.ops[0], ast.In)
                and isinstance(test.comparators[0], ast.Tuple)
                and any(call is inner for stmt in node.body for inner in ast.walk(stmt))
            ):
                return {prefix.value + c.value for c in test.comparators[0].elts}
    return None


def test_every_note_key_the_analysis_asks_for_exists():
    package = Path(words.__file__).parent
    asked, untold = set(), []
    for path in [*package.glob("analysis/*.py"), package / "findings.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "note":
                    keys = note_keys(function, call)
                    if keys is None:
                        untold.append(f"{path.name}:{call.lineno}")
                    asked |= keys or set()
    assert untold == [], "note keys this test cannot read: write them as strings near the call"
    assert {"verdict_met", "verdict_missed", "status_needs", "no_comparable_benchmark"} <= asked
    assert sorted(k for k in asked if not words.has_word("note", k)) == []


def test_the_key_reader_tells_what_a_call_may_ask_for():
    code = """
def pick(verdict, years):
    key = "few" if years == 1 else "many"
    if verdict in ("met", "missed"):
        return note(f"verdict_{verdict}") + note(key) + note("plain")
    return note(f"other_{verdict}")
"""
    function = ast.parse(code).body[0]
    calls = [c for c in ast.walk(function) if isinstance(c, ast.Call) and c.func.id == "note"]
    found = {ast.unparse(c.args[0]): note_keys(function, c) for c in calls}
    assert found == {
        "f'verdict_{verdict}'": {"verdict_met", "verdict_missed"},
        "key": {"few", "many"},
        "'plain'": {"plain"},
        "f'other_{verdict}'": None,
    }


@cache
def shipped_sheets():
    run = views.load_all()
    return run, run.workbook_sheets


def shipped_notes() -> set[notes.Note]:
    """Every note of the report's sheets, read back from its code columns."""
    _, sheets = shipped_sheets()
    return {
        found
        for df in sheets.values()
        for c in df.columns
        if notes.code_columns(str(c))[0] in df.columns
        for code, args in zip(*(df[k] for k in notes.code_columns(str(c))), strict=True)
        if (found := notes.decode(code, args)) is not None
    }


def blank_people_words(note: notes.Note) -> notes.Note:
    """`note` with what people wrote (scopes, curators' notes) and the place names the
    gazetteer does not know blanked: those stay as written in either language."""
    parts = []
    for part in note.parts:
        args = {}
        for name, value in part.args:
            if name in notes.VERBATIM_FIELDS or (
                name == "area"
                and value != "全国"
                and shipped_gazetteer().find_region(value) is None
            ):
                value = ""
            elif isinstance(value, notes.Note):
                value = blank_people_words(value)
            args[name] = value
        parts.append(notes.note(part.key, **args))
    return notes.join(parts)


def english_left(text: str) -> list[str]:
    return [w for w in ASCII_WORD.findall(text) if w not in ALLOWED_ASCII]


def canonical_note(frame: pd.DataFrame, column: str) -> list[notes.Note | None]:
    """The notes of `column` of `frame`, from its code columns."""
    code, args = notes.code_columns(column)
    return [notes.decode(c, a) for c, a in zip(frame[code], frame[args], strict=True)]


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_every_note_of_the_shipped_data_reads_in_chinese_and_english():
    found = shipped_notes()
    assert len(found) > 50  # the shipped data gives notes of many kinds
    keys = {key for n in found for key in n.keys}
    assert {"no_observation", "different_year", "no_comparable_benchmark", "source_note"} <= keys
    for note in found:
        zh = notes.render(blank_people_words(note), "zh")
        assert not english_left(zh), (note, zh)
        en = notes.render(blank_people_words(note), "en")
        assert not CJK.search(en), (note, en)


# -- what a reader sees ------------------------------------------------------------------------


@cache
def shipped_workbook(lang: str):
    frames, sheets = shipped_sheets()
    data = export.workbook_bytes(sheets, lang=lang, regions=settings.FOCUS_REGIONS)
    return openpyxl.load_workbook(io.BytesIO(data), read_only=True)


def _sheet_rows(lang: str, name: str, df) -> tuple[list, pd.DataFrame]:
    """The rows a table's sheet shows and the canonical frame they come from, row for row (the
    scorecard: its region sheets one after the other, in their columns)."""
    wb = shipped_workbook(lang)
    if name in ("gaps", "observations"):
        parts = {
            reader_tables.word("sheet", name, lang): df[
                list(reader_tables.for_readers(df, name, lang).columns)
            ]
        }
    elif name != "scorecard":
        parts = {reader_tables.word("sheet", name, lang): df}
    else:
        names = words.region_names(df.region_zh, lang, shipped_sheets()[1]["documents"])
        parts = reader_tables.region_scorecards(df, lang, names)
        parts = {t: df.loc[df.region_zh.eq(r), p.columns] for (t, p), r in
                 zip(parts.items(), df.region_zh.drop_duplicates(), strict=True)}  # fmt: skip
    rows = []
    for title, part in parts.items():
        shown = list(wb[title].iter_rows(values_only=True))
        header = [reader_tables.word("column", str(c), lang) for c in _read(part.columns)]
        assert list(shown[0]) == header
        rows += shown[1:]
    return rows, pd.concat(parts.values()) if len(parts) > 1 else next(iter(parts.values()))


def _read(columns) -> list[str]:
    """The columns a reader sees: a note's code columns are rendered into it, not shown."""
    return [c for c in columns if not notes.is_code_column(c)]


def _columns(lang: str, name: str, df) -> tuple[list, list[str], pd.DataFrame]:
    """A sheet's rows, the frame columns they show (in order) and the frame (code columns
    included, so each note can be read from its codes)."""
    rows, frame = _sheet_rows(lang, name, df)
    return rows, _read(frame.columns), frame


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_the_chinese_workbook_has_no_english_note():
    _, sheets = shipped_sheets()
    checked = 0
    for name, df in sheets.items():
        if not any(notes.is_code_column(c) for c in df.columns):
            continue
        rows, columns, frame = _columns("zh", name, df)
        for j, column in enumerate(columns):
            if notes.code_columns(column)[0] not in frame.columns:
                continue
            for cell, canonical in zip(
                (r[j] for r in rows), canonical_note(frame, column), strict=True
            ):
                if canonical is None:
                    continue
                assert cell == notes.render(canonical, "zh"), (name, column, cell)
                assert not english_left(notes.render(blank_people_words(canonical), "zh"))
                checked += 1
    assert checked > 100


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_the_chinese_fields_sheet_gives_meanings_in_chinese():
    _, sheets = shipped_sheets()
    fields = reader_tables.field_dictionary(sheets)
    rows, _, _ = _columns("zh", "fields", reader_tables.fields_in_words(fields, "zh")[0])
    meaning = reader_tables.fields_in_words(fields, "zh")[0].columns.get_loc("meaning")
    assert rows and all(CJK.search(str(r[meaning])) for r in rows)


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_the_english_workbook_has_no_chinese_outside_peoples_words():
    _, sheets = shipped_sheets()
    # regions and units read in English in the workbook (the documents sheet keeps region_zh
    # beside its region_en)
    allowed = EN_CHINESE_COLUMNS - REGION_COLUMNS - UNIT_COLUMNS
    for name, df in sheets.items():
        rows, columns, frame = _columns("en", name, df)
        for j, column in enumerate(columns):
            if column in allowed or (name == "documents" and column == "region_zh"):
                continue
            coded = notes.code_columns(column)[0] in frame.columns
            canonicals = canonical_note(frame, column) if coded else frame[column]
            for cell, canonical in zip((r[j] for r in rows), canonicals, strict=True):
                if not isinstance(cell, str):
                    continue
                if coded and canonical is not None:
                    cell = notes.render(blank_people_words(canonical), "en")
                assert not CJK.search(cell), (name, column, cell)


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_english_notebook_tables_have_no_chinese_outside_peoples_words():
    frames, sheets = shipped_sheets()
    people = EN_CHINESE_COLUMNS - REGION_COLUMNS - UNIT_COLUMNS
    allowed = {reader_tables.word("column", c, "en") for c in people}
    verdicts = sheets["scorecard"][["target_id", "verdict"]]
    gaps = sheets["gaps"].merge(verdicts, on="target_id")
    not_comparable = sheets["comparison"][sheets["comparison"].is_comparable.eq(False)]
    # each reader table a notebook shows (schemas.readers), with its notes' codes, then whole frames
    tables = [
        frame[[c for c in notes.with_their_codes(reader_columns(name)) if c in frame.columns]]
        for name, frame in (
            ("target_provenance", frames.targets),
            ("conflicts", frames.conflicts),
            ("gap_progress", gaps),
            ("not_comparable", not_comparable),
        )
    ] + [sheets["gaps"], sheets["scorecard"]]
    for table in tables:
        shown = views.in_language(table, "en", frames.documents)
        assert not any(notes.is_code_column(c) for c in shown.columns)
        coded = [c for c in table.columns if notes.code_columns(c)[0] in table.columns]
        for column in shown.columns:
            if column in allowed or column == reader_tables.word("column", "indicator_zh", "en"):
                continue  # an unmapped indicator keeps the plan's words
            original = next(
                c for c in table.columns if reader_tables.word("column", c, "en") == column
            )
            canonicals = canonical_note(table, original) if original in coded else table[original]
            for cell, canonical in zip(shown[column], canonicals, strict=True):
                if not isinstance(cell, str):
                    continue
                if original in coded and canonical is not None:
                    assert cell == notes.render(canonical, "en")
                    cell = notes.render(blank_people_words(canonical), "en")
                assert not CJK.search(cell), (column, cell)


def test_wide_characters_are_what_the_cjk_pattern_finds():
    assert all(unicodedata.east_asian_width(c) in "WF" for c in "无对标值，（）")
    assert CJK.search("忻府区") and not CJK.search("Xinfu District, Xinzhou µg/m³")


def test_an_english_count_takes_the_plural_it_needs():
    one = words.word("chart", "scorecard_unobserved", "en", region="Gansu", n=1, names="a")
    two = words.word("chart", "scorecard_unobserved", "en", region="Gansu", n=2, names="a, b")
    assert one == "Gansu: 1 target without an observation: a"
    assert two == "Gansu: 2 targets without an observation: a, b"
    assert words.word("chart", "scorecard_unobserved", "zh", region="甘肃省", n=1, names="a") == (
        "甘肃省：1项目标暂无观测数据：a"
    )


def test_review_notes_read_in_chinese_and_messages_about_one_document_stay_as_written():
    made = pd.DataFrame(
        {
            "category": ["unreported_number", "year_inferred", "table_row", "document_problem"],
            "note": [
                notes.note("review_possibly_missed"),
                notes.note("review_default_year"),
                notes.note("review_table_cells", text="指标 | 单位 | 2025年"),
                "gansu.pdf: 3 stray NUL bytes dropped",
            ],
        }
    )
    review = notes.with_codes(made, "review")
    assert review["note_code"].tolist()[:3] == [
        "review_possibly_missed",
        "review_default_year",
        "review_table_cells",
    ]
    zh = views.in_language(review, "zh")[reader_tables.word("column", "note", "zh")].tolist()
    assert zh == [
        "请核对：可能是漏提的目标",
        "句中无年份：采用了规划的默认目标年",
        "此行单元格与表头（指标 | 单位 | 2025年）对不齐：请人工阅读此行",
        "gansu.pdf: 3 stray NUL bytes dropped",
    ]
    en = views.in_language(review, "en")[reader_tables.word("column", "note", "en")].tolist()
    assert en[:2] == ["check: possibly a missed target", review.note[1]]


@pytest.mark.slow  # the tables of the shipped corpus (extracted on a fresh clone)
def test_every_review_note_of_the_shipped_data_has_a_template():
    frames = views.load_all()
    review = frames.review
    # the rules' notes come from templates; messages about one document (reading problems,
    # duplicates, an unsure region or metadata) are written as they are
    fixed = review[
        review.category.isin(
            ["unreported_number", "unmapped_indicator", "year_inferred", "table_row"]
        )
    ]
    assert len(fixed) > 100
    for text, code, args in zip(fixed.note, fixed.note_code, fixed.note_args, strict=True):
        note = notes.decode(code, args)  # raises on a code of no template
        assert note is not None and str(note) == text, (text, code, args)
    # the messages about one document are the only notes without code
    problems = review[review.category.isin(["document_problem", "duplicate"])]
    assert not problems.note_code.astype(bool).any()
