// The one load generator for every server: autocannon, each connection rotating over
// the request bodies it is given. argv: url connections seconds bodies.json
// Prints one JSON line: requests, errors, req/s, p50, p99 (ms).
import autocannon from "autocannon";
import { readFileSync } from "node:fs";

const [url, connections, seconds, bodiesFile] = process.argv.slice(2);
const bodies = JSON.parse(readFileSync(bodiesFile, "utf8"));
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  method: "POST",
  headers: { "content-type": "application/json" },
  requests: bodies.map((body) => ({ method: "POST", body: JSON.stringify(body) })),
});
const errors = result.errors + result.timeouts + result.non2xx;
console.log(JSON.stringify({
  requests: result.requests.total,
  errors,
  rps: result.requests.total / Number(seconds),
  p50: result.latency.p50,
  p99: result.latency.p99,
}));
