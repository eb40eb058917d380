"""Queries a-d of issue 16, as each server spells them, and one normal form of each answer.

The two APIs shape answers differently (a Relay connection against a plain list, a
region object against a one-element list), so an answer is compared after `normal()`
turns it into the same plain rows. Attendee lists are compared as sorted names: neither
API promises an attendee order.
"""

from __future__ import annotations

from typing import Any

TPPS = {
    "a": """query($code: String!) { institutions(first: 100, filter: {regionCode: $code}) {
  edges { node { name type region { name } meetings(first: 0) { totalCount } } } } }""",
    "b": """query($id: ID!) { institution(id: $id) { name meetings(first: 10) {
  edges { node { title date attendees { institution { name } } } } } } }""",
    "c": """query($id: ID!) { institution(id: $id) {
  collaborators(first: 10) { sharedMeetings weight institution { name } } } }""",
    "d": """query($code: String!) { meetings(first: 20, filter: {regionCode: $code}) {
  edges { node { title date attendees { institution { name region { name } } } } } } }""",
}

_BELOW = "where: {OR: [{region_code: {eq: $code}}, {region_code: {startsWith: $below}}]}"
PEER = {
    "a": "query($code: String!, $below: String!) { institutions(" + _BELOW + """,
  sort: [{name_norm: ASC}, {id: ASC}], limit: 100) {
  name type region { name } meetingsConnection { totalCount } } }""",
    "b": """query($id: ID!) { institutions(where: {id: {eq: $id}}) { name
  meetings(sort: [{date: DESC}, {id: DESC}], limit: 10) {
  title date attendees(sort: [{id: ASC}]) { name } } } }""",
    "c": """query($id: ID!) { institutions(where: {id: {eq: $id}}) {
  collaborators(first: 10) { name shared_meetings weight } } }""",
    "d": "query($code: String!, $below: String!) { meetings(" + _BELOW + """,
  sort: [{date: DESC}, {id: DESC}], limit: 20) {
  title date attendees(sort: [{id: ASC}]) { name region { name } } } }""",
}

LABELS = {
    "a": "a. first 100 institutions of a kab/kota: name, type, region name, meeting count",
    "b": "b. one institution, its 10 newest meetings, their attendees' names",
    "c": "c. one institution's top 10 collaborators",
    "d": "d. 20 newest meetings of a kab/kota, attendees and their regions",
}


def variables(query: str, key: str, peer: bool) -> dict[str, str]:
    if query in ("a", "d"):
        return {"code": key, "below": key + "."} if peer else {"code": key}
    return {"id": key}


def body(query: str, key: str, peer: bool) -> dict[str, Any]:
    return {"query": (PEER if peer else TPPS)[query], "variables": variables(query, key, peer)}


def _one(xs: list[Any]) -> Any:
    return xs[0] if xs else None


def normal(query: str, data: dict[str, Any], peer: bool) -> Any:
    """The answer as plain rows, the same for both servers when they agree."""
    if query == "a":
        if peer:
            return [(n["name"], n["type"], _one(n["region"])["name"],
                     n["meetingsConnection"]["totalCount"]) for n in data["institutions"]]
        return [(e["node"]["name"], e["node"]["type"], e["node"]["region"]["name"],
                 e["node"]["meetings"]["totalCount"]) for e in data["institutions"]["edges"]]
    if query == "b":
        inst = _one(data["institutions"]) if peer else data["institution"]
        meetings = inst["meetings"] if peer else [e["node"] for e in inst["meetings"]["edges"]]
        return (inst["name"], [
            (m["title"], m["date"], sorted(a["name"] if peer else a["institution"]["name"]
                                           for a in m["attendees"])) for m in meetings])
    if query == "c":
        inst = _one(data["institutions"]) if peer else data["institution"]
        rows = [(c["name"], c["shared_meetings"], round(c["weight"], 9)) if peer else
                (c["institution"]["name"], c["sharedMeetings"], round(c["weight"], 9))
                for c in inst["collaborators"]]
        # Equal weights may be summed in another order and tie-break differently.
        return sorted(rows, key=lambda r: (-r[2], -r[1], r[0]))
    meetings = data["meetings"] if peer else [e["node"] for e in data["meetings"]["edges"]]
    return [(m["title"], m["date"], sorted(
        (a["name"], _one(a["region"])["name"]) if peer else
        (a["institution"]["name"], a["institution"]["region"]["name"])
        for a in m["attendees"])) for m in meetings]
