"""GDELT 2.0 event export: one tab-separated row of GDELT's 61 columns per stored event.

Filled from what newsgraph knows (see ``gdelt_fields``); every other column is empty,
like the columns GDELT itself leaves blank. No header line, as in GDELT's files, unless
asked for. Row building is pure; ``write_gdelt`` is the I/O edge.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, TextIO

from newsgraph.export.gdelt_codes import ActorCodeLists, actor_code_lists, countries, gdelt_columns
from newsgraph.store import Store
from newsgraph.store.exports import gdelt_events

# GDELT's geographic resolution of a place (ActionGeo_Type) by the gazetteer's feature kind;
# (outside the US, in the US)
GEO_TYPES = {"country": (1, 1), "admin region": (5, 2), "city": (4, 3), "landmark": (4, 3)}


def global_event_id(event_id: str) -> int:
    """A stable positive 63-bit integer for a newsgraph event id (GDELT ids are integers)."""
    return int.from_bytes(hashlib.sha256(event_id.encode("utf-8")).digest()[:8]) >> 1


def date_fields(value: str | None) -> dict[str, Any]:
    """SQLDATE, MonthYear, Year and FractionDate of an ISO date; a partial date fills only
    the fields it determines."""
    if not value:
        return {}
    parts = value.split("-")
    fields: dict[str, Any] = {"Year": parts[0]}
    if len(parts) >= 2:
        fields["MonthYear"] = parts[0] + parts[1]
    if len(parts) >= 3:
        year, month, day = (int(p) for p in parts[:3])
        fields["SQLDATE"] = f"{year:04d}{month:02d}{day:02d}"
        fields["FractionDate"] = f"{year + (month * 30 + day) / 365:.4f}"
    return fields


def actor_fields(prefix: str, code: str | None, name: str | None, country: str | None,
                 lists: ActorCodeLists) -> dict[str, Any]:
    """The Actor1*/Actor2* columns of one actor: its code split into CAMEO parts."""
    if not code and not name:
        return {}
    fields: dict[str, Any] = {f"{prefix}Code": code or "",
                              f"{prefix}Name": (name or "").upper()}
    parts = [code[i:i + 3] for i in range(0, len(code), 3)] if code else []
    if parts and country and parts[0] not in lists.types | lists.known_groups:
        fields[f"{prefix}CountryCode"] = parts.pop(0)  # CAMEO's own country code
    types, religions = [], []
    for part in parts:
        if part in lists.known_groups and f"{prefix}KnownGroupCode" not in fields:
            fields[f"{prefix}KnownGroupCode"] = part
        elif part in lists.types:
            types.append(part)
        elif part in lists.religions:
            religions.append(part)
        elif part in lists.ethnic and f"{prefix}EthnicCode" not in fields:
            fields[f"{prefix}EthnicCode"] = part.lower()
    for number, part in enumerate(types[:3], 1):
        fields[f"{prefix}Type{number}Code"] = part
    for number, part in enumerate(religions[:2], 1):
        fields[f"{prefix}Religion{number}Code"] = part
    return fields


def action_geo_fields(event: Mapping[str, Any]) -> dict[str, Any]:
    """The ActionGeo_* columns from the event's place (FeatureID: a GeoNames id)."""
    name = event.get("place_name")
    if not name:
        return {}
    country = countries().get(event.get("place_country") or "")
    feature = event.get("feature")
    fields: dict[str, Any] = {"ActionGeo_FullName": name}
    if country:
        fields["ActionGeo_CountryCode"] = country.fips
        if feature != "country" and country.name != name:
            fields["ActionGeo_FullName"] = f"{name}, {country.name}"
    if feature in GEO_TYPES:
        fields["ActionGeo_Type"] = GEO_TYPES[feature][event.get("place_country") == "USA"]
    if event.get("lat") is not None and event.get("lon") is not None:
        fields["ActionGeo_Lat"], fields["ActionGeo_Long"] = event["lat"], event["lon"]
    if feature == "country" and country:
        fields["ActionGeo_FeatureID"] = country.fips
    elif event.get("geonameid") is not None:
        fields["ActionGeo_FeatureID"] = event["geonameid"]
    return fields


def gdelt_fields(event: Mapping[str, Any], lists: ActorCodeLists | None = None
                 ) -> dict[str, Any]:
    """GDELT column name -> value for one stored event (as ``store.exports.gdelt_events``
    gives it). The event's own date, else its article's publication date, dates it."""
    lists = lists or actor_code_lists()
    cameo = event["cameo"]
    lead_end = event.get("lead_end")
    fields: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(event["id"]),
        **date_fields(event.get("date") or event.get("published")),
        **actor_fields("Actor1", event.get("source_code"), event.get("source_name"),
                       event.get("source_country"), lists),
        **actor_fields("Actor2", event.get("target_code"), event.get("target_name"),
                       event.get("target_country"), lists),
        "IsRootEvent": int(lead_end is not None and event["evidence_start"] < lead_end),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": event.get("cameo_root") or cameo[:2],
        "QuadClass": event.get("quad_class"),
        "GoldsteinScale": event.get("goldstein"),
        "NumMentions": event.get("mentions"),
        "NumSources": event.get("sources"),
        "NumArticles": event.get("articles"),
        **action_geo_fields(event),
        "DATEADDED": event.get("stored_at"),
        "SOURCEURL": event.get("url"),
    }
    unknown = set(fields) - set(gdelt_columns())
    if unknown:
        raise KeyError(f"not GDELT columns: {sorted(unknown)}")
    return fields


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # a tab or line break inside a value would break the row
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def gdelt_line(fields: Mapping[str, Any]) -> str:
    """One row: the 61 columns in GDELT's order, tab-separated, empty where unknown."""
    return "\t".join(_cell(fields.get(name)) for name in gdelt_columns())


def write_gdelt(store: Store, filters: Mapping[str, Any], out: TextIO,
                header: bool = False) -> int:
    """Write the filtered events as GDELT rows (a header line only with ``header``);
    returns the number of rows."""
    if header:
        out.write("\t".join(gdelt_columns()) + "\n")
    columns, rows = gdelt_events(store.db, filters, store.symmetric)
    lists = actor_code_lists()
    count = 0
    for row in rows:
        out.write(gdelt_line(gdelt_fields(dict(zip(columns, row, strict=True)), lists)) + "\n")
        count += 1
    return count
