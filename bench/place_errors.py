"""List the misses and far answers of a GeoWebNews run, one gold toponym a line.

usage: python bench/place_errors.py OUT_DIR [--half tuning] [--km 161]

OUT_DIR is a folder written by ``bench/places.py --keep OUT_DIR``. Each line: the kind
(miss, no-point, far), the gold type, the toponym, the gold GeoNames id and point, then
what was predicted (name, feature, country, point, km off). Read the tuning half to find
error classes; the checking half only to check a change.
"""

from __future__ import annotations

import argparse
import json
import math
import xml.etree.ElementTree as ET
from pathlib import Path

from halves import HALVES

PLACE_TYPES = {"Literal", "Mixed", "Metonymic", "Literal_Modifier", "Embedded_Literal"}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def gold_places(article: ET.Element) -> list[dict]:
    """The gold toponyms the scorer counts (a place type with a point)."""
    out = []
    for toponym in article.find("toponyms") or []:
        lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
        if toponym.findtext("type") not in PLACE_TYPES or not lat or not lon:
            continue
        out.append({"name": toponym.findtext("extractedName"),
                    "type": toponym.findtext("type"),
                    "id": toponym.findtext("geonamesID") or "-",
                    "start": int(toponym.findtext("start")),
                    "end": int(toponym.findtext("end")),
                    "point": (float(lat), float(lon))})
    return out


def errors(gold: dict, prediction: dict, far_km: float) -> list[str]:
    """One line per gold toponym of this article that was missed or placed far off."""
    mentions = [(m["start"], m["end"], place) for place in prediction.get("places", [])
                for m in place.get("mentions", [])]
    lines = []
    for toponym in gold:
        head = f"{toponym['type']:<16} {toponym['name']!r} gold {toponym['id']} " \
               f"({toponym['point'][0]:.2f}, {toponym['point'][1]:.2f})"
        hits = [m for m in mentions if m[0] < toponym["end"] and toponym["start"] < m[1]]
        if not hits:
            lines.append(f"miss     {head}")
            continue
        best = max(hits, key=lambda m: min(m[1], toponym["end"]) - max(m[0], toponym["start"]))
        place = best[2]
        said = f"-> {place.get('name')!r} {place.get('feature')} {place.get('country')} " \
               f"{place.get('geonameid')}"
        if place.get("lat") is None or place.get("lon") is None:
            lines.append(f"no-point {head} {said}")
            continue
        off = km(toponym["point"], (place["lat"], place["lon"]))
        if off > far_km:
            lines.append(f"far      {head} {said} ({place['lat']:.2f}, {place['lon']:.2f}) "
                         f"{off:.0f} km")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--half", choices=HALVES, default="tuning")
    parser.add_argument("--km", type=float, default=161.0)
    args = parser.parse_args()
    golds = ET.parse(args.out_dir / f"gold_{args.half}.xml").getroot()
    predictions = (args.out_dir / f"out_{args.half}.jsonl").read_text().splitlines()
    for article, line in zip(golds, predictions, strict=True):
        for error in errors(gold_places(article), json.loads(line), args.km):
            print(f"{article.get('file'):>4} {error}")


if __name__ == "__main__":
    main()
