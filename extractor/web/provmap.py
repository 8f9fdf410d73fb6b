"""The league table as a map that needs no tile server: one mark per province, drawn as SVG.

Each of today's 34 provinces is a circle at its centre (the coordinates
``vietnamadminunits`` ships, through the gazetteer), coloured by its latest health-insurance
coverage rate and sized by its number of articles (the package ships no population). No
boundary file with a clear licence is bundled, so there are no outlines: the marks alone
trace the country. The page renders the shapes computed here (``templates/_map.html``).
"""
from __future__ import annotations

import math
from typing import Any

from extractor import values

# Equirectangular projection of the mainland and near islands, scaled by cos(16°).
LON0, LON1, LAT0, LAT1 = 102.7, 109.4, 8.6, 23.2
SCALE = 46.0  # pixels per degree of latitude
PAD = 24
LABEL_ROOM = 90  # room left of the westernmost mark and right of the easternmost for names
# Where a province's name goes when the default (right of its mark) would hit a neighbour's.
LABEL_LEFT = {"Hà Nội", "Phú Thọ", "Thanh Hóa", "Tuyên Quang", "Lào Cai", "Lai Châu", "Điện Biên", "Sơn La",
              "Nghệ An", "Tây Ninh", "Đồng Tháp", "An Giang"}
LABEL_BELOW = {"Ninh Bình"}
LABEL_ABOVE = {"Bắc Ninh"}
# Colour bins of the health-insurance coverage rate (%), lowest first; grey: no rate.
BINS = [(0, "below 85 %", "#d73027"), (85, "85–90 %", "#fc8d59"), (90, "90–93 %", "#fee08b"),
        (93, "93–95 %", "#91cf60"), (95, "95 % and more", "#1a9850")]
NO_DATA = "#d9d9d9"
R_MIN, R_MAX = 4.0, 16.0


def colour(rate: float | None) -> str:
    """The fill of a province whose latest rate is ``rate``."""
    if rate is None:
        return NO_DATA
    return [c for low, _, c in BINS if rate >= low][-1]


def _radius(articles: int, most: int) -> float:
    return R_MIN + (R_MAX - R_MIN) * math.sqrt(articles / most) if most and articles else R_MIN


def province_map(league: list[dict[str, Any]]) -> dict[str, Any]:
    """Marks, legend and size of the map of ``league`` (rows of :func:`store.league.league_table`;
    the pre-2025 provinces beneath each one are left out: one mark per province today)."""
    k = SCALE * math.cos(math.radians(16))
    width = (LON1 - LON0) * k + 2 * LABEL_ROOM
    height = (LAT1 - LAT0) * SCALE + 2 * PAD
    rows = [r for r in league if not r["parent"] and r["lat"] is not None]
    most = max((r["articles"] for r in rows), default=0)
    marks = []
    for r in rows:
        x = LABEL_ROOM + (r["lon"] - LON0) * k
        y = PAD + (LAT1 - r["lat"]) * SCALE
        rate = r["health_rate"]
        title = f"{r['province']}: " + (f"{values.number(rate)} % health insurance coverage ({r['health_date']})"
                                        if rate is not None else "no coverage rate yet")
        title += f", {r['articles']} article{'s' if r['articles'] != 1 else ''}"
        side = ("left" if r["province"] in LABEL_LEFT else "below" if r["province"] in LABEL_BELOW
                else "above" if r["province"] in LABEL_ABOVE else "right")
        radius = round(_radius(r["articles"], most), 1)
        lx = {"left": x - radius - 3, "right": x + radius + 3}.get(side, x)
        ly = {"below": y + radius + 10, "above": y - radius - 4}.get(side, y + 3.5)
        marks.append({"province": r["province"], "x": round(x, 1), "y": round(y, 1), "r": radius,
                      "fill": colour(rate), "rate": rate, "title": title,
                      "label": {"x": round(lx, 1), "y": round(ly, 1),
                                "anchor": {"left": "end", "right": "start"}.get(side, "middle")}})
    marks.sort(key=lambda m: -m["r"])  # small marks on top of big ones
    sizes = sorted({1, max(1, most // 2), most} - {0}) if most else []
    return {"width": round(width), "height": round(height), "marks": marks,
            "legend": [{"label": label, "fill": c} for _, label, c in BINS] + [{"label": "no rate yet", "fill": NO_DATA}],
            "sizes": [{"articles": n, "r": round(_radius(n, most), 1)} for n in sizes]}
