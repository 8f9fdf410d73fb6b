"""Build ``models/gazetteer/units.tsv`` from the ``vietnamadminunits`` package.

Run once when the package's data changes: ``python -m extractor.gazetteer_build``.
The package holds the 63 pre-reform provinces with their districts and communes, the
34 provinces of 1 July 2025 with their communes and wards, and the old → new mapping;
we flatten them into one small table the gazetteer loads in milliseconds, so the
package is not needed (nor imported) at run time.

Columns: level, era (L = before the 2025 reform, N = since, LN = both), type word,
canonical short name, today's province, pre-2025 province, parent district (legacy
communes), code, lat, lon.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

from extractor.paths import model_path

COLUMNS = ("level", "era", "kind", "name", "province", "old", "parent", "code", "lat", "lon")


def _package_dir() -> Path:
    import vietnamadminunits

    return Path(vietnamadminunits.__file__).parent / "data"


def _coord(x) -> str:
    return "" if x is None else f"{float(x):.4f}"


def build_rows(data_dir: Path) -> list[tuple]:
    """Every unit of both eras as flat rows (see ``COLUMNS``)."""
    db = sqlite3.connect(data_dir / "dataset.db")
    conv = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))

    old_name = dict(db.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units_legacy"))
    new_name = dict(db.execute("SELECT DISTINCT provinceKey, provinceShort FROM admin_units"))
    today_of = {old_name[o]: new_name[n] for n, olds in conv["DICT_PROVINCE"].items() for o in olds}

    rows: list[tuple] = []
    # Provinces: one row per name; today's provinces take today's code and centroid.
    new_prov = {r[0]: r for r in db.execute(
        "SELECT DISTINCT provinceShort, province, provinceCode, provinceLat, provinceLon FROM admin_units")}
    for short, full, code, lat, lon in db.execute(
            "SELECT DISTINCT provinceShort, province, provinceCode, provinceLat, provinceLon FROM admin_units_legacy"):
        era = "L"
        if short in new_prov:
            era, (_, full, code, lat, lon) = "LN", new_prov[short]
        kind = "Thành phố" if full.startswith("Thành phố") else "Tỉnh"
        rows.append(("province", era, kind, short, today_of[short], short, "", code, _coord(lat), _coord(lon)))

    for prov, short, kind, code, lat, lon in db.execute(
            "SELECT DISTINCT provinceShort, districtShort, districtType, districtCode, districtLat, districtLon "
            "FROM admin_units_legacy"):
        rows.append(("district", "L", kind, short, today_of[prov], prov, "", code, _coord(lat), _coord(lon)))

    for prov, dist, short, kind, code, lat, lon in db.execute(
            "SELECT provinceShort, districtShort, wardShort, wardType, wardCode, wardLat, wardLon "
            "FROM admin_units_legacy WHERE wardShort IS NOT NULL"):
        rows.append(("commune", "L", kind, short, today_of[prov], prov, dist, code, _coord(lat), _coord(lon)))

    # Pre-2025 province(s) each new commune/ward was formed from.
    origins: dict[tuple[str, str], set[str]] = defaultdict(set)
    for new_prov_key, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, olds in wards.items():
            origins[new_prov_key, ward_key].update(old_name.get(o.split("_")[0], "") for o in olds)
    for new_prov_key, divided in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, news in divided.items():
            for ward in news:
                origins[new_prov_key, ward["newWardKey"]].add(old_name.get(old_key.split("_")[0], ""))
    for pkey, prov, wkey, short, kind, code, lat, lon in db.execute(
            "SELECT provinceKey, provinceShort, wardKey, wardShort, wardType, wardCode, wardLat, wardLon "
            "FROM admin_units"):
        olds = origins.get((pkey, wkey), set()) - {""}
        old = olds.pop() if len(olds) == 1 else ""
        rows.append(("commune", "N", kind, short, prov, old, "", code, _coord(lat), _coord(lon)))
    return rows


def main(argv: list[str] | None = None) -> int:
    out = model_path("gazetteer", "units.tsv")
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = build_rows(_package_dir())
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    print(f"{out}: {len(rows)} units", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
