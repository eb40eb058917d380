# The API image: stateless workers serving GraphQL over the store named by TPPS_DB.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY api ./api
COPY graph ./graph
COPY loaders ./loaders
COPY cli ./cli
COPY neo4j_server/__init__.py neo4j_server/__main__.py ./neo4j_server/
RUN pip install --no-cache-dir .
RUN useradd --create-home tpps
USER tpps
EXPOSE 8000
CMD ["sh", "-c", "tpps serve --host 0.0.0.0 --port 8000 --workers ${TPPS_WORKERS:-2}"]
