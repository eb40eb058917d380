"""`python -m neo4j_server` (`make neo4j`): Neo4j in the foreground on NEO4J_PORT (7687).

Auth is off unless NEO4J_USER/NEO4J_PASSWORD are set (the user is always neo4j).
Data stays in .neo4j/data between runs. Ctrl-C stops it.
"""

from __future__ import annotations

import sys

from graph.settings import settings
from neo4j_server import CACHE, Neo4jServer, Neo4jStartError


def main() -> int:
    env = settings()
    if env.neo4j_user and env.neo4j_user != "neo4j":
        print("NEO4J_USER must be neo4j (Community has one admin user)", file=sys.stderr)
        return 2
    server = Neo4jServer(CACHE / "data", host=env.neo4j_host,
                         port=env.neo4j_port, password=env.neo4j_password or None, heap="1g")
    try:
        uri = server.start()
    except Neo4jStartError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Neo4j 5.26 listening on {uri} (Ctrl-C stops it)", flush=True)
    try:
        assert server._proc is not None
        server._proc.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
