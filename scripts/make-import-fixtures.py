#!/usr/bin/env python3
"""Retypes the 2019 Luoyang plan (the bundled seed) in the other formats the importer reads.

Writes into Tests/MinshengCoreTests/Fixtures:
  luoyang-2019-paragraphs.docx  notice first, then the plan as Word paragraphs with heading styles
  luoyang-2019-table.docx       the plan as a Word table, category rows spanning the table
  luoyang-2019.xlsx             a task table with a category column and a merged title row
  luoyang-2019.csv              the same task table as CSV (UTF-8 with BOM, as Excel saves it)
  luoyang-2019-gb18030.txt      the seed re-encoded as GB18030
  luoyang-2019-utf16.txt        the seed re-encoded as UTF-16LE with BOM

Needs python-docx and openpyxl (pip install python-docx openpyxl). The items are read from the seed by plain
regular expressions, with the three page-break repairs written out by hand, so the fixtures do not depend on the
importer they test.
"""
import csv
import os
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Sources/MinshengCore/Resources/luoyang-2019.txt")
OUT = os.path.join(ROOT, "Tests/MinshengCoreTests/Fixtures")
UNIT_SPLIT = r"、(?![^()]*\))"


def read_seed():
    text = open(SEED, encoding="utf-8").read()
    # Page-break repairs, as a person retyping the document would make them.
    notice_start = text.index("## 中共洛阳市委办公室")
    notice_end = text.index("2019年2月18日") + len("2019年2月18日")
    notice = text[notice_start:notice_end]
    text = text[:notice_start] + text[notice_end:]
    text = text.replace("提升四级远程医疗服务系统\n\n\n\n标准化建设水平", "提升四级远程医疗服务系统标准化建设水平")
    text = text.replace("新增数字高清监控\n\n3000路", "新增数字高清监控3000路")
    text = text.replace("市城\n\n投集团", "市城投集团")
    text = text[: text.index("社会主义核心价值观")]
    notice = notice.replace("践行群众路线\n\n线、", "践行群众路线、").replace("民生情\n\n怀", "民生情怀")
    notice_lines = [l.strip() for l in notice.replace("## ", "").split("\n") if l.strip()]

    lines = [l.strip() for l in text.split("\n")]
    title = lines[2].lstrip("# ").strip()
    preamble = lines[4]
    categories, current, number = [], None, 0
    for line in lines:
        m = re.match(r"^## ([一二三四五六七八九十]+)、(.+)$", line)
        if m:
            categories.append({"numeral": m.group(1), "name": m.group(2), "items": []})
            continue
        m = re.match(r"^(\d+)\.(.*)$", line)
        if m and int(m.group(1)) == number + 1:
            number += 1
            current = {"number": number, "text": m.group(2).strip(), "lead": [], "responsible": []}
            categories[-1]["items"].append(current)
            continue
        m = re.match(r"^\*\*(牵头单位|责任单位):\*\*(.*)$", line)
        if m:
            key = "lead" if m.group(1) == "牵头单位" else "responsible"
            current[key] = re.split(UNIT_SPLIT, m.group(2).strip())
            continue
        if line and current is not None and not current["lead"] and not line.startswith("#"):
            current["text"] += line
    return title, preamble, notice_lines, categories


def paragraphs_docx(title, preamble, notice_lines, categories):
    doc = Document()
    doc.add_heading(notice_lines[0], level=1)
    for line in notice_lines[1:]:
        doc.add_paragraph(line)
    doc.add_paragraph("附件")
    doc.add_heading(title, level=1)
    doc.add_paragraph(preamble)
    for category in categories:
        doc.add_heading(f"{category['numeral']}、{category['name']}", level=2)
        for item in category["items"]:
            doc.add_paragraph(f"{item['number']}．{item['text']}")
            doc.add_paragraph("牵头单位：" + "、".join(item["lead"]))
            if item["responsible"]:
                doc.add_paragraph("责任单位：" + "、".join(item["responsible"]))
    doc.save(os.path.join(OUT, "luoyang-2019-paragraphs.docx"))


def table_docx(title, preamble, categories):
    doc = Document()
    doc.add_heading(title, level=1)
    doc.add_paragraph(preamble)
    table = doc.add_table(rows=1, cols=4)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, name in zip(table.rows[0].cells, ["序号", "项目内容", "牵头单位", "责任单位"]):
        cell.text = name
    for category in categories:
        row = table.add_row().cells
        merged = row[0].merge(row[3])
        merged.text = f"{category['numeral']}、{category['name']}"
        for item in category["items"]:
            row = table.add_row().cells
            row[0].text = str(item["number"])
            row[1].text = item["text"]
            row[2].text = "\n".join(item["lead"])
            row[3].text = "、".join(item["responsible"])
    doc.save(os.path.join(OUT, "luoyang-2019-table.docx"))


def task_rows(categories):
    for category in categories:
        for item in category["items"]:
            yield [item["number"], category["name"], item["text"], "、".join(item["lead"]), "、".join(item["responsible"])]


HEADER = ["序号", "类别", "项目内容", "牵头单位", "责任单位"]


def xlsx(title, categories):
    wb = Workbook()
    ws = wb.active
    ws.title = "任务分解"
    ws.append([title])
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(HEADER)
    for row in task_rows(categories):
        ws.append(row)
    ws.freeze_panes = "A3"
    for column, width in zip("ABCDE", [6, 12, 60, 24, 30]):
        ws.column_dimensions[column].width = width
    wb.save(os.path.join(OUT, "luoyang-2019.xlsx"))


def csv_file(title, categories):
    with open(os.path.join(OUT, "luoyang-2019.csv"), "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([title])
        writer.writerow(HEADER)
        for row in task_rows(categories):
            writer.writerow(row)


def encodings():
    text = open(SEED, encoding="utf-8").read()
    with open(os.path.join(OUT, "luoyang-2019-gb18030.txt"), "wb") as f:
        f.write(text.encode("gb18030"))
    with open(os.path.join(OUT, "luoyang-2019-utf16.txt"), "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


if __name__ == "__main__":
    title, preamble, notice_lines, categories = read_seed()
    assert sum(len(c["items"]) for c in categories) == 51, "expected 51 items"
    paragraphs_docx(title, preamble, notice_lines, categories)
    table_docx(title, preamble, categories)
    xlsx(title, categories)
    csv_file(title, categories)
    encodings()
    print("wrote fixtures to", OUT)
