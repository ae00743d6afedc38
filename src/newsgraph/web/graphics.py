"""The explorer's pictures as plain geometry, computed on the server: the world outline
and event places on an equirectangular map, the actor network's layout and edge styles,
and the timeline's stacked bars. Pure functions; the templates draw them as SVG."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WORLD = Path(__file__).parent / "static" / "vendor" / "world-atlas" / "countries-110m.json"
MAP_WIDTH, MAP_HEIGHT = 360.0, 180.0  # one unit a degree: x = lon + 180, y = 90 - lat
COOPERATION, CONFLICT = (1, 2), (3, 4)


# --- map ---------------------------------------------------------------------------
def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection into the map's 360 × 180 box."""
    return round(lon + 180.0, 2), round(90.0 - lat, 2)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """A quantized TopoJSON topology's arcs as (lon, lat) lists (delta-decoded)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: Sequence[int], arcs: list[list[tuple[float, float]]]
                ) -> list[tuple[float, float]]:
    """A ring's points from its arc indices (``~i`` is arc ``i`` reversed); arcs share
    their end points, so each arc after the first drops its first point."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring cut at the antimeridian (a step from +180° to -180°) made continuous, so it
    is not drawn as a line across the world; the part beyond the edge is clipped."""
    points, shift, last = [], 0.0, None
    for lon, lat in ring:
        if last is not None and abs(lon + shift - last) > 180:
            shift += 360 if lon + shift < last else -360
        points.append((lon + shift, lat))
        last = lon + shift
    return points


def svg_path(rings: Iterable[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        coordinates = [project(lat, lon) for lon, lat in unwrap(ring)]
        parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in coordinates) + "Z")
    return "".join(parts)


def world_paths(topology: dict[str, Any], layer: str = "countries") -> list[dict[str, str]]:
    """One SVG path (``d``) per country of a world-atlas topology, with its name."""
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"][layer]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])],
                    "MultiPolygon": geometry.get("arcs", [])}.get(geometry["type"], [])
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        if rings:
            name = (geometry.get("properties") or {}).get("name", "")
            paths.append({"name": name, "d": svg_path(rings)})
    return paths


@functools.cache
def world_outline() -> tuple[dict[str, str], ...]:
    """The vendored Natural Earth countries (1:110m), read once per process."""
    return tuple(world_paths(json.loads(WORLD.read_text(encoding="utf-8"))))


def map_points(places: Iterable[dict[str, Any]], largest: float = 6.0) -> list[dict[str, Any]]:
    """Each place with its map position and a radius whose area follows its count."""
    places = list(places)
    most = max((p["events"] for p in places), default=1)
    return [{**p, "x": x, "y": y, "r": round(max(1.2, largest * math.sqrt(p["events"] / most)), 2)}
            for p in places for x, y in [project(p["lat"], p["lon"])]]


# --- network -----------------------------------------------------------------------
def network_layout(ids: Sequence[str], edges: Iterable[tuple[str, str]], width: float,
                   height: float, iterations: int = 150) -> dict[str, tuple[float, float]]:
    """Node positions by a deterministic force layout (Fruchterman-Reingold): linked
    nodes pull together, all nodes push apart; starts from a circle, so the same graph
    is always drawn the same way."""
    count = len(ids)
    if count == 0:
        return {}
    if count == 1:
        return {ids[0]: (width / 2, height / 2)}
    position = {node: [width / 2 + width / 3 * math.cos(2 * math.pi * i / count),
                       height / 2 + height / 3 * math.sin(2 * math.pi * i / count)]
                for i, node in enumerate(ids)}
    links = [(a, b) for a, b in edges if a != b and a in position and b in position]
    ideal = math.sqrt(width * height / count) * 0.75
    temperature = width / 10
    for _ in range(iterations):
        shift = {node: [0.0, 0.0] for node in ids}
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                dx, dy = (position[a][k] - position[b][k] for k in (0, 1))
                distance = max(math.hypot(dx, dy), 0.01)
                push = ideal * ideal / distance
                for node, sign in ((a, 1), (b, -1)):
                    shift[node][0] += sign * dx / distance * push
                    shift[node][1] += sign * dy / distance * push
        for a, b in links:
            dx, dy = (position[a][k] - position[b][k] for k in (0, 1))
            distance = max(math.hypot(dx, dy), 0.01)
            pull = distance * distance / ideal
            for node, sign in ((a, -1), (b, 1)):
                shift[node][0] += sign * dx / distance * pull
                shift[node][1] += sign * dy / distance * pull
        for node in ids:  # a little gravity keeps loose parts of the graph near the middle
            shift[node][0] += (width / 2 - position[node][0]) * 0.05 * ideal / 10
            shift[node][1] += (height / 2 - position[node][1]) * 0.05 * ideal / 10
        for node in ids:
            dx, dy = shift[node]
            length = max(math.hypot(dx, dy), 0.01)
            step = min(length, temperature)
            position[node][0] = min(width - 40, max(40, position[node][0] + dx / length * step))
            position[node][1] = min(height - 30, max(30, position[node][1] + dy / length * step))
        temperature = max(temperature * 0.96, 1.0)
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in position.items()}


def edge_kind(by_quad_class: dict[str, int]) -> str:
    """"cooperation" or "conflict": whichever of the quad classes 1+2 or 3+4 has more
    events (cooperation on a tie)."""
    cooperation = sum(by_quad_class.get(str(q), 0) for q in COOPERATION)
    conflict = sum(by_quad_class.get(str(q), 0) for q in CONFLICT)
    return "conflict" if conflict > cooperation else "cooperation"


@dataclass(frozen=True)
class DrawnEdge:
    source: str
    target: str
    events: int
    kind: str
    width: float
    path: str
    by_quad_class: dict[str, int]


def drawn_edges(edges: Iterable[dict[str, Any]], layout: dict[str, tuple[float, float]],
                widest: float = 9.0) -> list[DrawnEdge]:
    """Edges as slightly bent paths (A→B and B→A stay apart), width by count."""
    edges = [e for e in edges if e["source"] != e["target"]]
    most = max((e["events"] for e in edges), default=1)
    drawn = []
    for edge in edges:
        (x1, y1), (x2, y2) = layout[edge["source"]], layout[edge["target"]]
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        bend = 0.15
        cx, cy = mx + bend * (y2 - y1), my - bend * (x2 - x1)
        drawn.append(DrawnEdge(
            edge["source"], edge["target"], edge["events"], edge_kind(edge["by_quad_class"]),
            round(1 + (widest - 1) * edge["events"] / most, 2),
            f"M{x1:g},{y1:g}Q{cx:.1f},{cy:.1f} {x2:g},{y2:g}", edge["by_quad_class"]))
    return drawn


# --- timeline ----------------------------------------------------------------------
def timeline_bars(days: Sequence[dict[str, Any]], width: float, height: float
                  ) -> list[dict[str, Any]]:
    """One stacked bar per day that has events (days in order, evenly spaced): a
    segment per quad class, bottom up 1 to 4, heights scaled to the busiest day."""
    if not days:
        return []
    most = max(day["events"] for day in days)
    slot = (width - 30) / len(days)  # room on the right for the last slanted label
    bars = []
    for i, day in enumerate(days):
        bottom, segments = height, []
        for quad_class in ("1", "2", "3", "4"):
            count = day["by_quad_class"].get(quad_class, 0)
            if count:
                size = height * count / most
                bottom -= size
                segments.append({"quad_class": quad_class, "count": count,
                                 "y": round(bottom, 2), "height": round(size, 2)})
        bars.append({"date": day["date"], "events": day["events"], "segments": segments,
                     "x": round(i * slot + slot * 0.1, 2), "width": round(slot * 0.8, 2)})
    return bars
