// The peer: @neo4j/graphql on @apollo/server over the graph graph/store/neo4j.py writes.
// NEO4J_URI (bolt://...), PORT. One Node process; prints "PEER-READY <url>" when it listens.
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

// Labels, relationship types and property names exactly as the Neo4j store writes them.
// Collaborators run the store's own Newman Cypher (Neo4jStore.collaborators).
const typeDefs = /* GraphQL */ `
  type Region @node {
    code: ID!
    name: String!
    level: String!
    parent_code: String
  }

  type Institution @node {
    id: ID!
    name: String!
    name_norm: String!
    type: String!
    level: String
    region_code: String
    region: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "ATTENDED", direction: OUT, properties: "Attended")
    collaborators(first: Int = 10): [Collaborator!]!
      @cypher(
        statement: """
        MATCH (this)-[:ATTENDED]->(m:Meeting)
        WITH this, m, COUNT { (m)<-[:ATTENDED]-(:Institution) } AS n
        MATCH (m)<-[:ATTENDED]-(b:Institution) WHERE b.id <> this.id
        WITH b.id AS dst, b.name AS name, count(m) AS shared, sum(1.0 / (n - 1)) AS weight
        ORDER BY weight DESC, shared DESC, dst LIMIT $first
        RETURN {id: dst, name: name, shared_meetings: shared, weight: weight} AS c
        """
        columnName: "c"
      )
  }

  type Collaborator {
    id: ID!
    name: String!
    shared_meetings: Int!
    weight: Float!
  }

  type Attended @relationshipProperties {
    roles: [String!]!
  }

  type Meeting @node {
    id: ID!
    title: String!
    date: Date!
    region_code: String
    region: [Region!]! @relationship(type: "HELD_IN", direction: OUT)
    attendees: [Institution!]! @relationship(type: "ATTENDED", direction: IN, properties: "Attended")
  }
`;

const uri = process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687";
const port = Number(process.env.PORT ?? 4000);
const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", process.env.NEO4J_PASSWORD ?? "none"));
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, {
  listen: { port, host: "127.0.0.1" },
  context: async () => ({}),
});
console.log(`PEER-READY ${url}`);
