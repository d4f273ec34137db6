"""An Extraction as the JSON object `python -m ingest extract` prints, exactly as
shared/contracts/extraction.schema.json (schema_version "1") describes it."""

from __future__ import annotations

from typing import Any

from ingest.models import EntityMention, Extraction, Institution, Place, RegionRef

SCHEMA_VERSION = "1"


def to_contract(extraction: Extraction) -> dict[str, Any]:
    parsed = extraction.parsed
    meta = parsed.meta
    written = {i.name: i.written_name for i in extraction.institutions}
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": extraction.doc_id,
            "source": parsed.normalized.source,
            "text": parsed.normalized.text,
            "title": meta.title,
            "year": meta.year,
            "issuers": list(meta.issuers),
            "doc_number": meta.doc_number,
            "issued_on": meta.issued_on,
            "metadata": dict(parsed.normalized.metadata),
        },
        "region": _region(extraction.region),
        "diagnostics": {"region": str(extraction.region_note)} if extraction.region_note else {},
        "other_regions": [
            {
                **_place(r.place),
                "parents": [_place(p) for p in r.parents],
                "mentions": _mentions(r.mentions),
            }
            for r in extraction.other_regions
        ],
        "sections": [
            {"id": s.id, "number": s.number, "title": s.title, "start": s.start, "end": s.end}
            for s in parsed.sections
        ],
        "goals": [
            {
                "id": g.id,
                "section": g.section,
                "number": g.number,
                "title": g.title,
                "text": g.text,
                "start": g.start,
                "end": g.end,
            }
            for g in parsed.goals
        ],
        "measures": [
            {"id": m.id, "goal": m.goal, "text": m.text, "start": m.start, "end": m.end}
            for m in parsed.measures
        ],
        "projects": [
            {
                "name": p.written_name,  # as written, as the conventions have it
                "aliases": sorted({p.name, *p.aliases} - {p.written_name}),
                "mentions": _mentions(p.mentions),
            }
            for p in extraction.projects
        ],
        "policies": [
            {
                "title": p.written_title,  # as written, as the conventions have it
                "aliases": sorted({p.title, *p.aliases} - {p.written_title}),
                "mentions": _mentions(p.mentions),
            }
            for p in extraction.policies
        ],
        "institutions": [
            {
                "name": i.written_name,  # as written, as the conventions have it
                "kind": i.kind,
                "region": i.region,
                **({"full_name": full} if (full := _fullest(i)) else {}),
                "mentions": _mentions(i.mentions),
            }
            for i in extraction.institutions
        ],
        "targets": [
            {
                "text": t.text,
                "metric": t.metric,
                "value": t.value,
                "unit": t.unit,
                "comparator": t.comparator,
                "deadline": t.deadline,
                "in": t.in_item,
                "start": t.start,
                "end": t.end,
            }
            for t in extraction.targets
        ],
        "responsibilities": [
            {
                "item": r.item,
                "institution": written.get(r.institution, r.institution),
                "role": r.role,
                "source": r.source,
                "start": r.start,
                "end": r.end,
            }
            for r in extraction.responsibilities
        ],
        "merges": [
            {"kind": m.kind, "variant": m.variant, "canonical": m.canonical, "reason": m.reason}
            for m in extraction.merges
        ],
    }


def _place(place: Place) -> dict[str, Any]:
    return {"name": place.name, "adcode": place.adcode, "level": place.level}


def _region(region: RegionRef | None) -> dict[str, Any] | None:
    if region is None:
        return None
    return {
        **_place(region.place),
        "parents": [_place(p) for p in region.parents],
        "evidence": region.evidence,
    }


def _mentions(mentions: tuple[EntityMention, ...]) -> list[dict[str, Any]]:
    return [{"start": m.start, "end": m.end, "in": m.in_item, "rule": m.rule} for m in mentions]


def _fullest(institution: Institution) -> str | None:
    """The fullest name known (县政府 → 阳城县人民政府, 区教委 → 沙坪坝区教育委员会), when it is
    not the name as written."""
    full = institution.fullest_name
    return full if full != institution.written_name else None
