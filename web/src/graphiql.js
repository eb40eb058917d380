// GraphiQL bundled from npm (graphiql + react), so it renders without internet.
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

// GraphiQL's header editor (e.g. an Authorization: Bearer token) reaches the API.
async function fetcher(params, options) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json",
               ...(options && options.headers) },
    body: JSON.stringify(params),
  });
  return response.json();
}

createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }),
);
