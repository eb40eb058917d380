"""Edges of the analytics API: unknown ids and regions, whose meetings a team's are."""

from __future__ import annotations

from graph.analytics.gaps import expectations
from tests.helpers import GraphQLClient


def test_ego_network_of_an_unknown_id_is_null(client: GraphQLClient) -> None:
    data = client.data('{ egoNetwork(id: "ins_nope") { nodes { id } } }')
    assert data["egoNetwork"] is None


def test_convergence_gaps_of_an_unknown_region_is_null(client: GraphQLClient) -> None:
    assert client.data('{ convergenceGaps(regionCode: "99.99") { level } }') == {
        "convergenceGaps": None}


def test_a_kab_kota_team_is_not_credited_with_kecamatan_meetings(client: GraphQLClient) -> None:
    # Kota Semarang (33.74) holds no meeting of its own in the demo; the Genuk rakor
    # (33.74.05) is the kecamatan team's, so every kab/kota partner is still missing.
    kota = client.data('{ convergenceGaps(regionCode: "33.74") { level meetings '
                       'missingTypes { types } } }')["convergenceGaps"]
    genuk = client.data('{ convergenceGaps(regionCode: "33.74.05") { meetings } }')
    assert genuk["convergenceGaps"]["meetings"] == 1
    assert (kota["level"], kota["meetings"]) == ("kabkota", 0)
    expected = [list(e.a) for e in expectations() if e.kind == "type" and e.level == "kabkota"]
    assert [m["types"] for m in kota["missingTypes"]] == expected  # all of them, as no meeting
    # The same question about Kota Cilegon, whose team did meet: its attendees count.
    cilegon = client.data('{ convergenceGaps(regionCode: "36.72") { meetings } }')
    assert cilegon["convergenceGaps"]["meetings"] == 1
