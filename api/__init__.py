"""The GraphQL API: Strawberry schema split by domain, served by Starlette."""
