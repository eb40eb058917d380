// The explorer's only door to the data: the public GraphQL API, with automatic
// persisted queries (a query's text is sent once; later only its sha256 hash).

async function sha256(text) {
  if (!globalThis.crypto || !crypto.subtle) return null; // not a secure context
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function post(body) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  });
  return response.json();
}

export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join("; "));
    this.codes = errors.map((e) => (e.extensions || {}).code);
  }
}

export async function gql(query, variables = {}) {
  const hash = await sha256(query);
  let body;
  if (hash) {
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    body = await post({ variables, extensions });
    const missing = (body.errors || []).some(
      (e) => (e.extensions || {}).code === "PERSISTED_QUERY_NOT_FOUND");
    if (missing) body = await post({ query, variables, extensions });
  } else {
    body = await post({ query, variables });
  }
  if (body.errors && body.errors.length) throw new ApiError(body.errors);
  return body.data;
}

export const SEARCH = `query Search($q: String!) {
  institutions(filter: {nameContains: $q}, first: 10) {
    edges { node { id name type regionCode } } }
  regions(filter: {nameContains: $q}, first: 10) {
    edges { node { code name level institutionCount meetingCount } } }
  programs(filter: {nameContains: $q}, first: 10) { edges { node { id name } } }
}`;

export const CHILDREN = `query Children($code: String!) {
  region(code: $code) { code name level parentCode
    children { code name level institutionCount meetingCount } }
}`;

export const PROVINCES = `query Provinces {
  regions(filter: {level: "province"}, first: 100) {
    edges { node { code name level institutionCount meetingCount } } }
}`;

export const MONTHS = `query Months($filter: NetworkFilter) {
  networkSummary(filter: $filter) { meetingsPerMonth { month meetings } }
}`;

export const NETWORK = `query Network($filter: NetworkFilter, $measure: CentralityMeasure) {
  network(filter: $filter, measure: $measure) { columns {
    id name type sector regionCode community degree score
    source target weight sharedMeetings } }
}`;

export const INSTITUTION = `query Institution($id: ID!, $filter: NetworkFilter) {
  institution(id: $id) {
    id name type sector region { code name }
    meetings(first: 20) { totalCount edges { node {
      id title date venue region { name }
      attendees { role roles institution { id }
        sources { excerpt start end source { url title file synthetic } } }
      sources { excerpt start end source { url title file synthetic } } } } }
    collaborators(first: 15) { sharedMeetings weight institution { id name type } }
    programs { relation program { id name } }
    degree: centrality(measure: DEGREE, filter: $filter) { rank score }
    weightedDegree: centrality(measure: WEIGHTED_DEGREE, filter: $filter) { rank score }
    betweenness: centrality(measure: BETWEENNESS, filter: $filter) { rank score }
    closeness: centrality(measure: CLOSENESS, filter: $filter) { rank score }
    eigenvector: centrality(measure: EIGENVECTOR, filter: $filter) { rank score }
    pagerank: centrality(measure: PAGERANK, filter: $filter) { rank score }
  }
}`;

export const REGION = `query RegionPanel($code: String!, $filter: NetworkFilter,
                        $from: Date, $to: Date) {
  region(code: $code) { code name level measurements { what value unit period } }
  convergenceGaps(regionCode: $code, from: $from, to: $to, first: 50) {
    meetings
    missingTypes { types why }
    pairGaps { kecamatan { name } a { id name } b { id name } why }
  }
  brokers(filter: $filter, first: 5) {
    institution { id name type } effectiveSize constraint total }
}`;
