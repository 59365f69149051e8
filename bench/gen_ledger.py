#!/usr/bin/env python3
"""Writes a ledger CSV for POST /api/v1/imports/expenditures (python3 stdlib only).

usage: gen_ledger.py FILE ROWS DEPARTMENT_CODE YEAR PROJECTS [SEED]

Columns: department_code,fiscal_year,date,amount,expenditure_type,funding_source,project_code,
economic_class,three_public,description. A realistic mix: ~40 % personnel, ~25 % public funds
(a fifth of them 三公 costs), ~35 % project payments spread over the first-level projects
CODE-P1..CODE-Pn and the second-level CODE-P1.1; English and Chinese enum spellings, ISO and
slashed dates, descriptions with commas and quotes (CSV-quoted). Deterministic for a seed.
"""
import datetime
import random
import sys


def main():
    path, rows, code, year, projects = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    rnd = random.Random(int(sys.argv[6]) if len(sys.argv) > 6 else 42)
    start = datetime.date(year, 1, 1).toordinal()
    days = datetime.date(year, 12, 31).toordinal() - start + 1
    dates = [datetime.date.fromordinal(start + d) for d in range(days)]
    iso = [d.isoformat() for d in dates]
    slashed = [f"{d.year}/{d.month}/{d.day}" for d in dates]
    project_codes = [f"{code}-P{i}" for i in range(1, projects + 1)] + ([f"{code}-P1.1"] if projects else [])
    descriptions = ["办公用品", "差旅费报销", "水电费", "物业管理费", "印刷费", "会议费", "培训费", "维修(护)费",
                    "\"专项\"采购, 第二批", "咨询服务费, 按合同支付", "Office supplies", "IT maintenance"]
    personnel_classes = ["30101", "30102", "30103", "30107", "30108", "30112"]
    public_classes = ["30201", "30202", "30205", "30206", "30207", "30211", "30213", "30216", "30226"]
    three_public = [("RECEPTION", "30217"), ("VEHICLES", "30231"), ("OVERSEAS", "30212"),
                    ("公务接待费", "30217"), ("公务用车", "30231")]
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("department_code,fiscal_year,date,amount,expenditure_type,funding_source,project_code,"
                "economic_class,three_public,description\n")
        out = []
        for n in range(rows):
            day = rnd.randrange(days)
            date = slashed[day] if n % 50 == 0 else iso[day]
            cents = rnd.randrange(1000, 5_000_000)
            amount = f"{cents // 100}.{cents % 100:02d}"
            desc = rnd.choice(descriptions)
            if '"' in desc or "," in desc:
                desc = '"' + desc.replace('"', '""') + '"'
            r = rnd.random()
            if r < 0.40 or not project_codes and r < 0.65:
                t = "PERSONNEL" if n % 7 else "人员经费"
                line = f"{code},{year},{date},{amount},{t},,,{rnd.choice(personnel_classes)},,{desc}"
            elif r < 0.65 or not project_codes:
                t = "PUBLIC_FUNDS" if n % 9 else "日常公用经费"
                if rnd.random() < 0.2:
                    cat, cls = rnd.choice(three_public)
                    line = f"{code},{year},{date},{amount},{t},一般公共预算,,{cls},{cat},{desc}"
                else:
                    line = f"{code},{year},{date},{amount},{t},,,{rnd.choice(public_classes)},,{desc}"
            else:
                p = rnd.choice(project_codes)
                t = ("", "PROJECT", "项目支出")[n % 3]
                src = "GOVERNMENT_FUND" if p.endswith(".1") else ""
                line = f"{code},{year},{date},{amount},{t},{src},{p},31002,,{desc}"
            out.append(line)
            if len(out) >= 10000:
                f.write("\n".join(out))
                f.write("\n")
                out.clear()
        if out:
            f.write("\n".join(out))
            f.write("\n")


if __name__ == "__main__":
    main()
